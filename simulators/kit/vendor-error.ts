import type { Context } from 'hono';
import { renderMessage, getEntry } from '../../contracts/catalogue/index.js';
import type { Rejection } from '../../contracts/catalogue/rejection.js';

/**
 * Everything that goes wrong on a vendor route reaches the client through one function per
 * simulator: the vendor's own error shape. The kit calls it for validation failures, unknown
 * routes, oversized bodies, injected faults and the unexpected; the rules call it for rejections.
 */
export interface VendorErrorInput {
  status: number;
  /** The vendor-side error code (from the catalogue's `wire.code` for a rejection). */
  code: string;
  message: string;
  /** The catalogue id when the error is a documented rejection. */
  catalogueId?: string;
  /** Validation issues, when the client's input did not match the contract. */
  issues?: readonly { path: string; message: string }[];
}

export type FormatVendorError = (error: VendorErrorInput) => unknown;

export interface KitEnv {
  Variables: {
    formatError: FormatVendorError;
    /** The tenant the request's credentials identify (set by the simulator's auth middleware). */
    tenantId: string;
    /** The fault injected on this request, for the journal. */
    fault: string;
  };
}

export function vendorError(c: Context<KitEnv>, error: VendorErrorInput): Response {
  const format = c.get('formatError');
  return c.json(format(error) as object, error.status as 400);
}

/** Turns a rule's rejection into the vendor's wire error, using the catalogue's status and code. */
export function rejectionError(rejection: Rejection): VendorErrorInput {
  const entry = getEntry(rejection.id);
  return {
    status: entry.wire?.status ?? 422,
    code: entry.wire?.code ?? rejection.id,
    message: renderMessage(rejection.id, rejection.params, rejection.variant),
    catalogueId: rejection.id,
  };
}

export function rejectionResponse(c: Context<KitEnv>, rejection: Rejection): Response {
  (c.set as (key: string, value: unknown) => void)('catalogueId', rejection.id); // for the journal and --verbose
  return vendorError(c, rejectionError(rejection));
}

/**
 * A vendor error raised where it is found (the helper that resolves a file, a folder, a dossier
 * or a container), so that a route never tests what a helper returned: the kit's error handler
 * answers it, through `vendorError`, exactly as returning it would have.
 */
export class VendorReply extends Error {
  constructor(
    readonly respond: (c: Context<KitEnv>) => Response,
    message: string,
  ) {
    super(message);
  }
}

/** Ends the request with a vendor error outside the catalogue (an unknown file, entry, dossier...). */
export function fail(error: VendorErrorInput): never {
  throw new VendorReply((c) => vendorError(c, error), error.message);
}

/** Ends the request with a catalogue rejection, answered as `rejectionResponse` answers it. */
export function refuse(rejection: Rejection): never {
  throw new VendorReply((c) => rejectionResponse(c, rejection), rejection.id);
}

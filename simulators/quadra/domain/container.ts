import { own } from '../../../core/own.js';
import { CFE_INPUT_FOLDER, type SasResponse } from '../../../contracts/quadra/wire.js';
import type { Change } from '../../../core/changes.js';
import { done, type DomainResult } from '../../kit/domain-result.js';
import { writes, type BlobState, type DossierState, type FirmState } from '../state/schema.js';
import { credentialKey, type FirmIndex } from './credentials.js';

/**
 * The dossier's CFE container: an Azure-style blob container (vendor-facts §2.2) that the hub
 * writes into through a SAS URL, and that Quadra reads when the dossier is opened.
 */

/** A container name is global in the blob service: `<sic>-<dossier>`, lower case (simulator's own choice). */
export const containerNameOf = (firm: FirmState, dossier: DossierState): string =>
  `${firm.sicCode}-${dossier.code}`.toLowerCase().replace(/_/g, '-');

/** The dossier whose container has this name: the index names its firm, the firm's few dossiers the rest. */
export function findContainer(
  firms: FirmIndex,
  containerName: string,
): { firm: FirmState; dossier: DossierState } | undefined {
  const firm = firms.find(credentialKey.container(containerName))?.tenant;
  if (!firm) return undefined;
  for (const dossier of Object.values(firm.dossiers))
    if (containerNameOf(firm, dossier) === containerName) return { firm, dossier };
  return undefined;
}

/** Hands out a SAS token for the container; expired ones are dropped on the way. */
export function issueSas(
  firm: FirmState,
  dossier: DossierState,
  input: { sig: string; permissions: 'r' | 'rw'; minutes: number; blobServiceUri: string },
  now: Date,
): DomainResult<SasResponse> {
  const inContainer = writes.dossier(firm.sicCode, dossier.code).at('container');
  const changes: Change[] = Object.values(dossier.container.sas)
    .filter((s) => Date.parse(s.expiresAt) <= now.getTime())
    .map((s) => inContainer.del(['sas', s.sig]));
  const expiresAt = new Date(now.getTime() + input.minutes * 60_000).toISOString();
  changes.push(inContainer.set(['sas', input.sig], { sig: input.sig, permissions: input.permissions, expiresAt }));
  const sasToken = new URLSearchParams({
    sv: '2022-11-02',
    sr: 'c',
    sp: input.permissions,
    se: expiresAt,
    sig: input.sig,
  }).toString();
  return done(
    { blobServiceUri: input.blobServiceUri, containerName: containerNameOf(firm, dossier), sasToken },
    changes,
  );
}

export type SasCheck = { ok: true } | { ok: false; status: 403; code: string; message: string };

/** Azure Storage's own error codes and messages for a bad SAS. */
export function checkSas(
  dossier: DossierState,
  sas: { sig: string; sp: string; se: string },
  needs: 'r' | 'rw',
  now: Date,
): SasCheck {
  const record = own(dossier.container.sas, sas.sig);
  if (
    !record ||
    record.expiresAt !== sas.se ||
    record.permissions !== sas.sp ||
    Date.parse(record.expiresAt) <= now.getTime()
  ) {
    return {
      ok: false,
      status: 403,
      code: 'AuthenticationFailed',
      message:
        'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
    };
  }
  if (needs === 'rw' && record.permissions !== 'rw') {
    return {
      ok: false,
      status: 403,
      code: 'AuthorizationPermissionMismatch',
      message: 'This request is not authorized to perform this operation using this permission.',
    };
  }
  return { ok: true };
}

/** Puts a file into the container's input folder (an existing one of that name is replaced, as in Azure). */
export function putInputBlob(
  firm: FirmState,
  dossier: DossierState,
  fileName: string,
  bytes: Uint8Array,
  contentType: string,
  now: Date,
): DomainResult<BlobState> {
  const path = `${CFE_INPUT_FOLDER}/${fileName}`;
  const blob: BlobState = {
    path,
    contentBase64: Buffer.from(bytes).toString('base64'),
    contentType,
    size: bytes.length,
    uploadedAt: now.toISOString(),
  };
  return done(blob, [writes.dossier(firm.sicCode, dossier.code).set(['container', 'blobs', path], blob)]);
}

export const blobBytes = (blob: BlobState): Uint8Array => new Uint8Array(Buffer.from(blob.contentBase64, 'base64'));

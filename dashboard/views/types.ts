export { own } from '../../core/own.js';
import type { Child } from 'hono/jsx';
import type { Simulator, SimulatorName } from '../../simulators/kit/simulator.js';
import type { ActionInfo } from '../forms.js';

/** A simulator as the dashboard shows it: `StartedSimulator` fits, and so does an in-process one. */
export interface DashboardSimulator {
  name: SimulatorName;
  title: string;
  /** Where it listens, when it does (shown, never called: the dashboard works in-process). */
  url?: string;
  simulator: Simulator<any>;
}

/** What a vendor's view needs to render one page. */
export interface ViewContext {
  sim: DashboardSimulator;
  /** The virtual time (the shared clock). */
  now: Date;
  /** The page's path and query parameters, for pagers and filters. */
  path: string;
  query: Record<string, string>;
  /** The page itself (path and query), where forms come back to. */
  here: string;
  actions: ActionInfo[];
  pageSize: number;
}

/** One file (Sage GE file, Quadra dossier, Loop folder) of one tenant, for links. */
export interface FileRef {
  tenantId: string;
  fileId: string;
}

/**
 * What the dashboard knows of one vendor: how its actions name a tenant and a file, its overview
 * (the state that causes rejections, at a glance) and its per-file page.
 */
export interface VendorView {
  /** "entity"/"file", "firm"/"dossier", "firm"/"folder". */
  nouns: { tenant: string; file: string };
  /** The action input fields that name a tenant (and a file). */
  target(tenantId: string, fileId?: string): Record<string, string>;
  /** The action that opens the file in the vendor's UI, shown first on a file page. */
  openAction?: string;
  overview(ctx: ViewContext): Child;
  /**
   * The file page, or undefined when there is no such file: its title, what causes rejections
   * (shown above the action buttons), and the rest (reference data, entries and their fate).
   */
  file(ctx: ViewContext, ref: FileRef): { title: string; summary: Child; details: Child } | undefined;
}

export const fileHref = (sim: string, ref: FileRef) =>
  `/s/${encodeURIComponent(sim)}/${encodeURIComponent(ref.tenantId)}/${encodeURIComponent(ref.fileId)}`;

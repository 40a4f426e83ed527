import { z } from 'zod';
import { CatalogueIdSchema } from '../catalogue/schema.js';
import { FaultRuleSchema } from '../common/faults.js';
import { InstantSchema, IsoDateSchema } from '../common/primitives.js';
import { parameterProblem } from './message.js';
import {
  EntryKindSchema,
  EntryLineSchema,
  SyncFrequencySchema,
  ThirdPartySchema,
  VendorIdSchema,
} from '../hub/model.js';

/**
 * A scenario as data: a vendor state, steps from a closed set of verbs, what must then be true,
 * and the documented remedy with what must be true after it. The same scenario runs in-process
 * or against running servers.
 */

/** A hub entry, built from the shared builders (`connectors/hub/entry-builders.ts`) then patched. */
export const EntryTemplateSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9-]{1,20}$/),
    kind: EntryKindSchema,
    /** The posting date (the scenario's start day when absent): it decides the fiscal year (seed 000). */
    date: IsoDateSchema.optional(),
    /** The invoice's own date, when it differs from the posting date (the builders use one date for both). */
    documentDate: IsoDateSchema.optional(),
    journal: z.string().min(1).optional(),
    label: z.string().min(1).optional(),
    /** Replaces the builder's lines (amounts in cents). */
    lines: z.array(EntryLineSchema).min(2).optional(),
    /** Number of PDF attachments (the builder's default otherwise). */
    attachments: z.number().int().min(0).max(5).optional(),
    /** `null` for an empty document number. */
    documentNumber: z.string().nullable().optional(),
  })
  .strict();
export type EntryTemplate = z.infer<typeof EntryTemplateSchema>;

export const SyncStatusNameSchema = z.enum([
  'pending',
  'to-verify',
  'synchronizing',
  'posted',
  'sync-failed',
  'failed-check',
  'excluded',
]);

export const ExpectationSchema = z.discriminatedUnion('expect', [
  /** An entry's hub status; with a catalogue id, the status carries it and, if it has one, its exact message. */
  z
    .object({
      expect: z.literal('status'),
      entry: z.string(),
      is: SyncStatusNameSchema,
      catalogueId: CatalogueIdSchema.optional(),
      params: z.record(z.string(), z.string()).optional(),
      variant: z.number().int().min(0).optional(),
    })
    .strict(),
  /** What the vendor holds for one hub entry (found by its receipt). */
  z
    .object({
      expect: z.literal('vendor-entry'),
      entry: z.string(),
      state: z.enum(['queued', 'posted', 'rejected']).optional(),
      label: z.string().optional(),
      documentNumber: z.string().optional(),
      /** A regular expression the document number must match. */
      documentNumberMatches: z.string().optional(),
      attachments: z.number().int().optional(),
      /** Analytic data the vendor received with it (seed 000: analytics are not supported by the hub, so 0). */
      analytics: z.number().int().min(0).optional(),
      commentContains: z.string().optional(),
      /** The date the vendor booked the entry on (its posting date, whatever the document's own date). */
      postingDate: IsoDateSchema.optional(),
      /** The vendor entry carries the hub's tracking code (Sage GE: `#AAAAA#` in its comment). */
      trackingCode: z.boolean().optional(),
    })
    .strict(),
  /** How many entries the vendor holds for the file (optionally in one state). */
  z
    .object({
      expect: z.literal('vendor-entry-count'),
      count: z.number().int().min(0),
      state: z.enum(['queued', 'posted', 'rejected']).optional(),
    })
    .strict(),
  /** A value inside the vendor tenant's state document. */
  z
    .object({
      expect: z.literal('vendor-state'),
      path: z.array(z.string()).min(1),
      equals: z.unknown().optional(),
      exists: z.boolean().optional(),
    })
    .strict(),
  /** The reference data the hub holds for the client file. */
  z
    .object({
      expect: z.literal('reference-data'),
      account: z
        .object({ number: z.string(), label: z.string().optional(), collective: z.boolean().optional() })
        .strict()
        .optional(),
      journal: z.string().optional(),
      subsidiaryAccount: z.string().optional(),
      /** An account or subsidiary account the hub does not hold (yet): what a later pull must bring. */
      noAccount: z.string().optional(),
      noSubsidiaryAccount: z.string().optional(),
      openFiscalYears: z.number().int().optional(),
      pulled: z.boolean().optional(),
    })
    .strict(),
  /** Requests the vendor received from this scenario (its request journal). */
  z
    .object({
      expect: z.literal('requests'),
      method: z.string().optional(),
      path: z.string().optional(),
      status: z.number().int().optional(),
      count: z.number().int().min(0).optional(),
      atLeast: z.number().int().min(0).optional(),
    })
    .strict(),
  /** The last step failed with this vendor rejection (or, with `none: true`, did not fail). */
  z
    .object({
      expect: z.literal('step-error'),
      catalogueId: CatalogueIdSchema.optional(),
      /** With these, the error carries the catalogue's exact message (`file`, when absent, is the vendor file's name). */
      params: z.record(z.string(), z.string()).optional(),
      none: z.boolean().optional(),
    })
    .strict(),
  /**
   * The hub's client files and their links (the wizard's tables): how many there are, and one of
   * them, found by its id or by the vendor file it is linked to.
   */
  z
    .object({
      expect: z.literal('client-files'),
      count: z.number().int().min(0).optional(),
      file: z
        .object({
          clientFile: z.string().optional(),
          vendorFile: z.string().optional(),
          name: z.string().optional(),
          /** `false`: the client file exists with no vendor file. */
          linked: z.boolean().optional(),
          /** The Status column. */
          active: z.boolean().optional(),
          /** Its reference data was retrieved. */
          pulled: z.boolean().optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  /** The wizard's table: the vendor file as the connector lists it. */
  z
    .object({
      expect: z.literal('vendor-file'),
      /** Another of the vendor's files than the scenario's (a dossier created during the scenario...). */
      file: z.string().min(1).optional(),
      listed: z.boolean().optional(),
      connected: z.boolean().optional(),
      problem: CatalogueIdSchema.nullable().optional(),
    })
    .strict(),
  /** The last opening of the file in the vendor's UI showed this message. */
  z
    .object({
      expect: z.literal('vendor-message'),
      catalogueId: CatalogueIdSchema,
      params: z.record(z.string(), z.string()).optional(),
      absent: z.boolean().optional(),
    })
    .strict(),
]);
export type Expectation = z.infer<typeof ExpectationSchema>;

export const StepSchema = z.discriminatedUnion('do', [
  /**
   * The wizard: connect with the vendor credentials, associate the client file, pull reference
   * data. `wrong`: the vendor's usual mistyped code (its adapter's `mistypedField`);
   * `{ wrong: 'cfeSecret' }`: that one code mistyped, the others right.
   */
  z
    .object({
      do: z.literal('link-file'),
      credentials: z.union([z.enum(['valid', 'wrong']), z.object({ wrong: z.string().min(1) }).strict()]).optional(),
    })
    .strict(),
  /**
   * The wizard with its file table: connect with the vendor's credentials (unless a step did),
   * the client files the hub already holds (`clientFiles`, the table's left side), the
   * associations made (client file → vendor file), then Confirm: every other vendor file becomes a
   * client file. No association is the "skip this step by clicking Confirm". Files come in inactive.
   */
  z
    .object({
      do: z.literal('wizard'),
      clientFiles: z.array(z.object({ id: z.string().min(1), name: z.string().min(1) }).strict()).optional(),
      associate: z.record(z.string(), z.string()).optional(),
    })
    .strict(),
  /** The Status column of the wizard's last table: the integration on or off for one file (the scenario's by default). */
  z.object({ do: z.literal('set-file-status'), vendorFile: z.string().optional(), active: z.boolean() }).strict(),
  /** "Edit API connection" with the vendor's current valid credentials (re-read: an action may have regenerated them). */
  z.object({ do: z.literal('edit-credentials') }).strict(),
  z.object({ do: z.literal('add-entry'), entry: EntryTemplateSchema }).strict(),
  /** Validate / mark as verified: the entries (all the scenario's, when none named) are ready to send. */
  z.object({ do: z.literal('mark-verified'), entries: z.array(z.string()).optional() }).strict(),
  /** The accountant corrects an entry before marking it verified again. */
  z.object({ do: z.literal('edit-entry'), entry: EntryTemplateSchema }).strict(),
  z.object({ do: z.literal('exclude'), entry: z.string() }).strict(),
  /** The Synchronize button. */
  z.object({ do: z.literal('synchronize') }).strict(),
  /** Open the file in the vendor's UI: Sage GE's Accounting button, opening the dossier in Quadra. */
  z.object({ do: z.literal('open-file') }).strict(),
  /** Move the virtual clock, then let the hub's scheduler run what fell due. */
  z
    .object({
      do: z.literal('advance-clock'),
      by: z
        .string()
        .regex(/^(\d+(ms|s|m|h|d|w))+$/)
        .optional(),
      to: z.enum(['next-night', 'next-evening']).optional(),
    })
    .strict(),
  /**
   * A vendor admin action (what a person does in the vendor's UI); the tenant and file ids are
   * filled in wherever the action's input takes them (`null` for one leaves it out), and in its string inputs `{{vendorRef:P1}}` / `{{trackingCode:P1}}` (what the person
   * sees of hub entry P1 in the vendor: its id there, its tracking code).
   */
  z
    .object({
      do: z.literal('vendor-action'),
      action: z.string().min(1),
      input: z.record(z.string(), z.unknown()).optional(),
      /** The vendor refuses it (4xx, nothing changed): what the person is told when they try it too early. */
      refused: z.boolean().optional(),
    })
    .strict(),
  z.object({ do: z.literal('refresh-reference-data') }).strict(),
  z.object({ do: z.literal('set-integration'), enabled: z.boolean() }).strict(),
  z.object({ do: z.literal('set-frequency'), frequency: SyncFrequencySchema }).strict(),
  z.object({ do: z.literal('inject-fault'), fault: FaultRuleSchema }).strict(),
  z.object({ do: z.literal('clear-faults') }).strict(),
  /** Check expectations in the middle of the steps. */
  z.object({ do: z.literal('check'), expect: z.array(ExpectationSchema).min(1) }).strict(),
]);
export type Step = z.infer<typeof StepSchema>;

export const VerifiedAgainstVendorSchema = z.union([
  z.literal(false),
  IsoDateSchema,
  z.object({ date: IsoDateSchema, recording: z.string().min(1) }).strict(),
]);
export type VerifiedAgainstVendor = z.infer<typeof VerifiedAgainstVendorSchema>;

/** How `ledgersim scenarios` shows the marker: empty when not verified. */
export function describeVerification(verified: VerifiedAgainstVendor | undefined): string {
  if (!verified) return '';
  return typeof verified === 'string'
    ? `verified against the vendor ${verified}`
    : `verified against the vendor ${verified.date} (${verified.recording})`;
}

/** Where a scenario's virtual clock starts when it says nothing (a Monday, 09:00 UTC). */
export const DEFAULT_SCENARIO_START = '2026-03-16T09:00:00.000Z';

export const ScenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*\/[a-z0-9-]+$/, 'an id is <vendor>/<kebab-name>'),
    title: z.string().min(1),
    /** The vendor the hub syncs to in this scenario: a registered vendor's id (the loader checks it against `vendors/`). */
    vendor: VendorIdSchema,
    covers: z.array(CatalogueIdSchema).min(1),
    /** Where the virtual clock starts. */
    start: InstantSchema.default(DEFAULT_SCENARIO_START),
    given: z
      .object({
        vendor: z
          .object({
            /** A named builder of the vendor adapter (`healthy`...). */
            preset: z.string().default('healthy'),
            /** A whole tenant document instead of a preset, validated by the simulator's tenant schema. */
            tenant: z.record(z.string(), z.unknown()).optional(),
            /** Vendor admin actions applied to the preset before the steps. */
            actions: z
              .array(
                z.object({ action: z.string().min(1), input: z.record(z.string(), z.unknown()).optional() }).strict(),
              )
              .default([]),
          })
          .strict()
          .default({ preset: 'healthy', actions: [] }),
        hub: z
          .object({
            frequency: SyncFrequencySchema.default('realtime'),
            weeklyAccountSync: z.boolean().default(true),
            /** Third parties created in the hub (sent with the entries that use them). */
            thirdParties: z.array(ThirdPartySchema).optional(),
          })
          .strict()
          .default({ frequency: 'realtime', weeklyAccountSync: true }),
      })
      .strict()
      .default({ vendor: { preset: 'healthy', actions: [] }, hub: { frequency: 'realtime', weeklyAccountSync: true } }),
    steps: z.array(StepSchema).min(1),
    expect: z.array(ExpectationSchema).min(1),
    /** The documented remedy, and what must be true once it is done. */
    remedy: z
      .object({ steps: z.array(StepSchema).min(1), expect: z.array(ExpectationSchema).min(1) })
      .strict()
      .optional(),
    /**
     * `false` (the default), or when the scenario's exchanges last passed `ledgersim parity` against
     * a recording of the real vendor: the recording's date, or that date with the recording's name.
     */
    verifiedAgainstVendor: VerifiedAgainstVendorSchema.default(false),
  })
  .strict();
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

/** A scenario that does not match the schema: the file, the path inside it and the reason. */
export class ScenarioFileError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file}: ${path || '(root)'}: ${reason}`);
    this.name = 'ScenarioFileError';
  }
}

export function parseScenario(value: unknown, file: string): Scenario {
  const parsed = ScenarioSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ScenarioFileError(file, issue.path.map(String).join('.'), issue.message);
  }
  const problem = expectationProblem(parsed.data);
  if (problem) throw new ScenarioFileError(file, problem.path, problem.reason);
  return parsed.data;
}

/** Every expectation of a scenario with its path in the file: the lists, the remedy's, the `check` steps'. */
function* expectationsOf(scenario: Scenario): Generator<[string, Expectation]> {
  const inSteps = function* (steps: readonly Step[], at: string): Generator<[string, Expectation]> {
    for (const [i, step] of steps.entries())
      if (step.do === 'check') for (const [j, e] of step.expect.entries()) yield [`${at}.${i}.expect.${j}`, e];
  };
  yield* inSteps(scenario.steps, 'steps');
  for (const [i, e] of scenario.expect.entries()) yield [`expect.${i}`, e];
  if (scenario.remedy) {
    yield* inSteps(scenario.remedy.steps, 'remedy.steps');
    for (const [i, e] of scenario.remedy.expect.entries()) yield [`remedy.expect.${i}`, e];
  }
}

/**
 * A catalogue message's parameters checked against the catalogue when the file loads: a name the
 * message does not take (a typo, ignored otherwise) or a variant it lacks is the file's mistake.
 */
function expectationProblem(scenario: Scenario): { path: string; reason: string } | undefined {
  for (const [path, e] of expectationsOf(scenario)) {
    if (!('catalogueId' in e) || e.catalogueId === undefined) continue;
    const params = 'params' in e ? e.params : undefined;
    const variant = 'variant' in e ? e.variant : undefined;
    // A step error's message names the vendor file: the runner fills `file` in when it is left out.
    const problem = parameterProblem(e.catalogueId, params, variant, e.expect === 'step-error' ? ['file'] : []);
    if (problem) return { path: `${path}.${problem.path}`, reason: problem.reason };
  }
  return undefined;
}

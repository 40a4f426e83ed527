import { stableRevisionId, stableUuid } from '../domain/ids.js';

/**
 * The version of the Loop state's format, saved in the state (`version`). 1 (no field): before
 * Loop's field types followed the public pages' example responses (compte `revisionId` any
 * string and `compteBanque` a boolean; journal without `revisionId` and `compteContrepartie` a
 * code or null; section without `revisionId`). 2: as the pages show them (contracts/loop/wire.ts).
 */
export const LOOP_STATE_VERSION = 2;

/** A state file written by a newer ledgersim: read as if it were ours, it could lose what it holds. */
export class LoopStateVersionError extends Error {}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const REVISION_ID = /^0x[0-9A-F]{16}$/;

/**
 * Brings a loaded Loop state to the current version, in place (a large state is never copied);
 * what is not recognisably old is left for the schema to judge. Each step changes only values
 * still in the old form, so a log written after a migration, replayed over the old snapshot on the
 * next start, comes out the same. The file is not touched: the next snapshot writes the new form.
 */
export function migrateLoopState(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const version = raw.version ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new LoopStateVersionError(`its version is ${JSON.stringify(version)}, not a state version`);
  if (version > LOOP_STATE_VERSION)
    throw new LoopStateVersionError(
      `it is a Loop state of version ${version}, written by a newer ledgersim (this one reads up to version ${LOOP_STATE_VERSION}): upgrade ledgersim, or start from another --data directory`,
    );
  if (version < 2) toVersion2(raw);
  raw.version = LOOP_STATE_VERSION;
  return raw;
}

function toVersion2(state: Json): void {
  if (!isObject(state.tenants)) return;
  for (const firm of Object.values(state.tenants)) {
    if (!isObject(firm) || !isObject(firm.folders)) continue;
    for (const [key, folder] of Object.entries(firm.folders)) {
      if (!isObject(folder)) continue;
      const code = typeof folder.code === 'string' ? folder.code : key;
      const comptes = isObject(folder.comptes) ? folder.comptes : {};
      for (const [numero, compte] of Object.entries(comptes)) {
        if (!isObject(compte)) continue;
        if (typeof compte.revisionId !== 'string' || !REVISION_ID.test(compte.revisionId))
          compte.revisionId = stableRevisionId('compte', code, numero);
        // The old flag said "a bank account"; the field is now that account's number (the builders' choice).
        if (typeof compte.compteBanque === 'boolean') compte.compteBanque = compte.compteBanque ? numero : null;
      }
      if (isObject(folder.journaux))
        for (const [journalCode, journal] of Object.entries(folder.journaux)) {
          if (!isObject(journal)) continue;
          if (journal.revisionId === undefined) journal.revisionId = stableRevisionId('journal', code, journalCode);
          const counterpart = journal.compteContrepartie;
          if (counterpart === null || counterpart === undefined)
            journal.compteContrepartie = { objectId: null, description: [''] };
          else if (typeof counterpart === 'string') {
            const target = comptes[counterpart];
            journal.compteContrepartie = {
              objectId:
                isObject(target) && typeof target.objectId === 'string'
                  ? target.objectId
                  : stableUuid('compte', code, counterpart),
              description: [counterpart],
            };
          }
        }
      if (isObject(folder.sections))
        for (const [sectionCode, section] of Object.entries(folder.sections))
          if (isObject(section) && section.revisionId === undefined)
            section.revisionId = stableRevisionId('section', code, sectionCode);
    }
  }
}

import type { RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { EntityState, FileState, StoredEntryRequest } from '../state/schema.js';

/** What an injection rule sees: the file as it is in GE now, and the entry being injected. */
export interface InjectionContext {
  entity: EntityState;
  file: FileState;
  entry: StoredEntryRequest;
  now: Date;
}

/** One documented rejection of an entry at injection time. Pure: reads, never writes. */
export type InjectionRule = (context: InjectionContext) => RuleResult;

import type { RuleResult } from '../../../contracts/catalogue/rejection.js';
import type { EntryPushRequest } from '../../../contracts/sage-ge/wire.js';
import type { EntityState, FileState } from '../state/schema.js';

/** What an injection rule sees: the file as it is in GE now, and the entry being injected. */
export interface InjectionContext {
  entity: EntityState;
  file: FileState;
  entry: EntryPushRequest;
  now: Date;
}

/** One documented rejection of an entry at injection time. Pure: reads, never writes. */
export type InjectionRule = (context: InjectionContext) => RuleResult;

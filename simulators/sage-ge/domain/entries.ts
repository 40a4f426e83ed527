import { own } from '../../../core/own.js';
import { createHash } from 'node:crypto';
import { renderMessage } from '../../../contracts/catalogue/index.js';
import type { EntryPushRequest, EntryStatus } from '../../../contracts/sage-ge/wire.js';
import type { Change } from '../../../core/changes.js';
import { done, type DomainResult } from '../../kit/domain-result.js';
import { rejectionError } from '../../kit/vendor-error.js';
import { checkInjection } from '../rules/index.js';
import { isCollective } from '../rules/collective-account.js';
import { writes, type AccountState, type EntityState, type EntryState, type FileState } from '../state/schema.js';

/** GE keeps 30 characters of a bank entry's label. */
export const BANK_LABEL_MAX = 30;
const TRACKING_CODE = /#([A-Z0-9]{5})#/;

export const trackingCodeOf = (comment: string): string | null => TRACKING_CODE.exec(comment)?.[1] ?? null;

/** What is kept of an attachment: its name, type, size and digest, not its bytes. */
export function storedAttachment(attachment: EntryPushRequest['attachments'][number]) {
  const bytes = Buffer.from(attachment.contentBase64, 'base64');
  return {
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * An entry pushed by the connector lands in the Sage cloud queue; GE sees it only when the file's
 * accounting is opened (SGE-STUCK-ACCOUNTING-NOT-OPENED). A retried push with the same Idempotency-Key returns the first entry.
 */
export function pushEntry(
  entity: EntityState,
  file: FileState,
  request: EntryPushRequest,
  idempotencyKey: string | undefined,
  now: Date,
): DomainResult<{ entry: EntryState; replayed: boolean }> {
  const previous = idempotencyKey && own(file.idempotencyKeys, idempotencyKey);
  if (previous && Object.hasOwn(file.entries, previous))
    return done({ entry: file.entries[previous]!, replayed: true });
  const seq = file.nextEntrySeq;
  const id = `ENT-${String(seq).padStart(6, '0')}`;
  const entry: EntryState = {
    id,
    seq,
    status: 'queued',
    queuedAt: now.toISOString(),
    trackingCode: trackingCodeOf(request.comment),
    request: { ...request, attachments: request.attachments.map(storedAttachment) },
  };
  const inFile = writes.file(entity.id, file.id);
  const changes: Change[] = [
    inFile.set(['entries', id], entry),
    inFile.set(['cloudQueue', id], true),
    inFile.set(['nextEntrySeq'], seq + 1),
  ];
  if (idempotencyKey) changes.push(inFile.set(['idempotencyKeys', idempotencyKey], id));
  return done({ entry, replayed: false }, changes);
}

export interface OpeningReport {
  /** What GE shows when the accounting opens (pop-ups): certificate expiry, rejected batches. */
  messages: string[];
  injected: string[];
  rejected: string[];
  /** Entries still waiting in the Sage cloud after the opening. */
  stillQueued: number;
  /** Why nothing was injected, when nothing could be. */
  blockedBy?: 'SGE-STUCK-ADMIN-CERT-EXPIRED' | 'SGE-STUCK-MARKETPLACE-DEACTIVATED' | 'SGE-STUCK-ACCOUNTING-NOT-OPENED';
}

const opened = (value: OpeningReport, changes: Change[] = []) => ({ value, changes });

/**
 * Opening a file's accounting in GE: the Sage cloud queue is injected, in push order, each entry
 * through every rule; accepted entries get their document number, auto-created accounts, the
 * 30-character bank label and a single bank attachment. It never fails: a blocked opening (an
 * expired certificate, the connector deactivated) is a report saying why, as GE shows it.
 */
export function openAccounting(
  entity: EntityState,
  file: FileState,
  now: Date,
): { value: OpeningReport; changes: Change[] } {
  const queued = Object.keys(file.cloudQueue)
    .map((id) => file.entries[id]!)
    .sort((a, b) => a.seq - b.seq);
  // Already in the accounting: the Accounting button is not an opening, nothing is injected until
  // the accounting is closed and opened again.
  if (file.accountingSession) {
    return opened({
      messages: [],
      injected: [],
      rejected: [],
      stillQueued: queued.length,
      blockedBy: 'SGE-STUCK-ACCOUNTING-NOT-OPENED',
    });
  }
  if (Date.parse(entity.referenceAdministrator.certificateExpiresAt) <= now.getTime()) {
    return opened({
      messages: [renderMessage('SGE-STUCK-ADMIN-CERT-EXPIRED')],
      injected: [],
      rejected: [],
      stillQueued: queued.length,
      blockedBy: 'SGE-STUCK-ADMIN-CERT-EXPIRED',
    });
  }
  if (!entity.connectorActive || !file.connectorActive) {
    return opened({
      messages: [],
      injected: [],
      rejected: [],
      stillQueued: queued.length,
      blockedBy: 'SGE-STUCK-MARKETPLACE-DEACTIVATED',
    });
  }

  const inFile = writes.file(entity.id, file.id);
  const changes: Change[] = [];
  const messages: string[] = [];
  // A batch of third parties that no entry followed is rejected (harmlessly) with a message; one
  // that entries followed was imported with them.
  for (const batch of Object.values(file.pendingThirdPartyBatches)) {
    if (file.nextEntrySeq === 1) messages.push(renderMessage('SGE-FIRST-CONNECTION-BATCHES', { batch: batch.id }));
    changes.push(inFile.del(['pendingThirdPartyBatches', batch.id]));
  }

  // A working view of the file, so that each injection sees the accounts and counters of the
  // ones before it; the same values are recorded as changes.
  const accounts: Record<string, AccountState> = { ...file.accounts };
  const nextNumber: Record<string, number> = {};
  let pendingOtherErrors = file.pendingOtherErrors;
  const injected: string[] = [];
  const rejected: string[] = [];
  const processedAt = now.toISOString();

  for (const entry of queued) {
    const request = entry.request;
    const verdict = checkInjection({ entity, file: { ...file, accounts, pendingOtherErrors }, entry: request, now });
    changes.push(inFile.del(['cloudQueue', entry.id]));
    if (!verdict.ok) {
      if (verdict.rejection.id === 'SGE-OTHER-ERROR' && pendingOtherErrors) {
        pendingOtherErrors =
          pendingOtherErrors.remaining > 1
            ? { ...pendingOtherErrors, remaining: pendingOtherErrors.remaining - 1 }
            : null;
        changes.push(inFile.set(['pendingOtherErrors'], pendingOtherErrors));
      }
      changes.push(
        inFile.set(['entries', entry.id], {
          ...entry,
          status: 'rejected',
          processedAt,
          rejection: verdict.rejection,
        } satisfies EntryState),
      );
      rejected.push(entry.id);
      continue;
    }
    for (const line of request.lines) {
      if (!accounts[line.accountNumber]) {
        const account: AccountState = {
          number: line.accountNumber,
          // Sage GE is French software: the label it writes is the article's French form
          // ("610123456 - Compte 610123456"); seed 000's "Account" is the English article's translation.
          label: renderMessage('SGE-PCG-AUTOCREATE', { account: line.accountNumber }, 0, 'fr'),
          collective: isCollective(accounts, line.accountNumber),
          locked: false,
          autoCreated: true,
        };
        accounts[line.accountNumber] = account;
        changes.push(inFile.set(['accounts', line.accountNumber], account));
      }
      if (line.subsidiaryAccount && !Object.hasOwn(file.subsidiaryAccounts, line.subsidiaryAccount)) {
        changes.push(
          inFile.set(['subsidiaryAccounts', line.subsidiaryAccount], {
            code: line.subsidiaryAccount,
            label: line.subsidiaryAccount,
            collectiveAccount: line.accountNumber,
          }),
        );
      }
    }
    let documentNumber = request.documentNumber;
    const journal = file.journals[request.journalCode]!;
    // SGE-AUTONUMBER: an empty document number takes the journal's next number.
    if (documentNumber === '' && journal.autoNumbering.enabled) {
      const next = nextNumber[journal.code] ?? journal.autoNumbering.next;
      documentNumber = `${journal.autoNumbering.prefix}${String(next).padStart(6, '0')}`;
      nextNumber[journal.code] = next + 1;
      changes.push(inFile.set(['journals', journal.code, 'autoNumbering', 'next'], next + 1));
    }
    const isBank = request.kind === 'bank';
    changes.push(
      inFile.set(['entries', entry.id], {
        ...entry,
        status: 'injected',
        processedAt,
        documentNumber,
        label: isBank ? request.label.slice(0, BANK_LABEL_MAX) : request.label,
        attachmentsKept: isBank ? Math.min(1, request.attachments.length) : request.attachments.length,
      } satisfies EntryState),
    );
    injected.push(entry.id);
  }
  return opened({ messages, injected, rejected, stillQueued: 0 }, changes);
}

/**
 * An entry edited by hand in GE. The comment is what GE shows, so the tracking code is whatever
 * code it still holds (none once deleted); the document number is the one GE knows the entry by,
 * queued, injected or in its rejection report.
 */
export function editEntry(entry: EntryState, edit: { comment?: string; documentNumber?: string }): EntryState {
  const comment = edit.comment ?? entry.request.comment;
  return {
    ...entry,
    // Still in the Sage cloud, the edit is what GE will inject.
    request: {
      ...entry.request,
      comment,
      ...(entry.status === 'queued' && edit.documentNumber !== undefined
        ? { documentNumber: edit.documentNumber }
        : {}),
    },
    trackingCode: trackingCodeOf(comment),
    ...(edit.documentNumber !== undefined ? { documentNumber: edit.documentNumber } : {}),
  };
}

/** The entry as the status route shows it. */
export function toEntryStatus(entry: EntryState): EntryStatus {
  const status: EntryStatus = {
    id: entry.id,
    status: entry.status,
    trackingCode: entry.trackingCode,
    queuedAt: entry.queuedAt,
  };
  if (entry.processedAt) status.processedAt = entry.processedAt;
  if (entry.status === 'injected') {
    status.documentNumber = entry.documentNumber ?? '';
    status.label = entry.label ?? entry.request.label;
    status.attachmentsKept = entry.attachmentsKept ?? 0;
  }
  if (entry.rejection) {
    // The rejection report names the entry by its document number (own choice): how the hub
    // knows which of its entries GE refused (seed 000, the technical number).
    status.documentNumber = entry.documentNumber ?? entry.request.documentNumber;
    const error = rejectionError(entry.rejection);
    status.error = { code: error.code, message: error.message };
  }
  return status;
}

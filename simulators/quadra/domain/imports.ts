import { journalCodeOf } from './journal-code.js';
import type { RuleResult } from '../../../contracts/catalogue/rejection.js';
import { decodeQuadraFile, type QuadraAccountRecord, type QuadraEntryLine } from '../../../contracts/quadra/ascii.js';
import {
  CFE_IMPORTED_FOLDER,
  CFE_INPUT_FOLDER,
  isAttachmentName,
  CFE_REJECTED_FOLDER,
  reportNameOf,
  type RejectionReport,
} from '../../../contracts/quadra/wire.js';
import type { Change } from '../../../core/changes.js';
import { done, type DomainResult } from '../../kit/domain-result.js';
import { rejectionError } from '../../kit/vendor-error.js';
import {
  CUSTOMER_COLLECTIVE,
  SUPPLIER_COLLECTIVE,
  incompleteFile,
  journalNotOpen,
  lineOutsideOpenPeriod,
  periodNotOpen,
} from '../rules/index.js';
import {
  writes,
  type AccountState,
  type BlobState,
  type DossierState,
  type EntryState,
  type FirmState,
  type ImportState,
} from '../state/schema.js';
import { blobBytes } from './container.js';

/**
 * QDR-IMPORT-ON-OPEN: files uploaded through CFE wait in the container's input folder until a
 * person opens the dossier in Quadra. Then each file is read and checked, all or nothing: a file
 * with any problem is moved to `archive/rejected` with a report naming line and column; an
 * accepted one to `archive/imported`, and its entries become visible through the read API
 * `importDelayMinutes` later on the virtual clock (published by the simulator's clock tick).
 */

type Problem = RejectionReport['problems'][number];

export interface OpeningReport {
  dossier: string;
  openedAt: string;
  /** Files accepted, with the moment their entries become visible. */
  imported: { file: string; importId: string; lines: number; visibleAt: string }[];
  rejected: { file: string; report: string; problems: number }[];
  /** Entries that became visible right away (an import delay of 0). */
  published: number;
}

const isInput = (blob: BlobState) => blob.path.startsWith(`${CFE_INPUT_FOLDER}/`);
const fileNameOf = (blob: BlobState) => blob.path.slice(CFE_INPUT_FOLDER.length + 1);

function problemOf(result: RuleResult, where: { line?: number; column?: number; field?: string } = {}): Problem | null {
  if (result.ok) return null;
  const error = rejectionError(result.rejection);
  return { ...where, code: error.code, message: error.message };
}

/**
 * A general account written shorter than the chart's 8 digits (`706000`, `411`) is completed with
 * zeros on the right, as Quadra's 8-digit chart holds it (`70600000`, `41100000`): an all-digit
 * number starting with a class digit 1–8. Auxiliary accounts (`0…`, `9…`, letters) are left as
 * written. Inferred, not confirmed: Quadra's charts are 8 digits (quadratools, vendor-facts §1.5)
 * and the QreaCompta writer pads general accounts this way (§1.2); Dolibarr, the Odoo module and
 * iDocus write 6-digit accounts as they are.
 */
export function chartAccountNumber(number: string): string {
  return /^[1-8]\d{0,6}$/.test(number) ? number.padEnd(8, '0') : number;
}

const withChartAccounts = (line: QuadraEntryLine): QuadraEntryLine => ({
  ...line,
  account: chartAccountNumber(line.account),
  counterpartAccount: line.counterpartAccount && chartAccountNumber(line.counterpartAccount),
});

const withChartCollective = (record: QuadraAccountRecord): QuadraAccountRecord => ({
  ...record,
  account: chartAccountNumber(record.account),
  collective: record.collective && chartAccountNumber(record.collective),
});

/** Everything wrong with one file: format, encoding, the dossier's prerequisites, each line. */
export function checkFile(
  dossier: DossierState,
  bytes: Uint8Array,
): { problems: Problem[]; lines: QuadraEntryLine[]; accounts: QuadraAccountRecord[]; ignored: ImportState['ignored'] } {
  const decoded = decodeQuadraFile(bytes);
  const problems: Problem[] = decoded.problems.map((p) => ({
    ...p,
    code: /Windows-1252|UTF-8/.test(p.message) ? 'InvalidEncoding' : 'InvalidFormat',
  }));
  const lines = decoded.records.flatMap((r) => (r.record.type === 'M' ? [withChartAccounts(r.record)] : []));
  const accounts = decoded.records.flatMap((r) => (r.record.type === 'C' ? [withChartCollective(r.record)] : []));
  const count = (type: string) => decoded.records.filter((r) => r.record.type === type).length;
  // A file of C records only is an account import (the spec's C record exists for it): accepted.
  if (decoded.ok && lines.length === 0 && accounts.length === 0)
    problems.push({ code: 'InvalidFormat', message: 'The file holds no entry line (M record)' });

  const prerequisites = [problemOf(periodNotOpen(dossier)), problemOf(incompleteFile(dossier))].filter(
    (p): p is Problem => p !== null,
  );
  problems.push(...prerequisites);
  if (prerequisites.length === 0) {
    for (const { line, record } of decoded.records) {
      if (record.type !== 'M') continue;
      const code = journalCodeOf(record);
      const journal = problemOf(journalNotOpen(dossier, line, code), {
        line,
        column: record.journal3 ? 111 : 10,
        field: record.journal3 ? 'journal3' : 'journal',
      });
      if (journal) problems.push(journal);
      const period = problemOf(lineOutsideOpenPeriod(dossier, line, record.date), { line, column: 15, field: 'date' });
      if (period) problems.push(period);
    }
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { problems, lines, accounts, ignored: { analytic: count('I'), schedules: count('R') } };
}

/** Opening the dossier in Quadra: every file waiting in the input folder is taken, in upload order. */
export function openDossier(firm: FirmState, dossier: DossierState, now: Date): DomainResult<OpeningReport> {
  const inDossier = writes.dossier(firm.sicCode, dossier.code);
  const openedAt = now.toISOString();
  const changes: Change[] = [inDossier.set(['lastOpenedAt'], openedAt)];
  const report: OpeningReport = { dossier: dossier.code, openedAt, imported: [], rejected: [], published: 0 };
  const inputs = Object.values(dossier.container.blobs).filter(isInput);
  const waiting = inputs
    .filter((blob) => !isAttachmentName(fileNameOf(blob)))
    .sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.path.localeCompare(b.path));
  // The supporting documents shipped beside the files are taken in with them: kept under
  // `archive/imported/`, where the name at position 182 of a line finds its document.
  for (const blob of inputs.filter((b) => isAttachmentName(fileNameOf(b)))) {
    const path = `${CFE_IMPORTED_FOLDER}/${fileNameOf(blob)}`;
    changes.push(
      inDossier.del(['container', 'blobs', blob.path]),
      inDossier.set(['container', 'blobs', path], { ...blob, path }),
    );
  }
  const imports: Record<string, ImportState> = { ...dossier.imports };
  let seq = dossier.nextImportSeq;

  for (const blob of waiting) {
    const fileName = fileNameOf(blob);
    const { problems, lines, accounts, ignored } = checkFile(dossier, blobBytes(blob));
    changes.push(inDossier.del(['container', 'blobs', blob.path]));
    if (problems.length > 0) {
      const rejectedPath = `${CFE_REJECTED_FOLDER}/${fileName}`;
      const reportPath = `${CFE_REJECTED_FOLDER}/${reportNameOf(fileName)}`;
      const body: RejectionReport = {
        file: fileName,
        dossier: dossier.code,
        rejectedAt: openedAt,
        imported: 0,
        problems,
      };
      // Stryker disable next-line StringLiteral: equivalent, Buffer.from reads an empty encoding as 'utf8'
      const json = Buffer.from(JSON.stringify(body, null, 2), 'utf8');
      changes.push(
        inDossier.set(['container', 'blobs', rejectedPath], { ...blob, path: rejectedPath }),
        inDossier.set(['container', 'blobs', reportPath], {
          path: reportPath,
          contentBase64: json.toString('base64'),
          contentType: 'application/json; charset=utf-8',
          size: json.length,
          uploadedAt: openedAt,
        } satisfies BlobState),
      );
      report.rejected.push({ file: fileName, report: reportPath, problems: problems.length });
      continue;
    }
    const id = `IMP-${String(seq).padStart(6, '0')}`;
    seq += 1;
    const visibleAt = new Date(now.getTime() + dossier.importDelayMinutes * 60_000).toISOString();
    const record: ImportState = { id, fileName, openedAt, visibleAt, status: 'importing', lines, accounts, ignored };
    imports[id] = record;
    changes.push(
      inDossier.set(['imports', id], record),
      inDossier.set(['container', 'blobs', `${CFE_IMPORTED_FOLDER}/${fileName}`], {
        ...blob,
        path: `${CFE_IMPORTED_FOLDER}/${fileName}`,
      }),
    );
    report.imported.push({ file: fileName, importId: id, lines: lines.length, visibleAt });
  }
  changes.push(inDossier.set(['nextImportSeq'], seq));

  const published = publishDueImports(firm, { ...dossier, imports }, now);
  // Stryker disable next-line ConditionalExpression: equivalent, publishDueImports always answers done()
  if (published.ok) {
    changes.push(...published.changes);
    report.published = published.value;
  }
  return done(report, changes);
}

/**
 * A `C` record applied to the chart: an unknown account is created with the record's type, alpha
 * key and collective (the default collective of its type when blank), never its label
 * (QDR-NO-LABELS). An existing one is left alone when Maj (217) is blank; Maj `2`, the partial
 * update, takes the alpha key and the collective (the spec's list also names label, address and
 * RIB: the label is not taken, the others are not simulated). `undefined` = nothing to change.
 */
export function accountFromRecord(
  record: QuadraAccountRecord,
  existing: AccountState | undefined,
): AccountState | undefined {
  const alphaKey = record.alphaKey ? { alphaKey: record.alphaKey } : {};
  if (!existing) {
    const collective =
      record.collective ||
      (record.accountType === 'F' ? SUPPLIER_COLLECTIVE : record.accountType === 'C' ? CUSTOMER_COLLECTIVE : '');
    return { number: record.account, type: record.accountType, label: '', collective, ...alphaKey, autoCreated: true };
  }
  if (record.update !== '2') return undefined;
  return { ...existing, ...alphaKey, collective: record.collective || existing.collective };
}

/** QDR-NO-LABELS: an account the import does not know is created without a label; 0… is a supplier, 9… a customer. */
export function autoCreatedAccount(number: string): AccountState {
  if (number.startsWith('0'))
    return { number, type: 'F', label: '', collective: SUPPLIER_COLLECTIVE, autoCreated: true };
  if (number.startsWith('9'))
    return { number, type: 'C', label: '', collective: CUSTOMER_COLLECTIVE, autoCreated: true };
  return { number, type: 'G', label: '', collective: '', autoCreated: true };
}

/** When the firm's earliest import still importing shows, if it has one (what the due index keeps). */
export function earliestVisible(firm: FirmState): number | undefined {
  let earliest: number | undefined;
  for (const dossier of Object.values(firm.dossiers)) {
    for (const imp of Object.values(dossier.imports)) {
      if (imp.status !== 'importing') continue;
      const at = Date.parse(imp.visibleAt);
      if (earliest === undefined || at < earliest) earliest = at;
    }
  }
  return earliest;
}

/**
 * The imports whose delay has run out: their lines become entries (`Ecritures`), unknown accounts
 * are created without label (QDR-NO-LABELS). Returns how many entries became visible.
 */
export function publishDueImports(firm: FirmState, dossier: DossierState, now: Date): DomainResult<number> {
  const inDossier = writes.dossier(firm.sicCode, dossier.code);
  const due = Object.values(dossier.imports)
    .filter((imp) => imp.status === 'importing' && Date.parse(imp.visibleAt) <= now.getTime())
    .sort((a, b) => a.id.localeCompare(b.id));
  if (due.length === 0) return done(0);
  const changes: Change[] = [];
  // The chart as this publication leaves it: a C record of an earlier import counts for a later one.
  const chart = new Map(Object.entries(dossier.accounts));
  let nextId = dossier.nextEntryId;
  for (const imp of due) {
    for (const record of imp.accounts) {
      const account = accountFromRecord(record, chart.get(record.account));
      if (!account) continue;
      chart.set(record.account, account);
      changes.push(inDossier.set(['accounts', record.account], account));
    }
    imp.lines.forEach((record, index) => {
      if (!chart.has(record.account)) {
        const account = autoCreatedAccount(record.account);
        chart.set(record.account, account);
        changes.push(inDossier.set(['accounts', record.account], account));
      }
      const entry: EntryState = {
        id: nextId,
        importId: imp.id,
        lineNumber: (index + 1) * 10,
        record,
        visibleAt: imp.visibleAt,
      };
      changes.push(inDossier.set(['entries', String(nextId)], entry));
      nextId += 1;
    });
    changes.push(
      inDossier.set(['imports', imp.id], { ...imp, status: 'imported', lines: [], accounts: [] } satisfies ImportState),
    );
  }
  changes.push(inDossier.set(['nextEntryId'], nextId));
  return done(nextId - dossier.nextEntryId, changes);
}

/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';
import { Badge, Empty, Flag, paginate, Pager, Table, type Column } from '../layout.js';
import { fileHref, type FileRef, type ViewContext } from './types.js';

/**
 * What the three vendor views show alike: the overview's tenant cards and file links, and the
 * reference data of a file (fiscal years or periods, journals, chart of accounts, third parties).
 * Each view maps its vendor's records to the rows below; headings and words that differ are props.
 */

/** An overview: a card per tenant (entity, firm), its heading then its state; `none` when there is no tenant. */
export function TenantCards<T>({
  tenants,
  none,
  id,
  heading,
  body,
}: {
  tenants: readonly T[];
  none: string;
  id: (tenant: T) => string;
  heading: (tenant: T) => Child;
  body: (tenant: T) => Child;
}) {
  if (!tenants.length) return <Empty>{none}</Empty>;
  return (
    <>
      {tenants.map((tenant) => (
        <div class="card" data-tenant={id(tenant)}>
          <h3>{heading(tenant)}</h3>
          {body(tenant)}
        </div>
      ))}
    </>
  );
}

/** A file (Sage GE file, Quadra dossier, Loop folder) in an overview table: its link, then its name. */
export const FileCell = ({ sim, file, name }: { sim: string; file: FileRef; name: string }) => (
  <>
    <a href={fileHref(sim, file)}>{file.fileId}</a>
    <div class="muted">{name}</div>
  </>
);

export interface PeriodRow {
  id: string;
  start: string;
  end: string;
  status: string;
  chartComplete?: boolean;
}

/** Fiscal years (Sage GE, Loop) or periods (Quadra); with `chart`, whether each has a complete chart of accounts. */
export const PeriodsTable = ({
  rows,
  stateHead = 'state',
  chart = false,
}: {
  rows: readonly PeriodRow[];
  stateHead?: string;
  chart?: boolean;
}) => {
  const columns: Column<PeriodRow>[] = [
    { head: 'id', cell: (p) => p.id },
    {
      head: 'period',
      cell: (p) => (
        <>
          {p.start} → {p.end}
        </>
      ),
    },
    { head: stateHead, cell: (p) => <Badge kind={p.status === 'open' ? 'ok' : 'muted'}>{p.status}</Badge> },
    ...(chart
      ? [
          {
            head: 'chart',
            cell: (p: PeriodRow) => <Flag good={p.chartComplete === true} yes="complete" no="incomplete" />,
          },
        ]
      : []),
  ];
  return <Table rows={rows} columns={columns} />;
};

export interface JournalRow {
  code: string;
  label: string;
  open: boolean;
  type?: string;
  /** Sage GE's auto-numbering, as shown. */
  numbering?: string;
}

/** Journals: code, label, (type,) open or locked/closed (, auto-numbering). */
export const JournalsTable = ({
  rows,
  labelHead = 'label',
  closed = 'locked',
  withType = false,
  withNumbering = false,
}: {
  rows: readonly JournalRow[];
  labelHead?: string;
  closed?: string;
  withType?: boolean;
  withNumbering?: boolean;
}) => {
  const columns: Column<JournalRow>[] = [
    { head: 'code', cell: (j) => j.code },
    { head: labelHead, cell: (j) => j.label },
    ...(withType ? [{ head: 'type', cell: (j: JournalRow) => j.type }] : []),
    { head: 'state', cell: (j) => <Flag good={j.open} yes="open" no={closed} /> },
    ...(withNumbering ? [{ head: 'auto-numbering', cell: (j: JournalRow) => j.numbering }] : []),
  ];
  return <Table rows={rows} columns={columns} />;
};

/** The chart of accounts by account number, one page of it (`apage`), each account as a row of the vendor's columns. */
export function ChartOfAccounts<T, R>({
  accounts,
  number,
  ctx,
  columns,
  row,
}: {
  accounts: readonly T[];
  number: (account: T) => string;
  ctx: ViewContext;
  columns: readonly Column<R>[];
  row: (account: T) => R;
}) {
  const page = paginate(
    [...accounts].sort((a, b) => number(a).localeCompare(number(b))),
    ctx.query.apage,
    ctx.pageSize,
  );
  return (
    <>
      <h2>Chart of accounts</h2>
      <Pager page={page} path={ctx.path} query={ctx.query} param="apage" noun="accounts" />
      <Table rows={page.items.map(row)} columns={columns} />
    </>
  );
}

export interface AccountRow {
  number: string;
  label: Child;
  collective: boolean;
  open: boolean;
}

/** Sage GE's and Loop's account columns, in the vendor's words: [number, label, collective] and the word for a closed account. */
export const accountColumns = (
  [number, label, collective]: readonly [string, string, string],
  closed: string,
): Column<AccountRow>[] => [
  { head: number, cell: (a) => a.number },
  { head: label, cell: (a) => a.label },
  { head: collective, cell: (a) => (a.collective ? collective : '') },
  { head: 'state', cell: (a) => <Flag good={a.open} yes="open" no={closed} /> },
];

export interface ThirdPartyRow {
  code: string;
  name: Child;
  type: Child;
  collective: Child;
}

/** The first third parties shown. */
const MAX_THIRD_PARTIES = 500;

/** Third parties (the first 500) and their subsidiary accounts. */
export function ThirdPartiesTable<T>({
  items,
  row,
  codeHead = 'code',
}: {
  items: readonly T[];
  row: (item: T) => ThirdPartyRow;
  codeHead?: string;
}) {
  const columns: Column<ThirdPartyRow>[] = [
    { head: codeHead, cell: (t) => t.code },
    { head: 'name', cell: (t) => t.name },
    { head: 'type', cell: (t) => t.type },
    { head: 'collective', cell: (t) => t.collective },
  ];
  return <Table rows={items.slice(0, MAX_THIRD_PARTIES).map(row)} columns={columns} />;
}

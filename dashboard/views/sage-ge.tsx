/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { rejectionError } from '../../simulators/kit/vendor-error.js';
import { openFiscalYears, yearLabel } from '../../simulators/sage-ge/domain/fiscal-years.js';
import { configurationProblem } from '../../simulators/sage-ge/rules/configuration.js';
import type { EntityState, EntryState, FileState, SageGeState } from '../../simulators/sage-ge/state/schema.js';
import { Badge, Flag, Json, paginate, Pager, Table, when } from '../layout.js';
import {
  accountColumns,
  ChartOfAccounts,
  FileCell,
  TenantCards,
  JournalsTable,
  PeriodsTable,
  ThirdPartiesTable,
} from './shared.js';
import { own, type VendorView, type ViewContext } from './types.js';

/** Sage GE: entities (firms), their files, the Sage cloud queue and what GE did with each entry. */

const state = (ctx: ViewContext) => ctx.sim.simulator.store.data as SageGeState;

function entryCounts(file: FileState) {
  const counts = { queued: 0, injected: 0, rejected: 0 };
  for (const id in file.entries) counts[file.entries[id]!.status] += 1;
  return counts;
}

const certificateValid = (entity: EntityState, ctx: ViewContext) =>
  Date.parse(entity.referenceAdministrator.certificateExpiresAt) > ctx.now.getTime();

/** The red triangle (the Marketplace's view of the fiscal years), as the API reports it. */
const Configuration = ({ file, ctx }: { file: FileState; ctx: ViewContext }) => {
  const check = configurationProblem(file, ctx.now);
  if (check.ok) return <Badge kind="ok">configuration ok</Badge>;
  return (
    <Badge kind="bad" title={rejectionError(check.rejection).message}>
      ▲ {check.rejection.id}
    </Badge>
  );
};

const FiscalYears = ({ file }: { file: FileState }) => {
  const inGe = openFiscalYears(Object.values(file.fiscalYears));
  return (
    <span>
      {inGe.length > 2 ? (
        <Badge kind="bad">{`${inGe.length} open in GE`}</Badge>
      ) : (
        <Badge kind="ok">{`${inGe.length} open`}</Badge>
      )}
      {inGe.map((fy) => (
        <Badge
          kind={fy.chartComplete ? undefined : 'bad'}
          title={`${fy.start} → ${fy.end}${fy.chartComplete ? '' : ', chart incomplete'}`}
        >
          {yearLabel(fy)}
        </Badge>
      ))}
    </span>
  );
};

const Locks = ({ file }: { file: FileState }) => {
  const journals = Object.values(file.journals).filter((j) => j.locked);
  const accounts = Object.values(file.accounts).filter((a) => a.locked);
  const months = Object.keys(file.importCursorLocks);
  if (!journals.length && !accounts.length && !months.length && !file.analytics.required && !file.pendingOtherErrors)
    return <span class="muted">none</span>;
  return (
    <span>
      {journals.map((j) => (
        <Badge kind="bad">journal {j.code} locked</Badge>
      ))}
      {accounts.map((a) => (
        <Badge kind="bad">account {a.number} locked</Badge>
      ))}
      {months.map((m) => (
        <Badge kind="bad">import cursor {m} locked</Badge>
      ))}
      {file.analytics.required ? (
        <Badge kind="warn">{`analytics required (${file.analytics.axes.join(', ') || 'no axis'}, ${file.analytics.missing})`}</Badge>
      ) : null}
      {file.pendingOtherErrors ? (
        <Badge kind="bad">{`next ${file.pendingOtherErrors.remaining} entries fail (error 9 #${file.pendingOtherErrors.variant})`}</Badge>
      ) : null}
    </span>
  );
};

const EntryCounts = ({ file }: { file: FileState }) => {
  const counts = entryCounts(file);
  return (
    <span>
      {counts.queued ? <Badge kind="warn">{`${counts.queued} queued in the cloud`}</Badge> : null}
      {counts.injected ? <Badge kind="ok">{`${counts.injected} injected`}</Badge> : null}
      {counts.rejected ? <Badge kind="bad">{`${counts.rejected} rejected`}</Badge> : null}
      {!counts.queued && !counts.injected && !counts.rejected ? <span class="muted">no entries</span> : null}
    </span>
  );
};

const EntityHeader = ({ entity, ctx }: { entity: EntityState; ctx: ViewContext }) => (
  <p>
    <Flag good={entity.apiRights} yes="API rights signed" no="no API rights (SGE-API-RIGHTS-MISSING)" />
    <Flag
      good={entity.connectorActive}
      yes="Marketplace connector active"
      no="Marketplace connector inactive (SGE-ENTITY-CONNECTOR-INACTIVE)"
    />
    <Flag
      good={certificateValid(entity, ctx)}
      yes={`certificate valid until ${when(entity.referenceAdministrator.certificateExpiresAt)}`}
      no={`certificate expired ${when(entity.referenceAdministrator.certificateExpiresAt)} (SGE-STUCK-ADMIN-CERT-EXPIRED)`}
    />
    <span class="muted"> reference administrator {entity.referenceAdministrator.name}</span>
  </p>
);

function EntryFate({ entry }: { entry: EntryState }) {
  if (entry.status === 'queued')
    return <Badge kind="warn">{`queued in the Sage cloud since ${when(entry.queuedAt)}`}</Badge>;
  if (entry.status === 'injected')
    return (
      <span>
        <Badge kind="ok">injected</Badge> document <code>{entry.documentNumber || '(none)'}</code>
        {entry.label !== undefined && entry.label !== entry.request.label ? (
          <span class="muted">{` label kept: "${entry.label}"`}</span>
        ) : null}
        {entry.attachmentsKept !== undefined && entry.attachmentsKept !== entry.request.attachments.length ? (
          <span class="muted">{` ${entry.attachmentsKept} attachment(s) kept`}</span>
        ) : null}
      </span>
    );
  const error = entry.rejection ? rejectionError(entry.rejection) : undefined;
  return (
    <span>
      <Badge kind="bad">rejected</Badge> {entry.rejection ? <code>{entry.rejection.id}</code> : null}{' '}
      {error ? <span>{`${error.code}: ${error.message}`}</span> : null}
    </span>
  );
}

const ENTRY_STATUSES = ['queued', 'injected', 'rejected'] as const;

export const sageGeView: VendorView = {
  nouns: { tenant: 'entity', file: 'file' },
  target: (tenantId, fileId): Record<string, string> =>
    fileId === undefined ? { entityId: tenantId } : { entityId: tenantId, fileId },
  openAction: 'open-accounting',

  overview(ctx) {
    return (
      <TenantCards
        tenants={Object.values(state(ctx).tenants)}
        none="No entities."
        id={(entity) => entity.id}
        heading={(entity) => (
          <>
            {entity.id} · {entity.name} <span class="muted">SIREN {entity.siren}</span>
          </>
        )}
        body={(entity) => (
          <>
            <EntityHeader entity={entity} ctx={ctx} />
            <Table
              rows={Object.values(entity.files)}
              columns={[
                {
                  head: 'file',
                  cell: (file) => (
                    <FileCell sim="sage-ge" file={{ tenantId: entity.id, fileId: file.id }} name={file.name} />
                  ),
                },
                { head: 'connector', cell: (file) => <Flag good={file.connectorActive} yes="active" no="inactive" /> },
                {
                  head: 'fiscal years (Marketplace check)',
                  cell: (file) => (
                    <>
                      <FiscalYears file={file} /> <Configuration file={file} ctx={ctx} />
                    </>
                  ),
                },
                { head: 'locks and settings', cell: (file) => <Locks file={file} /> },
                { head: 'entries', cell: (file) => <EntryCounts file={file} /> },
              ]}
            />
          </>
        )}
      />
    );
  },

  file(ctx, ref) {
    const entity = own(state(ctx).tenants, ref.tenantId);
    const file = entity && own(entity.files, ref.fileId);
    if (!entity || !file) return undefined;
    const statusFilter = ENTRY_STATUSES.find((s) => s === ctx.query.status);
    const all = Object.values(file.entries)
      .filter((e) => !statusFilter || e.status === statusFilter)
      .sort((a, b) => b.seq - a.seq);
    const page = paginate(all, ctx.query.page, ctx.pageSize);
    const { page: _p, ...keep } = ctx.query;
    const summary = (
      <div>
        <EntityHeader entity={entity} ctx={ctx} />
        <p>
          <Flag
            good={file.connectorActive}
            yes="file connector active"
            no="file connector inactive (SGE-FILE-CONNECTOR-INACTIVE)"
          />{' '}
          <FiscalYears file={file} /> <Configuration file={file} ctx={ctx} />
        </p>
        <p>
          Locks and settings: <Locks file={file} />
        </p>
        <p data-testid="entry-counts">
          Entries: <EntryCounts file={file} />
        </p>
      </div>
    );
    const details = (
      <div>
        <h2>Entries and their fate</h2>
        <form method="get" action={ctx.path} class="filters">
          <label>
            status
            <select name="status">
              <option value="">all</option>
              {ENTRY_STATUSES.map((s) => (
                <option value={s} selected={s === statusFilter}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">Filter</button>
        </form>
        <Pager page={page} path={ctx.path} query={keep} noun="entries" />
        <Table
          testid="entries"
          rows={page.items}
          rowAttrs={(e) => ({ 'data-entry': e.id, 'data-status': e.status })}
          empty={`No entries${statusFilter ? ` ${statusFilter}` : ''}.`}
          columns={[
            { head: 'entry', cell: (e) => <code>{e.id}</code> },
            {
              head: 'journal · date',
              cell: (e) => (
                <>
                  {e.request.journalCode} · {e.request.postingDate}
                </>
              ),
            },
            { head: 'label', cell: (e) => e.request.label },
            { head: 'amount', cell: (e) => e.request.lines.reduce((s, l) => s + l.debit, 0).toFixed(2) },
            { head: 'tracking', cell: (e) => e.trackingCode ?? '—' },
            {
              head: 'fate',
              cell: (e) => (
                <>
                  <EntryFate entry={e} />
                  {e.processedAt ? <div class="muted">{`processed ${when(e.processedAt)}`}</div> : null}
                </>
              ),
            },
          ]}
        />

        <h2>Fiscal years</h2>
        <PeriodsTable
          rows={Object.values(file.fiscalYears).sort((a, b) => a.start.localeCompare(b.start))}
          stateHead="in GE"
          chart
        />
        <p>
          The Marketplace last synchronized the fiscal years{' '}
          {file.marketplaceFiscalYears.at ? when(file.marketplaceFiscalYears.at) : 'never'}:{' '}
          {file.marketplaceFiscalYears.fiscalYears.map((fy) => (
            <Badge kind={fy.status === 'open' ? 'ok' : 'muted'}>{`${yearLabel(fy)} ${fy.status}`}</Badge>
          ))}
        </p>

        <h2>Journals</h2>
        <JournalsTable
          rows={Object.values(file.journals).map((j) => ({
            code: j.code,
            label: j.label,
            type: j.type,
            open: !j.locked,
            numbering: j.autoNumbering.enabled
              ? `${j.autoNumbering.prefix}${String(j.autoNumbering.next).padStart(6, '0')} next`
              : 'off',
          }))}
          withType
          withNumbering
        />

        <ChartOfAccounts
          accounts={Object.values(file.accounts)}
          number={(a) => a.number}
          ctx={ctx}
          columns={accountColumns(['number', 'label', 'collective'], 'locked')}
          row={(a) => ({
            number: a.number,
            label: (
              <>
                {a.label} {a.autoCreated ? <Badge kind="warn">auto-created</Badge> : null}
              </>
            ),
            collective: a.collective,
            open: !a.locked,
          })}
        />

        <h2>Third parties and subsidiary accounts</h2>
        <ThirdPartiesTable
          codeHead="subsidiary account"
          items={Object.values(file.subsidiaryAccounts)}
          row={(s) => {
            const tp = own(file.thirdParties, s.code);
            return { code: s.code, name: tp?.name ?? s.label, type: tp?.type ?? '—', collective: s.collectiveAccount };
          }}
        />
        {Object.keys(file.pendingThirdPartyBatches).length ? (
          <>
            <h3>Third-party batches waiting for the next opening</h3>
            <Json value={file.pendingThirdPartyBatches} />
          </>
        ) : null}
      </div>
    );
    return { title: `Sage GE · ${entity.id} · file ${file.id} (${file.name})`, summary, details };
  },
};

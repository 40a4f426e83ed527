/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import { rejectionError } from '../../simulators/kit/vendor-error.js';
import { openFiscalYears, yearLabel } from '../../simulators/sage-ge/domain/fiscal-years.js';
import { configurationProblem } from '../../simulators/sage-ge/rules/configuration.js';
import type { EntityState, EntryState, FileState, SageGeState } from '../../simulators/sage-ge/state/schema.js';
import { Badge, Empty, Flag, Json, paginate, Pager, when } from '../layout.js';
import { fileHref, own, type VendorView, type ViewContext } from './types.js';

/** Sage GE: entities (firms), their files, the Sage cloud queue and what GE did with each entry. */

const state = (ctx: ViewContext) => ctx.sim.simulator.store.data as SageGeState;

function entryCounts(file: FileState) {
  const counts = { queued: 0, injected: 0, rejected: 0 };
  for (const id in file.entries) counts[file.entries[id]!.status] += 1;
  return counts;
}

const certificateValid = (entity: EntityState, ctx: ViewContext) => Date.parse(entity.referenceAdministrator.certificateExpiresAt) > ctx.now.getTime();

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
      {inGe.length > 2 ? <Badge kind="bad">{`${inGe.length} open in GE`}</Badge> : <Badge kind="ok">{`${inGe.length} open`}</Badge>}
      {inGe.map((fy) => (
        <Badge kind={fy.chartComplete ? undefined : 'bad'} title={`${fy.start} → ${fy.end}${fy.chartComplete ? '' : ', chart incomplete'}`}>
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
  if (!journals.length && !accounts.length && !months.length && !file.analytics.required && !file.pendingOtherErrors) return <span class="muted">none</span>;
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
      {file.analytics.required ? <Badge kind="warn">{`analytics required (${file.analytics.axes.join(', ') || 'no axis'}, ${file.analytics.missing})`}</Badge> : null}
      {file.pendingOtherErrors ? <Badge kind="bad">{`next ${file.pendingOtherErrors.remaining} entries fail (error 9 #${file.pendingOtherErrors.variant})`}</Badge> : null}
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
    <Flag good={entity.connectorActive} yes="Marketplace connector active" no="Marketplace connector inactive (SGE-ENTITY-CONNECTOR-INACTIVE)" />
    <Flag
      good={certificateValid(entity, ctx)}
      yes={`certificate valid until ${when(entity.referenceAdministrator.certificateExpiresAt)}`}
      no={`certificate expired ${when(entity.referenceAdministrator.certificateExpiresAt)} (SGE-STUCK-ADMIN-CERT-EXPIRED)`}
    />
    <span class="muted"> reference administrator {entity.referenceAdministrator.name}</span>
  </p>
);

function EntryFate({ entry }: { entry: EntryState }) {
  if (entry.status === 'queued') return <Badge kind="warn">{`queued in the Sage cloud since ${when(entry.queuedAt)}`}</Badge>;
  if (entry.status === 'injected')
    return (
      <span>
        <Badge kind="ok">injected</Badge> document <code>{entry.documentNumber || '(none)'}</code>
        {entry.label !== undefined && entry.label !== entry.request.label ? <span class="muted">{` label kept: "${entry.label}"`}</span> : null}
        {entry.attachmentsKept !== undefined && entry.attachmentsKept !== entry.request.attachments.length ? <span class="muted">{` ${entry.attachmentsKept} attachment(s) kept`}</span> : null}
      </span>
    );
  const error = entry.rejection ? rejectionError(entry.rejection) : undefined;
  return (
    <span>
      <Badge kind="bad">rejected</Badge> {entry.rejection ? <code>{entry.rejection.id}</code> : null} {error ? <span>{`${error.code}: ${error.message}`}</span> : null}
    </span>
  );
}

const ENTRY_STATUSES = ['queued', 'injected', 'rejected'] as const;

export const sageGeView: VendorView = {
  nouns: { tenant: 'entity', file: 'file' },
  target: (tenantId, fileId): Record<string, string> => (fileId === undefined ? { entityId: tenantId } : { entityId: tenantId, fileId }),
  openAction: 'open-accounting',

  overview(ctx) {
    const entities = Object.values(state(ctx).tenants);
    if (!entities.length) return <Empty>No entities.</Empty>;
    return entities.map((entity) => (
      <div class="card" data-tenant={entity.id}>
        <h3>
          {entity.id} · {entity.name} <span class="muted">SIREN {entity.siren}</span>
        </h3>
        <EntityHeader entity={entity} ctx={ctx} />
        <table>
          <thead>
            <tr>
              <th>file</th>
              <th>connector</th>
              <th>fiscal years (Marketplace check)</th>
              <th>locks and settings</th>
              <th>entries</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(entity.files).map((file) => (
              <tr>
                <td>
                  <a href={fileHref('sage-ge', { tenantId: entity.id, fileId: file.id })}>{file.id}</a>
                  <div class="muted">{file.name}</div>
                </td>
                <td>
                  <Flag good={file.connectorActive} yes="active" no="inactive" />
                </td>
                <td>
                  <FiscalYears file={file} /> <Configuration file={file} ctx={ctx} />
                </td>
                <td>
                  <Locks file={file} />
                </td>
                <td>
                  <EntryCounts file={file} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ));
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
    const accounts = paginate(
      Object.values(file.accounts).sort((a, b) => a.number.localeCompare(b.number)),
      ctx.query.apage,
      ctx.pageSize,
    );
    const { page: _p, ...keep } = ctx.query;
    const summary = (
      <div>
        <EntityHeader entity={entity} ctx={ctx} />
        <p>
          <Flag good={file.connectorActive} yes="file connector active" no="file connector inactive (SGE-FILE-CONNECTOR-INACTIVE)" /> <FiscalYears file={file} /> <Configuration file={file} ctx={ctx} />
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
        {page.items.length ? (
          <table data-testid="entries">
            <thead>
              <tr>
                <th>entry</th>
                <th>journal · date</th>
                <th>label</th>
                <th>amount</th>
                <th>tracking</th>
                <th>fate</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => (
                <tr data-entry={e.id} data-status={e.status}>
                  <td>
                    <code>{e.id}</code>
                  </td>
                  <td>
                    {e.request.journalCode} · {e.request.postingDate}
                  </td>
                  <td>{e.request.label}</td>
                  <td>{e.request.lines.reduce((s, l) => s + l.debit, 0).toFixed(2)}</td>
                  <td>{e.trackingCode ?? '—'}</td>
                  <td>
                    <EntryFate entry={e} />
                    {e.processedAt ? <div class="muted">{`processed ${when(e.processedAt)}`}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>No entries{statusFilter ? ` ${statusFilter}` : ''}.</Empty>
        )}

        <h2>Fiscal years</h2>
        <table>
          <thead>
            <tr>
              <th>id</th>
              <th>period</th>
              <th>in GE</th>
              <th>chart</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(file.fiscalYears)
              .sort((a, b) => a.start.localeCompare(b.start))
              .map((fy) => (
                <tr>
                  <td>{fy.id}</td>
                  <td>
                    {fy.start} → {fy.end}
                  </td>
                  <td>
                    <Badge kind={fy.status === 'open' ? 'ok' : 'muted'}>{fy.status}</Badge>
                  </td>
                  <td>
                    <Flag good={fy.chartComplete} yes="complete" no="incomplete" />
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
        <p>
          The Marketplace last synchronized the fiscal years {file.marketplaceFiscalYears.at ? when(file.marketplaceFiscalYears.at) : 'never'}:{' '}
          {file.marketplaceFiscalYears.fiscalYears.map((fy) => (
            <Badge kind={fy.status === 'open' ? 'ok' : 'muted'}>{`${yearLabel(fy)} ${fy.status}`}</Badge>
          ))}
        </p>

        <h2>Journals</h2>
        <table>
          <thead>
            <tr>
              <th>code</th>
              <th>label</th>
              <th>type</th>
              <th>state</th>
              <th>auto-numbering</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(file.journals).map((j) => (
              <tr>
                <td>{j.code}</td>
                <td>{j.label}</td>
                <td>{j.type}</td>
                <td>
                  <Flag good={!j.locked} yes="open" no="locked" />
                </td>
                <td>{j.autoNumbering.enabled ? `${j.autoNumbering.prefix}${String(j.autoNumbering.next).padStart(6, '0')} next` : 'off'}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>Chart of accounts</h2>
        <Pager page={accounts} path={ctx.path} query={ctx.query} param="apage" noun="accounts" />
        <table>
          <thead>
            <tr>
              <th>number</th>
              <th>label</th>
              <th>collective</th>
              <th>state</th>
            </tr>
          </thead>
          <tbody>
            {accounts.items.map((a) => (
              <tr>
                <td>{a.number}</td>
                <td>
                  {a.label} {a.autoCreated ? <Badge kind="warn">auto-created</Badge> : null}
                </td>
                <td>{a.collective ? 'collective' : ''}</td>
                <td>
                  <Flag good={!a.locked} yes="open" no="locked" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>Third parties and subsidiary accounts</h2>
        <table>
          <thead>
            <tr>
              <th>subsidiary account</th>
              <th>name</th>
              <th>type</th>
              <th>collective</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(file.subsidiaryAccounts)
              .slice(0, 500)
              .map((s) => {
                const tp = own(file.thirdParties, s.code);
                return (
                  <tr>
                    <td>{s.code}</td>
                    <td>{tp?.name ?? s.label}</td>
                    <td>{tp?.type ?? '—'}</td>
                    <td>{s.collectiveAccount}</td>
                  </tr>
                );
              })}
          </tbody>
        </table>
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

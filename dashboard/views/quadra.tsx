/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { DossierState, FirmState, QuadraState } from '../../simulators/quadra/state/schema.js';
import { Badge, Flag, paginate, Pager, pretty, Table, when } from '../layout.js';
import { ChartOfAccounts, FileCell, JournalsTable, PeriodsTable, TenantCards } from './shared.js';
import { own, type VendorView, type ViewContext } from './types.js';

/** Cegid Quadra: firms by SIC code, their keys, dossiers, CFE containers and imports. */

const state = (ctx: ViewContext) => ctx.sim.simulator.store.data as QuadraState;

const CfeKey = ({ firm, dossier }: { firm: FirmState; dossier: DossierState }) =>
  dossier.cfeKeyInSettings === null ? (
    <Badge kind="bad">no CFE key in Quadra's settings</Badge>
  ) : dossier.cfeKeyInSettings === firm.cfe.key ? (
    <Badge kind="ok">CFE key matches Cegid Life</Badge>
  ) : (
    <Badge kind="bad" title="QDR-CONTAINER-NOT-FOUND until update-quadra-settings">
      CFE key in Quadra differs from Cegid Life
    </Badge>
  );

const Periods = ({ dossier }: { dossier: DossierState }) => {
  const open = Object.values(dossier.periods).filter((p) => p.status === 'open');
  return open.length ? (
    <span>
      {open.map((p) => (
        <Badge kind="ok">{`open ${p.start} → ${p.end}`}</Badge>
      ))}
    </span>
  ) : (
    <Badge kind="bad">no open period (QDR-PERIOD-NOT-OPEN)</Badge>
  );
};

const Journals = ({ dossier }: { dossier: DossierState }) => {
  const journals = Object.values(dossier.journals);
  const locked = journals.filter((j) => j.status === 'locked');
  if (!journals.some((j) => j.status === 'open'))
    return <Badge kind="bad">no open journal (QDR-INCOMPLETE-FILE)</Badge>;
  return locked.length ? (
    <span>
      {locked.map((j) => (
        <Badge kind="bad">{`journal ${j.code} locked`}</Badge>
      ))}
    </span>
  ) : (
    <Badge kind="ok">{`${journals.length} journals open`}</Badge>
  );
};

function containerCounts(dossier: DossierState) {
  let waiting = 0;
  let rejected = 0;
  for (const path in dossier.container.blobs) {
    if (path.startsWith('input/')) waiting += 1;
    else if (path.startsWith('archive/rejected/') && !path.endsWith('.report.json')) rejected += 1;
  }
  return { waiting, rejected };
}

const Flow = ({ dossier, ctx }: { dossier: DossierState; ctx: ViewContext }) => {
  const { waiting, rejected } = containerCounts(dossier);
  const imports = Object.values(dossier.imports);
  const importing = imports.filter((i) => i.status === 'importing').length;
  const entries = Object.keys(dossier.entries).length;
  const visible = Object.values(dossier.entries).filter((e) => Date.parse(e.visibleAt) <= ctx.now.getTime()).length;
  return (
    <span>
      {waiting ? <Badge kind="warn">{`${waiting} file(s) waiting in the CFE container`}</Badge> : null}
      {rejected ? <Badge kind="bad">{`${rejected} file(s) rejected`}</Badge> : null}
      {importing ? <Badge kind="warn">{`${importing} import(s) not visible yet`}</Badge> : null}
      {entries ? <Badge kind="ok">{`${visible}/${entries} entry lines visible`}</Badge> : null}
      {!waiting && !rejected && !importing && !entries ? <span class="muted">nothing sent</span> : null}
    </span>
  );
};

const FirmHeader = ({ firm }: { firm: FirmState }) => (
  <p>
    <Flag
      good={firm.portalAccess}
      yes="Collaborative Portal access"
      no="no Collaborative Portal access (QDR-CPA-NO-PORTAL)"
    />
    <Flag good={firm.cfe.activated} yes="CFE activated" no="CFE not activated (QDR-CFE-NOT-ACTIVATED)" />
    <span class="muted">
      {' '}
      CPA key <code>{firm.cpa.key}</code> · CFE key <code>{firm.cfe.key}</code> · {Object.keys(firm.tokens).length}{' '}
      token(s)
    </span>
  </p>
);

const decode = (base64: string) => Buffer.from(base64, 'base64').toString('latin1');

export const quadraView: VendorView = {
  nouns: { tenant: 'firm', file: 'dossier' },
  target: (tenantId, fileId): Record<string, string> =>
    fileId === undefined ? { sicCode: tenantId } : { sicCode: tenantId, dossier: fileId },
  openAction: 'open-dossier',

  overview(ctx) {
    return (
      <TenantCards
        tenants={Object.values(state(ctx).tenants)}
        none="No firms."
        id={(firm) => firm.sicCode}
        heading={(firm) => (
          <>
            SIC {firm.sicCode} · {firm.name}
          </>
        )}
        body={(firm) => (
          <>
            <FirmHeader firm={firm} />
            <Table
              rows={Object.values(firm.dossiers)}
              columns={[
                {
                  head: 'dossier',
                  cell: (dossier) => (
                    <FileCell
                      sim="quadra"
                      file={{ tenantId: firm.sicCode, fileId: dossier.code }}
                      name={dossier.name}
                    />
                  ),
                },
                { head: 'CFE key', cell: (dossier) => <CfeKey firm={firm} dossier={dossier} /> },
                { head: 'periods', cell: (dossier) => <Periods dossier={dossier} /> },
                { head: 'journals', cell: (dossier) => <Journals dossier={dossier} /> },
                {
                  head: 'container and imports',
                  cell: (dossier) => (
                    <>
                      <Flow dossier={dossier} ctx={ctx} />
                      <div class="muted">{`last opened ${dossier.lastOpenedAt ? when(dossier.lastOpenedAt) : 'never'}, import delay ${dossier.importDelayMinutes} min`}</div>
                    </>
                  ),
                },
              ]}
            />
          </>
        )}
      />
    );
  },

  file(ctx, ref) {
    const firm = own(state(ctx).tenants, ref.tenantId);
    const dossier = firm && own(firm.dossiers, ref.fileId);
    if (!firm || !dossier) return undefined;
    const entries = paginate(
      Object.values(dossier.entries).sort((a, b) => b.id - a.id),
      ctx.query.page,
      ctx.pageSize,
    );
    const imports = Object.values(dossier.imports).sort((a, b) => b.openedAt.localeCompare(a.openedAt));
    const { page: _p, ...keep } = ctx.query;
    const summary = (
      <div>
        <FirmHeader firm={firm} />
        <p>
          <CfeKey firm={firm} dossier={dossier} /> <Periods dossier={dossier} /> <Journals dossier={dossier} />
        </p>
        <p data-testid="entry-counts">
          <Flow dossier={dossier} ctx={ctx} />{' '}
          <span class="muted">{` · last opened ${dossier.lastOpenedAt ? when(dossier.lastOpenedAt) : 'never'}, import delay ${dossier.importDelayMinutes} min`}</span>
        </p>
      </div>
    );
    const details = (
      <div>
        <h2>CFE container</h2>
        <Table
          rows={Object.values(dossier.container.blobs)}
          empty="The container is empty."
          columns={[
            {
              head: 'path',
              cell: (b) => (
                <>
                  <code>{b.path}</code>{' '}
                  {b.path.startsWith('input/') ? (
                    <Badge kind="warn">waiting for the opening</Badge>
                  ) : b.path.startsWith('archive/rejected/') ? (
                    <Badge kind="bad">rejected</Badge>
                  ) : (
                    <Badge kind="ok">archived</Badge>
                  )}
                </>
              ),
            },
            { head: 'size', cell: (b) => <>{b.size} B</> },
            { head: 'uploaded', cell: (b) => when(b.uploadedAt) },
            {
              head: 'content',
              cell: (b) => (
                <details>
                  <summary>show</summary>
                  <pre>
                    {b.size > 20_000 ? `${decode(b.contentBase64).slice(0, 20_000)}…` : pretty(decode(b.contentBase64))}
                  </pre>
                </details>
              ),
            },
          ]}
        />

        <h2>Imports</h2>
        <Table
          rows={imports}
          empty="No imports yet: files wait in the container until the dossier is opened."
          columns={[
            { head: 'import', cell: (i) => i.id },
            { head: 'file', cell: (i) => i.fileName },
            { head: 'opened', cell: (i) => when(i.openedAt) },
            {
              head: 'state',
              cell: (i) =>
                Date.parse(i.visibleAt) <= ctx.now.getTime() ? (
                  <Badge kind="ok">{`visible since ${when(i.visibleAt)}`}</Badge>
                ) : (
                  <Badge kind="warn">{`importing, visible at ${when(i.visibleAt)}`}</Badge>
                ),
            },
            { head: 'lines', cell: (i) => i.lines.length },
            { head: 'accounts (C)', cell: (i) => i.accounts.length },
            { head: 'not kept', cell: (i) => `${i.ignored.analytic} I, ${i.ignored.schedules} R` },
          ]}
        />

        <h2>Entry lines (Ecritures)</h2>
        <Pager page={entries} path={ctx.path} query={keep} noun="entry lines" />
        <Table
          testid="entries"
          rows={entries.items}
          empty="No entry lines."
          columns={[
            { head: 'NumUniq', cell: (e) => e.id },
            {
              head: 'import · line',
              cell: (e) => (
                <>
                  {e.importId} · {e.lineNumber}
                </>
              ),
            },
            {
              head: 'journal · date',
              cell: (e) => (
                <>
                  {e.record.journal} · {e.record.date}
                </>
              ),
            },
            { head: 'account', cell: (e) => e.record.account },
            { head: 'label', cell: (e) => e.record.label },
            { head: 'amount', cell: (e) => `${e.record.direction} ${(e.record.amountCents / 100).toFixed(2)}` },
            {
              head: 'visible',
              cell: (e) =>
                Date.parse(e.visibleAt) <= ctx.now.getTime() ? (
                  <Badge kind="ok">visible</Badge>
                ) : (
                  <Badge kind="warn">{`at ${when(e.visibleAt)}`}</Badge>
                ),
            },
          ]}
        />

        <h2>Periods</h2>
        <PeriodsTable rows={Object.values(dossier.periods)} />

        <h2>Journals</h2>
        <JournalsTable
          rows={Object.values(dossier.journals).map((j) => ({
            code: j.code,
            label: j.label,
            open: j.status === 'open',
          }))}
        />

        <ChartOfAccounts
          accounts={Object.values(dossier.accounts)}
          number={(a) => a.number}
          ctx={ctx}
          row={(a) => a}
          columns={[
            { head: 'Numero', cell: (a) => a.number },
            { head: 'Type', cell: (a) => a.type },
            { head: 'Intitule', cell: (a) => a.label || <Badge kind="warn">no label (QDR-NO-LABELS)</Badge> },
            { head: 'Collectif', cell: (a) => a.collective },
          ]}
        />
      </div>
    );
    return {
      title: `Cegid Quadra · SIC ${firm.sicCode} · dossier ${dossier.code} (${dossier.name})`,
      summary,
      details,
    };
  },
};

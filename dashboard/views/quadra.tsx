/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { DossierState, FirmState, QuadraState } from '../../simulators/quadra/state/schema.js';
import { Badge, Empty, Flag, paginate, Pager, pretty, when } from '../layout.js';
import { fileHref, own, type VendorView, type ViewContext } from './types.js';

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
  if (!journals.some((j) => j.status === 'open')) return <Badge kind="bad">no open journal (QDR-INCOMPLETE-FILE)</Badge>;
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
    <Flag good={firm.portalAccess} yes="Collaborative Portal access" no="no Collaborative Portal access (QDR-CPA-NO-PORTAL)" />
    <Flag good={firm.cfe.activated} yes="CFE activated" no="CFE not activated (QDR-CFE-NOT-ACTIVATED)" />
    <span class="muted">
      {' '}
      CPA key <code>{firm.cpa.key}</code> · CFE key <code>{firm.cfe.key}</code> · {Object.keys(firm.tokens).length} token(s)
    </span>
  </p>
);

const decode = (base64: string) => Buffer.from(base64, 'base64').toString('latin1');

export const quadraView: VendorView = {
  nouns: { tenant: 'firm', file: 'dossier' },
  target: (tenantId, fileId): Record<string, string> => (fileId === undefined ? { sicCode: tenantId } : { sicCode: tenantId, dossier: fileId }),
  openAction: 'open-dossier',

  overview(ctx) {
    const firms = Object.values(state(ctx).tenants);
    if (!firms.length) return <Empty>No firms.</Empty>;
    return firms.map((firm) => (
      <div class="card" data-tenant={firm.sicCode}>
        <h3>
          SIC {firm.sicCode} · {firm.name}
        </h3>
        <FirmHeader firm={firm} />
        <table>
          <thead>
            <tr>
              <th>dossier</th>
              <th>CFE key</th>
              <th>periods</th>
              <th>journals</th>
              <th>container and imports</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(firm.dossiers).map((dossier) => (
              <tr>
                <td>
                  <a href={fileHref('quadra', { tenantId: firm.sicCode, fileId: dossier.code })}>{dossier.code}</a>
                  <div class="muted">{dossier.name}</div>
                </td>
                <td>
                  <CfeKey firm={firm} dossier={dossier} />
                </td>
                <td>
                  <Periods dossier={dossier} />
                </td>
                <td>
                  <Journals dossier={dossier} />
                </td>
                <td>
                  <Flow dossier={dossier} ctx={ctx} />
                  <div class="muted">{`last opened ${dossier.lastOpenedAt ? when(dossier.lastOpenedAt) : 'never'}, import delay ${dossier.importDelayMinutes} min`}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ));
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
    const accounts = paginate(
      Object.values(dossier.accounts).sort((a, b) => a.number.localeCompare(b.number)),
      ctx.query.apage,
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
          <Flow dossier={dossier} ctx={ctx} /> <span class="muted">{` · last opened ${dossier.lastOpenedAt ? when(dossier.lastOpenedAt) : 'never'}, import delay ${dossier.importDelayMinutes} min`}</span>
        </p>
      </div>
    );
    const details = (
      <div>
        <h2>CFE container</h2>
        {Object.keys(dossier.container.blobs).length ? (
          <table>
            <thead>
              <tr>
                <th>path</th>
                <th>size</th>
                <th>uploaded</th>
                <th>content</th>
              </tr>
            </thead>
            <tbody>
              {Object.values(dossier.container.blobs).map((b) => (
                <tr>
                  <td>
                    <code>{b.path}</code> {b.path.startsWith('input/') ? <Badge kind="warn">waiting for the opening</Badge> : b.path.startsWith('archive/rejected/') ? <Badge kind="bad">rejected</Badge> : <Badge kind="ok">archived</Badge>}
                  </td>
                  <td>{b.size} B</td>
                  <td>{when(b.uploadedAt)}</td>
                  <td>
                    <details>
                      <summary>show</summary>
                      <pre>{b.size > 20_000 ? `${decode(b.contentBase64).slice(0, 20_000)}…` : pretty(decode(b.contentBase64))}</pre>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>The container is empty.</Empty>
        )}

        <h2>Imports</h2>
        {imports.length ? (
          <table>
            <thead>
              <tr>
                <th>import</th>
                <th>file</th>
                <th>opened</th>
                <th>state</th>
                <th>lines</th>
                <th>not kept</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr>
                  <td>{i.id}</td>
                  <td>{i.fileName}</td>
                  <td>{when(i.openedAt)}</td>
                  <td>{Date.parse(i.visibleAt) <= ctx.now.getTime() ? <Badge kind="ok">{`visible since ${when(i.visibleAt)}`}</Badge> : <Badge kind="warn">{`importing, visible at ${when(i.visibleAt)}`}</Badge>}</td>
                  <td>{i.lines.length}</td>
                  <td>{`${i.ignored.accounts} C, ${i.ignored.analytic} I, ${i.ignored.schedules} R`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>No imports yet: files wait in the container until the dossier is opened.</Empty>
        )}

        <h2>Entry lines (Ecritures)</h2>
        <Pager page={entries} path={ctx.path} query={keep} noun="entry lines" />
        {entries.items.length ? (
          <table data-testid="entries">
            <thead>
              <tr>
                <th>NumUniq</th>
                <th>import · line</th>
                <th>journal · date</th>
                <th>account</th>
                <th>label</th>
                <th>amount</th>
                <th>visible</th>
              </tr>
            </thead>
            <tbody>
              {entries.items.map((e) => (
                <tr>
                  <td>{e.id}</td>
                  <td>
                    {e.importId} · {e.lineNumber}
                  </td>
                  <td>
                    {e.record.journal} · {e.record.date}
                  </td>
                  <td>{e.record.account}</td>
                  <td>{e.record.label}</td>
                  <td>{`${e.record.direction} ${(e.record.amountCents / 100).toFixed(2)}`}</td>
                  <td>{Date.parse(e.visibleAt) <= ctx.now.getTime() ? <Badge kind="ok">visible</Badge> : <Badge kind="warn">{`at ${when(e.visibleAt)}`}</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>No entry lines.</Empty>
        )}

        <h2>Periods</h2>
        <table>
          <thead>
            <tr>
              <th>id</th>
              <th>period</th>
              <th>state</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(dossier.periods).map((p) => (
              <tr>
                <td>{p.id}</td>
                <td>
                  {p.start} → {p.end}
                </td>
                <td>
                  <Badge kind={p.status === 'open' ? 'ok' : 'muted'}>{p.status}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>Journals</h2>
        <table>
          <thead>
            <tr>
              <th>code</th>
              <th>label</th>
              <th>state</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(dossier.journals).map((j) => (
              <tr>
                <td>{j.code}</td>
                <td>{j.label}</td>
                <td>
                  <Flag good={j.status === 'open'} yes="open" no="locked" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>Chart of accounts</h2>
        <Pager page={accounts} path={ctx.path} query={ctx.query} param="apage" noun="accounts" />
        <table>
          <thead>
            <tr>
              <th>Numero</th>
              <th>Type</th>
              <th>Intitule</th>
              <th>Collectif</th>
            </tr>
          </thead>
          <tbody>
            {accounts.items.map((a) => (
              <tr>
                <td>{a.number}</td>
                <td>{a.type}</td>
                <td>{a.label || <Badge kind="warn">no label (QDR-NO-LABELS)</Badge>}</td>
                <td>{a.collective}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
    return { title: `Cegid Quadra · SIC ${firm.sicCode} · dossier ${dossier.code} (${dossier.name})`, summary, details };
  },
};

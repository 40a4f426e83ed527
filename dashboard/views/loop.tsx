/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { FirmState, FolderState, ImportState, LoopState } from '../../simulators/loop/state/schema.js';
import { Badge, Empty, Flag, paginate, Pager, when } from '../layout.js';
import { fileHref, own, type VendorView, type ViewContext } from './types.js';

/** Cegid Loop: firms by domain, their Loop Hub API keys and folder associations, folders, imports. */

const state = (ctx: ViewContext) => ctx.sim.simulator.store.data as LoopState;

const keysOf = (firm: FirmState, folder: string) => Object.values(firm.apiKeys).filter((k) => Object.hasOwn(k.folders, folder));

const FolderState_ = ({ folder }: { folder: FolderState }) => {
  const open = Object.values(folder.fiscalYears).filter((fy) => fy.status === 'open');
  const incomplete = open.filter((fy) => !fy.chartComplete);
  const journals = Object.values(folder.journaux);
  const closed = journals.filter((j) => j.ferme);
  return (
    <span>
      {open.length ? (
        open.map((fy) => <Badge kind={fy.chartComplete ? 'ok' : 'bad'}>{`${fy.start.slice(0, 4)} open${fy.chartComplete ? '' : ', chart incomplete'}`}</Badge>)
      ) : (
        <Badge kind="bad">no open fiscal year</Badge>
      )}
      {incomplete.length || !journals.some((j) => !j.ferme) ? <Badge kind="bad">LOOP-INCOMPLETE-FOLDER</Badge> : null}
      {closed.map((j) => (
        <Badge kind="bad">{`journal ${j.code} closed`}</Badge>
      ))}
    </span>
  );
};

const STATUT_KIND = { EnAttente: 'warn', Termine: 'ok', TermineAvecErreurs: 'bad', Erreur: 'bad' } as const;

const ImportCounts = ({ imports }: { imports: ImportState[] }) => {
  const counts: Record<string, number> = {};
  for (const i of imports) counts[i.statut] = (counts[i.statut] ?? 0) + 1;
  const keys = Object.keys(counts) as (keyof typeof STATUT_KIND)[];
  return keys.length ? (
    <span>
      {keys.map((k) => (
        <Badge kind={STATUT_KIND[k]}>{`${counts[k]} ${k}`}</Badge>
      ))}
    </span>
  ) : (
    <span class="muted">no imports</span>
  );
};

const folderImports = (firm: FirmState, code: string) =>
  Object.values(firm.imports)
    .filter((i) => i.codeIbs === code)
    .sort((a, b) => b.seq - a.seq);

export const loopView: VendorView = {
  nouns: { tenant: 'firm', file: 'folder' },
  target: (tenantId, fileId): Record<string, string> => (fileId === undefined ? { domain: tenantId } : { domain: tenantId, folder: fileId }),

  overview(ctx) {
    const firms = Object.values(state(ctx).tenants);
    if (!firms.length) return <Empty>No firms.</Empty>;
    return firms.map((firm) => (
      <div class="card" data-tenant={firm.domain}>
        <h3>
          {firm.domain} · {firm.name} <span class="muted">{`import delay ${Math.round(firm.importDelayMs / 1000)} s`}</span>
        </h3>
        <table>
          <thead>
            <tr>
              <th>API key (Loop Hub)</th>
              <th>service</th>
              <th>acts as</th>
              <th>associated folders</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(firm.apiKeys).map((k) => (
              <tr>
                <td>
                  {k.name} <code>{k.key}</code>
                </td>
                <td>{k.service}</td>
                <td>{k.collaborateur}</td>
                <td>{Object.keys(k.folders).length ? Object.keys(k.folders).map((f) => <Badge kind="ok">{f}</Badge>) : <Badge kind="bad">none</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <thead>
            <tr>
              <th>folder</th>
              <th>connector</th>
              <th>key association</th>
              <th>fiscal years and journals</th>
              <th>imports</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(firm.folders).map((folder) => {
              const keys = keysOf(firm, folder.code);
              return (
                <tr>
                  <td>
                    <a href={fileHref('loop', { tenantId: firm.domain, fileId: folder.code })}>{folder.code}</a>
                    <div class="muted">{folder.name}</div>
                  </td>
                  <td>
                    <Flag good={folder.connectorActive} yes="activated" no="not activated (LOOP-COLLABORATOR-NO-ACCESS)" />
                  </td>
                  <td>{keys.length ? keys.map((k) => <Badge kind="ok">{k.name}</Badge>) : <Badge kind="bad">no key (LOOP-FOLDER-NOT-ASSOCIATED)</Badge>}</td>
                  <td>
                    <FolderState_ folder={folder} />
                  </td>
                  <td>
                    <ImportCounts imports={folderImports(firm, folder.code)} />
                    <div class="muted">{`${Object.keys(folder.ecritures).length} entry lines`}</div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    ));
  },

  file(ctx, ref) {
    const firm = own(state(ctx).tenants, ref.tenantId);
    const folder = firm && own(firm.folders, ref.fileId);
    if (!firm || !folder) return undefined;
    const imports = paginate(folderImports(firm, folder.code), ctx.query.ipage, 20);
    const lines = paginate(
      Object.values(folder.ecritures).sort((a, b) => b.numeroEcriture - a.numeroEcriture || a.ligne - b.ligne),
      ctx.query.page,
      ctx.pageSize,
    );
    const comptes = paginate(
      Object.values(folder.comptes).sort((a, b) => a.numero.localeCompare(b.numero)),
      ctx.query.apage,
      ctx.pageSize,
    );
    const keys = keysOf(firm, folder.code);
    const { page: _p, ...keep } = ctx.query;
    const summary = (
      <div>
        <p>
          <Flag good={folder.connectorActive} yes="Qonto connector activated" no="Qonto connector not activated (LOOP-COLLABORATOR-NO-ACCESS)" />{' '}
          {keys.length ? keys.map((k) => <Badge kind="ok">{`key ${k.name} (${k.collaborateur})`}</Badge>) : <Badge kind="bad">no API key sees it (LOOP-FOLDER-NOT-ASSOCIATED)</Badge>} <FolderState_ folder={folder} />
        </p>
        <p data-testid="entry-counts">
          Imports: <ImportCounts imports={folderImports(firm, folder.code)} /> · {Object.keys(folder.ecritures).length} entry lines
        </p>
      </div>
    );
    const details = (
      <div>
        <h2>Imports (importJson) and their fate</h2>
        <Pager page={imports} path={ctx.path} query={ctx.query} param="ipage" noun="imports" />
        {imports.items.length ? (
          <table data-testid="imports">
            <thead>
              <tr>
                <th>request</th>
                <th>received · due</th>
                <th>statut</th>
                <th>entries</th>
              </tr>
            </thead>
            <tbody>
              {imports.items.map((i) => (
                <tr>
                  <td>
                    <code>{i.id}</code>
                    <div class="muted">{`by ${i.collaborateur}`}</div>
                  </td>
                  <td>
                    {when(i.receivedAt)}
                    <div class="muted">{i.processedAt ? `processed ${when(i.processedAt)}` : `due ${when(i.dueAt)}`}</div>
                  </td>
                  <td>
                    <Badge kind={STATUT_KIND[i.statut]}>{i.statut}</Badge>
                    {i.message ? <div>{i.message}</div> : null}
                  </td>
                  <td>
                    {i.results.length
                      ? i.results.map((r) => (
                          <div>
                            <Badge kind={r.statut === 'Integree' ? 'ok' : r.statut === 'Rejetee' ? 'bad' : 'warn'}>{r.statut}</Badge> {r.refPiece}
                            {r.numeroEcriture !== null ? ` → n° ${r.numeroEcriture}` : ''}
                            {r.erreurs.map((e) => (
                              <div class="muted">{`${e.code}${e.champ ? ` (${e.champ})` : ''}: ${e.message}`}</div>
                            ))}
                          </div>
                        ))
                      : `${i.request.data.ecritures.length} entries waiting`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>No imports into this folder.</Empty>
        )}

        <h2>Entry lines (EcritureComptable)</h2>
        <Pager page={lines} path={ctx.path} query={keep} noun="entry lines" />
        {lines.items.length ? (
          <table data-testid="entries">
            <thead>
              <tr>
                <th>n°</th>
                <th>journal · date</th>
                <th>account</th>
                <th>label</th>
                <th>debit</th>
                <th>credit</th>
                <th>origin</th>
              </tr>
            </thead>
            <tbody>
              {lines.items.map((e) => (
                <tr>
                  <td>{`${e.numeroEcriture}.${e.ligne}`}</td>
                  <td>
                    {e.journalCode} · {e.datePiece}
                  </td>
                  <td>
                    {e.compteNumero}
                    {e.compteAuxiliaire ? ` / ${e.compteAuxiliaire}` : ''}
                  </td>
                  <td>{e.libelle}</td>
                  <td>{e.debit ? e.debit.toFixed(2) : ''}</td>
                  <td>{e.credit ? e.credit.toFixed(2) : ''}</td>
                  <td>
                    <code>{e.ecritureOrigine}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <Empty>No entry lines.</Empty>
        )}

        <h2>Fiscal years</h2>
        <table>
          <thead>
            <tr>
              <th>id</th>
              <th>period</th>
              <th>state</th>
              <th>chart</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(folder.fiscalYears).map((fy) => (
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

        <h2>Journals</h2>
        <table>
          <thead>
            <tr>
              <th>code</th>
              <th>libellé</th>
              <th>state</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(folder.journaux).map((j) => (
              <tr>
                <td>{j.code}</td>
                <td>{j.libelle}</td>
                <td>
                  <Flag good={!j.ferme} yes="open" no="closed" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>Chart of accounts</h2>
        <Pager page={comptes} path={ctx.path} query={ctx.query} param="apage" noun="accounts" />
        <table>
          <thead>
            <tr>
              <th>numéro</th>
              <th>libellé</th>
              <th>collectif</th>
              <th>state</th>
            </tr>
          </thead>
          <tbody>
            {comptes.items.map((a) => (
              <tr>
                <td>{a.numero}</td>
                <td>{a.libelle}</td>
                <td>{a.collectif ? 'collectif' : ''}</td>
                <td>
                  <Flag good={!a.ferme} yes="open" no="closed" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>Third parties</h2>
        <table>
          <thead>
            <tr>
              <th>code</th>
              <th>name</th>
              <th>type</th>
              <th>collective</th>
            </tr>
          </thead>
          <tbody>
            {Object.values(folder.tiers)
              .slice(0, 500)
              .map((t) => (
                <tr>
                  <td>{t.code}</td>
                  <td>{t.raisonSociale ?? t.nomUsuel ?? [t.prenom, t.nom].filter(Boolean).join(' ')}</td>
                  <td>{({ 0: 'client', 1: 'fournisseur', 2: 'salarié', 4: 'divers' } as const)[t.type]}</td>
                  <td>{t.compteContrepartie}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    );
    return { title: `Cegid Loop · ${firm.domain} · folder ${folder.code} (${folder.name})`, summary, details };
  },
};

/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { FirmState, FolderState, ImportState, LoopState } from '../../simulators/loop/state/schema.js';
import { Badge, Flag, paginate, Pager, Table, when } from '../layout.js';
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

/** Cegid Loop: firms by domain, their Loop Hub API keys and folder associations, folders, imports. */

const state = (ctx: ViewContext) => ctx.sim.simulator.store.data as LoopState;

const keysOf = (firm: FirmState, folder: string) =>
  Object.values(firm.apiKeys).filter((k) => Object.hasOwn(k.folders, folder));

const FolderState_ = ({ folder }: { folder: FolderState }) => {
  const open = Object.values(folder.fiscalYears).filter((fy) => fy.status === 'open');
  const incomplete = open.filter((fy) => !fy.chartComplete);
  const journals = Object.values(folder.journaux);
  const closed = journals.filter((j) => j.ferme);
  return (
    <span>
      {open.length ? (
        open.map((fy) => (
          <Badge
            kind={fy.chartComplete ? 'ok' : 'bad'}
          >{`${fy.start.slice(0, 4)} open${fy.chartComplete ? '' : ', chart incomplete'}`}</Badge>
        ))
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
  target: (tenantId, fileId): Record<string, string> =>
    fileId === undefined ? { domain: tenantId } : { domain: tenantId, folder: fileId },

  overview(ctx) {
    return (
      <TenantCards
        tenants={Object.values(state(ctx).tenants)}
        none="No firms."
        id={(firm) => firm.domain}
        heading={(firm) => (
          <>
            {firm.domain} · {firm.name}{' '}
            <span class="muted">{`import delay ${Math.round(firm.importDelayMs / 1000)} s`}</span>
          </>
        )}
        body={(firm) => (
          <>
            <Table
              rows={Object.values(firm.apiKeys)}
              columns={[
                {
                  head: 'API key (Loop Hub)',
                  cell: (k) => (
                    <>
                      {k.name} <code>{k.key}</code>
                    </>
                  ),
                },
                { head: 'service', cell: (k) => k.service },
                { head: 'acts as', cell: (k) => k.collaborateur },
                {
                  head: 'associated folders',
                  cell: (k) =>
                    Object.keys(k.folders).length ? (
                      Object.keys(k.folders).map((f) => <Badge kind="ok">{f}</Badge>)
                    ) : (
                      <Badge kind="bad">none</Badge>
                    ),
                },
              ]}
            />
            <Table
              rows={Object.values(firm.folders)}
              columns={[
                {
                  head: 'folder',
                  cell: (folder) => (
                    <FileCell sim="loop" file={{ tenantId: firm.domain, fileId: folder.code }} name={folder.name} />
                  ),
                },
                {
                  head: 'connector',
                  cell: (folder) => (
                    <Flag
                      good={folder.connectorActive}
                      yes="activated"
                      no="not activated (LOOP-COLLABORATOR-NO-ACCESS)"
                    />
                  ),
                },
                {
                  head: 'key association',
                  cell: (folder) => {
                    const keys = keysOf(firm, folder.code);
                    return keys.length ? (
                      keys.map((k) => <Badge kind="ok">{k.name}</Badge>)
                    ) : (
                      <Badge kind="bad">no key (LOOP-FOLDER-NOT-ASSOCIATED)</Badge>
                    );
                  },
                },
                { head: 'fiscal years and journals', cell: (folder) => <FolderState_ folder={folder} /> },
                {
                  head: 'imports',
                  cell: (folder) => (
                    <>
                      <ImportCounts imports={folderImports(firm, folder.code)} />
                      <div class="muted">{`${Object.keys(folder.ecritures).length} entry lines`}</div>
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
    const folder = firm && own(firm.folders, ref.fileId);
    if (!firm || !folder) return undefined;
    const imports = paginate(folderImports(firm, folder.code), ctx.query.ipage, 20);
    const lines = paginate(
      Object.values(folder.ecritures).sort((a, b) => b.numeroEcriture - a.numeroEcriture || a.ligne - b.ligne),
      ctx.query.page,
      ctx.pageSize,
    );
    const keys = keysOf(firm, folder.code);
    const { page: _p, ...keep } = ctx.query;
    const summary = (
      <div>
        <p>
          <Flag
            good={folder.connectorActive}
            yes="Qonto connector activated"
            no="Qonto connector not activated (LOOP-COLLABORATOR-NO-ACCESS)"
          />{' '}
          {keys.length ? (
            keys.map((k) => <Badge kind="ok">{`key ${k.name} (${k.collaborateur})`}</Badge>)
          ) : (
            <Badge kind="bad">no API key sees it (LOOP-FOLDER-NOT-ASSOCIATED)</Badge>
          )}{' '}
          <FolderState_ folder={folder} />
        </p>
        <p data-testid="entry-counts">
          Imports: <ImportCounts imports={folderImports(firm, folder.code)} /> · {Object.keys(folder.ecritures).length}{' '}
          entry lines
        </p>
      </div>
    );
    const details = (
      <div>
        <h2>Imports (importJson) and their fate</h2>
        <Pager page={imports} path={ctx.path} query={ctx.query} param="ipage" noun="imports" />
        <Table
          testid="imports"
          rows={imports.items}
          empty="No imports into this folder."
          columns={[
            {
              head: 'request',
              cell: (i) => (
                <>
                  <code>{i.id}</code>
                  <div class="muted">{`by ${i.collaborateur}`}</div>
                </>
              ),
            },
            {
              head: 'received · due',
              cell: (i) => (
                <>
                  {when(i.receivedAt)}
                  <div class="muted">{i.processedAt ? `processed ${when(i.processedAt)}` : `due ${when(i.dueAt)}`}</div>
                </>
              ),
            },
            {
              head: 'statut',
              cell: (i) => (
                <>
                  <Badge kind={STATUT_KIND[i.statut]}>{i.statut}</Badge>
                  {i.message ? <div>{i.message}</div> : null}
                </>
              ),
            },
            {
              head: 'entries',
              cell: (i) => (
                <>
                  {i.request.data.tiers?.length ? (
                    <div class="muted">
                      {plural(i.request.data.tiers.length, 'third party', 'third parties')} carried by the import
                    </div>
                  ) : null}
                  {i.results.map((r) => (
                    <div>
                      <Badge kind={r.statut === 'Integree' ? 'ok' : r.statut === 'Rejetee' ? 'bad' : 'warn'}>
                        {r.statut}
                      </Badge>{' '}
                      {r.refPiece}
                      {r.numeroEcriture !== null ? ` → n° ${r.numeroEcriture}` : ''}
                      {i.piecesJointes[r.index]?.length
                        ? ` · ${plural(i.piecesJointes[r.index]!.length, 'attachment', 'attachments')}`
                        : ''}
                      {r.erreurs.map((e) => (
                        <div class="muted">{`${e.code}${e.champ ? ` (${e.champ})` : ''}: ${e.message}`}</div>
                      ))}
                    </div>
                  ))}
                </>
              ),
            },
          ]}
        />

        <h2>Entry lines (EcritureComptable)</h2>
        <Pager page={lines} path={ctx.path} query={keep} noun="entry lines" />
        <Table
          testid="entries"
          rows={lines.items}
          empty="No entry lines."
          columns={[
            { head: 'n°', cell: (e) => `${e.numeroEcriture}.${e.ligne}` },
            {
              head: 'journal · date',
              cell: (e) => (
                <>
                  {e.journalCode} · {e.datePiece}
                </>
              ),
            },
            {
              head: 'account',
              cell: (e) => (
                <>
                  {e.compteNumero}
                  {e.compteAuxiliaire ? ` / ${e.compteAuxiliaire}` : ''}
                </>
              ),
            },
            { head: 'label', cell: (e) => e.libelle },
            { head: 'debit', cell: (e) => (e.debit ? e.debit.toFixed(2) : '') },
            { head: 'credit', cell: (e) => (e.credit ? e.credit.toFixed(2) : '') },
            { head: 'origin', cell: (e) => <code>{e.ecritureOrigine}</code> },
          ]}
        />

        <h2>Fiscal years</h2>
        <PeriodsTable rows={Object.values(folder.fiscalYears)} chart />

        <h2>Journals</h2>
        <JournalsTable
          rows={Object.values(folder.journaux).map((j) => ({ code: j.code, label: j.libelle, open: !j.ferme }))}
          labelHead="libellé"
          closed="closed"
        />

        <ChartOfAccounts
          accounts={Object.values(folder.comptes)}
          number={(a) => a.numero}
          ctx={ctx}
          columns={accountColumns(['numéro', 'libellé', 'collectif'], 'closed')}
          row={(a) => ({ number: a.numero, label: a.libelle, collective: a.collectif, open: !a.ferme })}
        />

        <h2>Third parties</h2>
        <ThirdPartiesTable
          items={Object.values(folder.tiers)}
          row={(t) => ({
            code: t.code,
            name: t.raisonSociale ?? t.nomUsuel ?? [t.prenom, t.nom].filter(Boolean).join(' '),
            type: ({ 0: 'client', 1: 'fournisseur', 2: 'salarié', 4: 'divers' } as const)[t.type],
            collective: t.compteContrepartie,
          })}
        />
      </div>
    );
    return { title: `Cegid Loop · ${firm.domain} · folder ${folder.code} (${folder.name})`, summary, details };
  },
};

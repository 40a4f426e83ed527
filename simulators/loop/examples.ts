import { LOOP_API } from '../../contracts/loop/wire.js';
import type { OperationExamples } from '../kit/examples.js';
import type { LoopState } from './state/schema.js';

/**
 * `/openapi.json`'s example request per operation, for the first firm of the state and the first
 * folder its first key may publish to (the demo's: CAB60599, DEMO01). The import is the demo
 * folder's: journal AC, accounts 606400/445660/401000 and supplier FBUROTIC, in its open 2026.
 */
export function loopExamples(state: LoopState): OperationExamples {
  const firm = Object.values(state.tenants)[0];
  const key = firm && Object.values(firm.apiKeys)[0];
  const folder = (key && Object.keys(key.folders)[0]) ?? 'DEMO01';
  const read = { query: { codeDossier: folder, take: '10' } };
  const reads = ['compte', 'journal', 'tiersClient', 'tiersFournisseur', 'tiersSalarie', 'tiersDivers', 'section'];
  return {
    [`GET ${LOOP_API}/dossiers`]: {
      links: {
        chartOfAccounts: {
          to: `GET ${LOOP_API}/compte`,
          parameters: { codeDossier: '$response.body#/data/0/codeDossier' },
          description: "The first folder's chart of accounts",
        },
        journals: {
          to: `GET ${LOOP_API}/journal`,
          parameters: { codeDossier: '$response.body#/data/0/codeDossier' },
          description: "The first folder's journals",
        },
      },
    },
    ...Object.fromEntries(reads.map((resource) => [`GET ${LOOP_API}/${resource}`, read])),
    // Loop asks for a filter on codeLettrage or ecritureOrigine here: the entries typed in Loop.
    [`GET ${LOOP_API}/EcritureComptable`]: { query: { ...read.query, filter: 'ecritureOrigine == "SAISIE"' } },
    [`POST ${LOOP_API}/importJson`]: {
      body: {
        codeIbs: folder,
        data: {
          contexte: { from: '2026-01-01', to: '2026-12-31' },
          options: { multiPeriode: false },
          ecritures: [
            {
              journalCode: 'AC',
              datePiece: '2026-03-10',
              refPiece: 'FA-2026-001',
              libelle: 'Fournitures bureau mars',
              lignes: [
                { compteNumero: '606400', libelle: 'Papier', debit: 100, credit: 0 },
                { compteNumero: '445660', debit: 20, credit: 0 },
                { compteNumero: '401000', compteAuxiliaire: 'FBUROTIC', debit: 0, credit: 120 },
              ],
            },
          ],
        },
      },
      links: {
        status: {
          to: `GET ${LOOP_API}/getstatus`,
          parameters: { accountingImportRequestId: '$response.body#/accountingImportRequestId' },
          description:
            "The import's status (EnAttente until Loop's import service takes it, then Termine with each entry's fate)",
        },
        entries: {
          to: `GET ${LOOP_API}/EcritureComptable`,
          parameters: { codeDossier: '$request.body#/codeIbs' },
          description: "The folder's entries, the imported ones among them once processed",
        },
      },
    },
  };
}

import { encodeQuadraFile, entryLine } from '../../contracts/quadra/ascii.js';
import { CFE_API, QUADRA_OD_API } from '../../contracts/quadra/wire.js';
import type { OperationExamples } from '../kit/examples.js';
import { containerNameOf } from './domain/container.js';
import type { QuadraState } from './state/schema.js';

const CFE_BLOB = '/CFE/blob';
/** The GUID a validated vendor gets from Cegid: an example one. */
const VENDOR_NAME = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

/**
 * A balanced two-line entry that the dossier imports when it is opened: dated on its open period's
 * first day, on an open journal, between two accounts of its chart (a file the simulator would
 * reject is no example of an upload).
 */
function exampleFile(dossier: QuadraState['tenants'][string]['dossiers'][string] | undefined): string {
  const period = dossier && Object.values(dossier.periods).find((p) => p.status === 'open');
  const journal = dossier && Object.values(dossier.journals).find((j) => j.status === 'open');
  const [debit, credit] = dossier ? Object.keys(dossier.accounts) : [];
  const date = period?.start ?? '2026-01-15';
  const line = (account: string, direction: 'D' | 'C') =>
    entryLine({ account, journal: journal?.code ?? 'AC', date, label: 'Example entry', direction, amountCents: 12000 });
  const encoded = encodeQuadraFile([line(debit ?? '60640000', 'D'), line(credit ?? '40100000', 'C')]);
  return encoded.ok ? encoded.text : '';
}

/**
 * `/openapi.json`'s example request per operation, for the first firm of the state and its first
 * dossier (the demo's: 100001, SAIN). The token forms carry that firm's keys (demo credentials,
 * printed at start-up); the CPA and CFE methods take the token the token operation answers, the
 * blob operations the SAS that `getsastoken` answers (`sasToken` is the query string to append).
 */
export function quadraExamples(state: QuadraState): OperationExamples {
  const firm = Object.values(state.tenants)[0];
  const dossier = (firm && Object.keys(firm.dossiers)[0]) ?? 'SAIN';
  const chosen = firm?.dossiers[dossier];
  const container = firm && chosen ? containerNameOf(firm, chosen) : '100001-sain';
  const withToken = (to: string, description: string) => ({
    to,
    description: `${description} (Authorization: Bearer <access_token>)`,
  });
  const byDossier = { query: { dossier } };
  // The SAS query (sv, sr, sp, se, sig) is `getsastoken`'s `sasToken`, appended as it is: no example.
  const sas = {};
  return {
    [`POST ${QUADRA_OD_API}/token`]: {
      body: {
        grant_type: 'client_credentials',
        client_id: firm?.cpa.key ?? '',
        client_secret: firm?.cpa.secret ?? '',
        vendor_name: VENDOR_NAME,
        application_name: 'Example connector',
        application_version: '1.0.0',
      },
      links: {
        dossiers: withToken(`POST ${QUADRA_OD_API}/GetDossiers`, "The firm's dossiers"),
      },
    },
    [`POST ${QUADRA_OD_API}/GetDossiers`]: {
      links: {
        fiscalYears: {
          to: `POST ${QUADRA_OD_API}/GetExercices`,
          parameters: { dossier: '$response.body#/Dossiers/0/CodeDossier' },
          description: "The first dossier's fiscal years",
        },
        accounts: {
          to: `POST ${QUADRA_OD_API}/GetComptes`,
          parameters: { dossier: '$response.body#/Dossiers/0/CodeDossier' },
          description: "The first dossier's chart of accounts",
        },
      },
    },
    [`POST ${QUADRA_OD_API}/GetExercices`]: byDossier,
    [`POST ${QUADRA_OD_API}/GetComptes`]: byDossier,
    [`POST ${QUADRA_OD_API}/GetJournaux`]: byDossier,
    [`POST ${QUADRA_OD_API}/GetEcritures`]: byDossier,
    [`POST ${CFE_API}/token`]: {
      body: { grant_type: 'client_credentials', client_id: firm?.cfe.key ?? '', client_secret: firm?.cfe.secret ?? '' },
      links: { sas: withToken(`GET ${CFE_API}/V1/getsastoken/{dossier}`, "A SAS for a dossier's container") },
    },
    [`GET ${CFE_API}/V1/getsastoken/{dossier}`]: {
      params: { dossier },
      links: {
        upload: {
          to: `PUT ${CFE_BLOB}/{container}/input/{fileName}`,
          parameters: { container: '$response.body#/containerName' },
          description: 'Uploads a file into the input folder (append `sasToken` as the query string)',
        },
        list: {
          to: `GET ${CFE_BLOB}/{container}`,
          parameters: { container: '$response.body#/containerName' },
          description: 'Lists the container (append `sasToken` as the query string)',
        },
      },
    },
    [`PUT ${CFE_BLOB}/{container}/input/{fileName}`]: {
      params: { container: container, fileName: 'ECRITURES.TXT' },
      query: sas,
      headers: { 'x-ms-blob-type': 'BlockBlob' },
      body: exampleFile(chosen),
      links: {
        readBack: {
          to: `GET ${CFE_BLOB}/{container}/input/{fileName}`,
          parameters: { container: '$request.path.container', fileName: '$request.path.fileName' },
          description: 'Reads the file back until the dossier is opened (then it moves to archive/)',
        },
      },
    },
    [`GET ${CFE_BLOB}/{container}/input/{fileName}`]: {
      params: { container: container, fileName: 'ECRITURES.TXT' },
      query: sas,
    },
    [`GET ${CFE_BLOB}/{container}`]: {
      params: { container: container },
      query: { ...sas, restype: 'container', comp: 'list', prefix: 'archive/' },
    },
    [`GET ${CFE_BLOB}/{container}/archive/{status}/{fileName}`]: {
      params: { container: container, status: 'imported', fileName: 'ECRITURES.TXT' },
      query: sas,
    },
  };
}

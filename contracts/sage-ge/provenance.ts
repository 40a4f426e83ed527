import { confirmed, inferred, own, type VendorProvenance } from '../provenance.js';

/**
 * Where Sage GE's wire facts come from. GE's API is not public (vendor-facts.md §4: endpoints,
 * payloads, auth and error codes unknown): every route and field is the simulator's own choice;
 * what is confirmed is behaviour, limits and messages from the help articles (seeds 000, 002).
 */
const ROUTE = own('GE API not public (vendor-facts §4)');
const API = '/api/v1/files';
const Q47603377461521 = 'Qonto help 47603377461521 (seed 002), vendor-facts §4';

export const sageGeProvenance: VendorProvenance = {
  vendor: 'sage-ge',
  defaults: { field: own('GE payloads not public'), wireCode: own('GE error codes not public') },
  facts: {
    [`GET ${API}`]: {
      kind: 'route',
      what: "the entity's files, the connector's state and the configuration check",
      provenance: ROUTE,
    },
    [`GET ${API}/{fileId}/fiscal-years`]: {
      kind: 'route',
      what: 'the fiscal years as the Marketplace last synchronized them',
      provenance: ROUTE,
    },
    [`GET ${API}/{fileId}/accounts`]: {
      kind: 'route',
      what: 'the chart of accounts of the current fiscal year',
      provenance: ROUTE,
    },
    [`GET ${API}/{fileId}/subsidiary-accounts`]: {
      kind: 'route',
      what: 'subsidiary (auxiliary) accounts',
      provenance: ROUTE,
    },
    [`GET ${API}/{fileId}/journals`]: { kind: 'route', what: 'journals', provenance: ROUTE },
    [`GET ${API}/{fileId}/third-parties`]: { kind: 'route', what: 'third parties', provenance: ROUTE },
    [`PUT ${API}/{fileId}/third-parties`]: {
      kind: 'route',
      what: 'create or update third parties and their subsidiary accounts',
      provenance: ROUTE,
    },
    [`POST ${API}/{fileId}/entries`]: {
      kind: 'route',
      what: 'push an entry into the Sage cloud queue',
      provenance: ROUTE,
    },
    [`GET ${API}/{fileId}/entries`]: { kind: 'route', what: 'entries, newest first', provenance: ROUTE },
    [`GET ${API}/{fileId}/entries/{entryId}`]: {
      kind: 'route',
      what: "one entry's fate: queued, injected or rejected",
      provenance: ROUTE,
    },

    'header Authorization': {
      kind: 'header',
      what: 'Bearer <GE identifier>: the credential the hub asks for',
      provenance: own('GE auth flow not public; the identifier is what the wizard asks for'),
    },
    'header Idempotency-Key': {
      kind: 'header',
      what: 'a retried push answers the first answer (200)',
      provenance: own(),
    },
    'shape error body': {
      kind: 'shape',
      what: '[{ $severity, $dataCode, $message, $source? }]',
      provenance: own('in the style of other Sage APIs; GE error body not public'),
    },
    'type amounts': { kind: 'type', what: 'euros, at most two decimals; dates YYYY-MM-DD', provenance: own() },
    'limit bank label': {
      kind: 'limit',
      what: 'bank entry labels 30 characters, the full label in the comment',
      provenance: confirmed(Q47603377461521),
    },
    'limit bank attachments': {
      kind: 'limit',
      what: 'one attachment per bank entry',
      provenance: confirmed(Q47603377461521),
    },
    'message PCG account label': {
      kind: 'message',
      what: 'auto-created PCG accounts: "610123456 - Compte 610123456"',
      provenance: confirmed(Q47603377461521),
    },
    'limit fiscal years': {
      kind: 'limit',
      what: 'one open year covers today; at most two open, consecutive, not overlapping',
      provenance: confirmed('Qonto help 44935801021201 (seed 000)'),
    },
    'limit collectives and journals': {
      kind: 'limit',
      what: 'collectives 401000 and 411000; journals VE, AC, CA, BQ',
      provenance: confirmed('Sage GE help "SCF 003 Importation des écritures", vendor-facts §4'),
    },
    'limit reference data pulled': {
      kind: 'limit',
      what: 'on file creation: chart of the current fiscal year, auxiliary codes, journal codes',
      provenance: confirmed(Q47603377461521),
    },
    'limit document number': {
      kind: 'limit',
      what: 'with an attachment the GE document number is the invoice number',
      provenance: confirmed(Q47603377461521),
    },
    'limit auto-numbering': {
      kind: 'limit',
      what: 'per journal, <journal code><6-digit sequence>, at injection',
      provenance: inferred('seed 002 names automatic numbering; the format is own choice'),
    },
  },
};

import { confirmed, inferred, own, type VendorProvenance } from '../provenance.js';

/**
 * Where Loop's wire facts come from: developers.cegid.com's Loop pages (vendor-facts §3) for the
 * routes, headers, query parameters and record fields; Qonto's help (seed 004) for the limits.
 */
const API = '/loop-api-publiques';
const page = (name: string) => confirmed(`developers.cegid.com Loop ${name}, vendor-facts §3.2`);
const QUERY = confirmed(
  'developers.cegid.com Loop Compte.html / Journal.html / agence.html: codeDossier, filter, sort, skip, take, select (vendor-facts §3.2)',
);
const BARE_ARRAY = own(
  'the section example is a bare array, the groupe example { data } (vendor-facts §3.2): one chosen',
);

export const loopProvenance: VendorProvenance = {
  vendor: 'loop',
  defaults: { field: own(), wireCode: own('Loop error codes not public') },
  facts: {
    [`GET ${API}/dossiers`]: {
      kind: 'route',
      what: 'the folders associated with the calling key',
      provenance: own('the collaborative-offer "dossiers for a key" route is not public (vendor-facts §3.2)'),
    },
    [`GET ${API}/compte`]: { kind: 'route', what: 'the general chart of accounts', provenance: page('Compte.html') },
    [`GET ${API}/journal`]: { kind: 'route', what: 'journals', provenance: page('Journal.html') },
    [`GET ${API}/tiersClient`]: { kind: 'route', what: 'customer third parties', provenance: page('tiersClient.html') },
    [`GET ${API}/tiersFournisseur`]: {
      kind: 'route',
      what: 'supplier third parties',
      provenance: inferred('by analogy with tiersClient / tiersSalarie / tiersDivers (vendor-facts §3.2)'),
    },
    [`GET ${API}/tiersSalarie`]: {
      kind: 'route',
      what: 'employee third parties',
      provenance: page('tiersSalarie.html'),
    },
    [`GET ${API}/tiersDivers`]: {
      kind: 'route',
      what: 'miscellaneous third parties',
      provenance: page('tiersDivers.html'),
    },
    [`GET ${API}/section`]: { kind: 'route', what: 'analytic sections', provenance: page('Section.html') },
    [`GET ${API}/EcritureComptable`]: {
      kind: 'route',
      what: 'entries (at most 100, a filter on codeLettrage or ecritureOrigine mandatory)',
      provenance: page('EcritureComptable.html'),
    },
    [`POST ${API}/importJson`]: {
      kind: 'route',
      what: 'an asynchronous JSON import',
      provenance: confirmed('developers.cegid.com Loop EcritureComptableImportJson.html, vendor-facts §3.3'),
    },
    [`GET ${API}/getstatus`]: {
      kind: 'route',
      what: "an import's status",
      provenance: own('status route and values not public; "getstatus" from the docs\' wording (vendor-facts §3.3)'),
    },

    '* query': { kind: 'field', provenance: QUERY },
    [`GET ${API}/getstatus query`]: {
      kind: 'field',
      provenance: inferred('accountingImportRequestId, the name the import answers with (vendor-facts §3.3)'),
    },
    '* response.body': { kind: 'field', provenance: BARE_ARRAY },
    [`GET ${API}/compte response.body[]`]: { kind: 'field', provenance: page('Compte.html') },
    [`GET ${API}/journal response.body[]`]: { kind: 'field', provenance: page('Journal.html') },
    // A confirmed field is confirmed in name and type: where the simulator's type is not the
    // page's (issue 16), the type is its own until it follows the page; then these entries go.
    [`GET ${API}/compte response.body[].type`]: {
      kind: 'field',
      provenance: own('Compte.html shows a string ("1" to "7"), the simulator a number (issue 16)'),
    },
    [`GET ${API}/compte response.body[].revisionId`]: {
      kind: 'field',
      provenance: own('Compte.html shows a uuid, the simulator "1" (issue 16)'),
    },
    [`GET ${API}/compte response.body[].compteBanque`]: {
      kind: 'field',
      provenance: own('Compte.html shows a string, the simulator a boolean (issue 16)'),
    },
    [`GET ${API}/journal response.body[].compteContrepartie`]: {
      kind: 'field',
      provenance: own('Journal.html shows an object, the simulator a string (issue 16)'),
    },
    [`GET ${API}/tiersClient response.body[]`]: { kind: 'field', provenance: page('tiersClient.html') },
    [`GET ${API}/tiersFournisseur response.body[]`]: {
      kind: 'field',
      provenance: inferred('the fields of tiersClient, type 1 (vendor-facts §3.2)'),
    },
    [`GET ${API}/tiersSalarie response.body[]`]: { kind: 'field', provenance: page('tiersSalarie.html') },
    [`GET ${API}/tiersDivers response.body[]`]: { kind: 'field', provenance: page('tiersDivers.html') },
    [`GET ${API}/section response.body[]`]: { kind: 'field', provenance: page('Section.html') },
    [`GET ${API}/EcritureComptable response.body[]`]: {
      kind: 'field',
      provenance: own(
        'the row is not public beyond its filter fields (journalCode, refPiece, datePiece, compteNumero, codeLettrage, ecritureOrigine)',
      ),
    },
    [`GET ${API}/dossiers response.body`]: { kind: 'field', provenance: own() },
    [`POST ${API}/importJson request.body`]: {
      kind: 'field',
      provenance: confirmed(
        'EcritureComptableImportJson.html: { codeIbs, data: { contexte: { from, to }, options, ecritures } } (vendor-facts §3.3)',
      ),
    },
    [`POST ${API}/importJson request.body.data.ecritures`]: {
      kind: 'field',
      provenance: own("one ecritures item is not public (page cut off); named after Loop's read models"),
    },
    [`POST ${API}/importJson request.body.data.tiers`]: {
      kind: 'field',
      provenance: own('that an import carries tiers is confirmed; the fields are named after the Tiers read model'),
    },
    [`POST ${API}/importJson response.body`]: {
      kind: 'field',
      provenance: confirmed(
        'EcritureComptableImportFec.html / ImportPerso.html: { accountingImportRequestId } (vendor-facts §3.3)',
      ),
    },
    [`GET ${API}/getstatus response.body`]: { kind: 'field', provenance: own('status values not public') },

    'header Ocp-Apim-Subscription-Key': {
      kind: 'header',
      what: 'the Azure APIM subscription key, on every call',
      provenance: confirmed('developers.cegid.com GetStart.html, agence.html, Compte.html (vendor-facts §3.1)'),
    },
    'header x-apikey': {
      kind: 'header',
      what: '<key>:<client secret>, on every call',
      provenance: confirmed('developers.cegid.com GetStart.html, agence.html, Compte.html (vendor-facts §3.1)'),
    },
    'header x-domain': {
      kind: 'header',
      what: "the firm's Loop domain",
      provenance: own('the docs name two headers; how the domain travels is not public'),
    },
    'header Content-Type application-json': {
      kind: 'header',
      what: 'application-json (sic) accepted',
      provenance: confirmed('agence.html, importFEC page (vendor-facts §3.1)'),
    },
    'limit EcritureComptable rows': {
      kind: 'limit',
      what: 'at most 100 rows; a filter on codeLettrage or ecritureOrigine mandatory',
      provenance: page('EcritureComptable.html'),
    },
    'limit description': {
      kind: 'limit',
      what: '35 characters',
      provenance: confirmed('Qonto help (seed 004), vendor-facts §3.4'),
    },
    'limit auxiliary code': {
      kind: 'limit',
      what: '17 characters',
      provenance: confirmed('Qonto help (seed 004), vendor-facts §3.4'),
    },
    'type filter grammar': {
      kind: 'type',
      what: '==, ===, !=, && (e.g. codeJournal != null)',
      provenance: confirmed('Compte.html / Journal.html / agence.html (vendor-facts §3.2)'),
    },
    'type sort': {
      kind: 'type',
      what: 'field1&&field2:desc',
      provenance: confirmed('Compte.html / Journal.html (vendor-facts §3.2)'),
    },
    'message codeIbs missing': {
      kind: 'message',
      what: "Le codeIbs n'est pas spécifié.",
      provenance: confirmed('EcritureComptableImportPerso.html (vendor-facts §3.3), reused for importJson'),
    },
    // The catalogue's LOOP-FOLDER-UNKNOWN: its wording is Loop's, quoted by the API documentation.
    'message LOOP-FOLDER-UNKNOWN': {
      kind: 'message',
      what: "Le dossier {codeIBS} n'existe pas sur le domaine.",
      provenance: confirmed('EcritureComptableImportPerso.html (vendor-facts §3.3)'),
    },
    'shape error body': {
      kind: 'shape',
      what: '{ statusCode, code, message, errors?: [{ champ, message }] }',
      provenance: inferred('statusCode/message as Azure APIM answers; code and errors own choice'),
    },
  },
};

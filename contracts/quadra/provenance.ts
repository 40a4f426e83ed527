import { confirmed, inferred, own, type VendorProvenance } from '../provenance.js';

/**
 * Where Quadra's wire facts come from: the Quadra On Demand Open API page for the token and the
 * method call (vendor-facts §2.3), Cegid RFE for the CFE pattern (§2.2, inferred for CFE), the
 * public exporters and KB0014530 for the ASCII format (§1), Qonto's help (seed 003) for limits.
 */
const OD_PAGE = 'quadraondemand.com/QuadraODOpenApi doc page, vendor-facts §2.3';
const RFE = 'Cegid RFE swagger and acseo/cegid-rfe-connect, vendor-facts §2.2';
const OD = '/QuadraODOpenApi';
const METHOD_NAME = own('method names not public (page cut off, vendor-facts §2.3)');
const FIELDS_FROM_TABLES = inferred("Quadra's Access tables (nrollet/quadratools, vendor-facts §1.5)");
const BLOB = own('CFE path layout not public; Azure Put/Get Blob semantics');

export const quadraProvenance: VendorProvenance = {
  vendor: 'quadra',
  defaults: { field: own(), wireCode: own('CFE/CPA error catalogue not public (vendor-facts §8)') },
  facts: {
    [`POST ${OD}/token`]: {
      kind: 'route',
      what: 'an OAuth access token (client credentials)',
      provenance: confirmed(OD_PAGE),
    },
    [`POST ${OD}/token request.body`]: {
      kind: 'field',
      provenance: confirmed(
        `${OD_PAGE}: grant_type, client_id, client_secret, vendor_name, application_name, application_version`,
      ),
    },
    [`POST ${OD}/token request.body.client_id`]: {
      kind: 'field',
      what: 'the CPA API key',
      provenance: own('the page speaks of a SIC code / key pair'),
    },
    [`POST ${OD}/token request.body.scope`]: {
      kind: 'field',
      what: 'refused (invalid_scope)',
      provenance: own('the page defines no scope; RFC 6749 §5.2 names the refusal'),
    },
    [`POST ${OD}/token response.body`]: {
      kind: 'field',
      provenance: inferred('OAuth 2.0 token answer (RFC 6749 §5.1); the page gives the 10-hour lifetime'),
    },
    [`POST ${OD}/GetDossiers`]: { kind: 'route', what: "the firm's dossiers", provenance: METHOD_NAME },
    [`POST ${OD}/GetExercices`]: { kind: 'route', what: 'accounting periods', provenance: METHOD_NAME },
    [`POST ${OD}/GetComptes`]: { kind: 'route', what: 'the chart of accounts', provenance: METHOD_NAME },
    [`POST ${OD}/GetJournaux`]: { kind: 'route', what: 'journals', provenance: METHOD_NAME },
    [`POST ${OD}/GetEcritures`]: {
      kind: 'route',
      what: 'entry lines visible in Quadra (the read-back)',
      provenance: METHOD_NAME,
    },
    '* response.body': { kind: 'field', provenance: own() },
    [`POST ${OD}/GetDossiers response.body`]: { kind: 'field', provenance: FIELDS_FROM_TABLES },
    [`POST ${OD}/GetComptes response.body`]: { kind: 'field', provenance: FIELDS_FROM_TABLES },
    [`POST ${OD}/GetJournaux response.body`]: { kind: 'field', provenance: FIELDS_FROM_TABLES },
    [`POST ${OD}/GetEcritures response.body`]: { kind: 'field', provenance: FIELDS_FROM_TABLES },
    'POST /CFE/token': {
      kind: 'route',
      what: 'a CFE token from the CFE key and secret',
      provenance: own('CFE auth grant not public (vendor-facts §2.2)'),
    },
    'GET /CFE/V1/getsastoken/{dossier}': {
      kind: 'route',
      what: "a SAS for the dossier's container",
      provenance: inferred(`${RFE}: .../RFE/V1/getsastoken/{container}`),
    },
    'GET /CFE/V1/getsastoken/{dossier} query': {
      kind: 'field',
      provenance: inferred(`${RFE}: Minutes-To-Live, AccessMode`),
    },
    'GET /CFE/V1/getsastoken/{dossier} response.body': {
      kind: 'field',
      provenance: confirmed(`${RFE} (for RFE): blobServiceUri, containerName, sasToken`),
    },
    'PUT /CFE/blob/{container}/input/{fileName}': {
      kind: 'route',
      what: 'upload an ASCII file into the input folder',
      provenance: BLOB,
    },
    'GET /CFE/blob/{container}/input/{fileName}': {
      kind: 'route',
      what: 'read an uploaded file back',
      provenance: BLOB,
    },
    'GET /CFE/blob/{container}': {
      kind: 'route',
      what: "list the container's files (JSON; Azure answers XML)",
      provenance: BLOB,
    },
    'GET /CFE/blob/{container}/archive/{status}/{fileName}': {
      kind: 'route',
      what: 'a file once imported or rejected (archive/rejected from RFE)',
      provenance: inferred(`${RFE}: rejected files moved to archive/rejected`),
    },
    '* query.sig': { kind: 'field', provenance: confirmed('Azure Storage SAS (sv, sr, sp, se, sig)') },
    '* query.sv': { kind: 'field', provenance: confirmed('Azure Storage SAS (sv, sr, sp, se, sig)') },
    '* query.sr': { kind: 'field', provenance: confirmed('Azure Storage SAS (sv, sr, sp, se, sig)') },
    '* query.sp': { kind: 'field', provenance: confirmed('Azure Storage SAS (sv, sr, sp, se, sig)') },
    '* query.se': { kind: 'field', provenance: confirmed('Azure Storage SAS (sv, sr, sp, se, sig)') },
    '* header.x-ms-blob-type': { kind: 'header', provenance: confirmed('Azure Storage Put Blob') },

    'header Authorization': { kind: 'header', what: 'Bearer <token> on every method', provenance: confirmed(OD_PAGE) },
    'limit token lifetime': { kind: 'limit', what: '10 hours (expires_in 36000)', provenance: confirmed(OD_PAGE) },
    'shape error body': {
      kind: 'shape',
      what: '{ error, error_description, issues? } (OAuth 2.0 style)',
      provenance: own('error catalogue not public'),
    },
    'shape ASCII M record': {
      kind: 'shape',
      what: 'positions 1-193 of the M record',
      provenance: confirmed(
        'KB0014530 and five public exporters (Dolibarr, excel-to-quadra, Odoo DEN-RAN, caerp, iDocus), vendor-facts §1.2',
      ),
    },
    'type ASCII encoding': {
      kind: 'type',
      what: 'single-byte windows-1252',
      provenance: confirmed('excel-to-quadra README, caerp writer, Dolibarr, vendor-facts §1.1'),
    },
    'limit account number': {
      kind: 'limit',
      what: '8 characters',
      provenance: confirmed('Qonto help (seed 003), vendor-facts §2.1'),
    },
    'limit account labels': {
      kind: 'limit',
      what: 'no account labels: unknown accounts created without label',
      provenance: confirmed('Qonto help (seed 003), vendor-facts §1.3'),
    },
    'limit read-back': {
      kind: 'limit',
      what: '12 hours after sending, retried 3 consecutive nights',
      provenance: confirmed('Qonto help 47619828691345 (seed 003)'),
    },
    'shape rejection report': {
      kind: 'shape',
      what: 'archive/rejected/<file>.report.json',
      provenance: own('how Quadra reports a rejected file is not public (vendor-facts §8)'),
    },
  },
};

type Json = Record<string, any>;

/**
 * The response header naming the tenant a vendor request was about (the tenant its credentials
 * named): the simulator's own, not the vendor's. It is what the links below take the admin
 * plane's `tenantId` from, since a bearer token or an API key does not say it.
 */
export const TENANT_HEADER = 'X-Ledgersim-Tenant';

/** Where the admin plane's document is, from the vendor document's own URL (`/openapi.json`). */
export const ADMIN_DOCUMENT = '/__admin/openapi.json';

/** A reference to an operation of the admin document: its path as a JSON pointer, `{`/`}` escaped for a URI fragment. */
export function adminOperationRef(path: string, method: string): string {
  const pointer = path.replace(/~/g, '~0').replace(/\//g, '~1');
  return `${ADMIN_DOCUMENT}#/paths/${encodeURIComponent(pointer).replace(/%7E/gi, '~')}/${method}`;
}

const FROM_HEADER = `$response.header.${TENANT_HEADER}`;

/**
 * What a stateful tester looks at after a vendor call, on the admin plane: the tenant's whole
 * state (did the push land, as what), its clock (what "now" the vendor judged by) and its
 * requests in the journal.
 */
const ADMIN_LINKS: Json = {
  adminTenantState: {
    operationRef: adminOperationRef('/tenants/{tenantId}', 'get'),
    parameters: { tenantId: FROM_HEADER },
    description: "The tenant's whole state on ledgersim's admin plane, as this call left it",
  },
  adminTenantClock: {
    operationRef: adminOperationRef('/tenants/{tenantId}/clock', 'get'),
    parameters: { tenantId: FROM_HEADER },
    description: "The tenant's time on ledgersim's admin plane: what this call was judged by",
  },
  adminTenantRequests: {
    operationRef: adminOperationRef('/requests', 'get'),
    parameters: { tenantId: FROM_HEADER },
    description: "The tenant's requests in ledgersim's journal, this one included",
  },
};

/**
 * Adds, to every success answer of the vendor operations, the tenant header and the links to the
 * admin plane's reads of that tenant. Every vendor operation authenticates its tenant before it
 * answers a success, so each success names one (`admin-links.test.ts` checks it, operation by
 * operation, on the example requests).
 */
export function applyAdminLinks(document: Json): Json {
  for (const methods of Object.values<Json>(document.paths ?? {}))
    for (const [method, op] of Object.entries<Json>(methods)) {
      if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
      for (const [status, response] of Object.entries<Json>(op.responses ?? {})) {
        if (!/^2/.test(status)) continue;
        response.headers = {
          ...response.headers,
          [TENANT_HEADER]: {
            description: 'The tenant the credentials named (ledgersim, not the vendor)',
            schema: { type: 'string' },
          },
        };
        response.links = { ...response.links, ...ADMIN_LINKS };
      }
    }
  return document;
}

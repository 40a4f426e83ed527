/**
 * An example request per operation, keyed `METHOD /path` as in the document (`POST /api/v1/files/{fileId}/entries`):
 * the body and the path parameters that the simulator's demo state (`ledgersim start`'s default seed)
 * accepts. Credentials are left out: they are the tenant's, printed at start-up.
 */
export type OperationExamples = Record<
  string,
  { body?: unknown; params?: Record<string, string>; query?: Record<string, string>; headers?: Record<string, string> }
>;

type Json = Record<string, any>;

/** Writes the examples into an OpenAPI document (a copy): `requestBody.content[json].example`, and each parameter's `example`. */
export function applyExamples(document: Json, examples: OperationExamples): Json {
  const doc = structuredClone(document);
  for (const [key, example] of Object.entries(examples)) {
    const [method, path] = key.split(' ') as [string, string];
    const op = doc.paths?.[path]?.[method.toLowerCase()];
    // An example for an operation the document lacks is a stale example: fail loudly, not silently.
    if (!op) throw new Error(`No operation ${key} in the document for its example`);
    if (example.body !== undefined) {
      const content = op.requestBody?.content?.['application/json'];
      if (!content) throw new Error(`${key} takes no JSON body`);
      content.example = example.body;
    }
    const values: Record<string, Record<string, string> | undefined> = {
      path: example.params,
      query: example.query,
      header: example.headers,
    };
    for (const parameter of op.parameters ?? []) {
      const value = values[parameter.in]?.[parameter.name];
      if (value !== undefined) parameter.example = value;
    }
  }
  return doc;
}

/**
 * An example request per operation, keyed `METHOD /path` as in the document (`POST /api/v1/files/{fileId}/entries`):
 * the body and the parameters that the simulator's current state accepts (the document is built
 * per request, from the first tenant of the state: a server seeded otherwise gets its own). Bearer
 * credentials are left out: they are the tenant's, printed at start-up, or the answer of a token
 * operation that a `link` points from.
 *
 * `links` are OpenAPI links from this operation's success answer to the operations a stateful
 * tester calls next (create → read), their parameters runtime expressions
 * (`$response.body#/id`, `$request.path.fileId`) or constants.
 */
export interface OperationExample {
  /** A JSON body, a form (an object, sent url-encoded) or raw text, as the operation takes. */
  body?: unknown;
  params?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  links?: Record<string, OperationLink>;
}

export interface OperationLink {
  /** The operation called next, `METHOD /path` as in the document. */
  to: string;
  parameters?: Record<string, string>;
  description: string;
}

export type OperationExamples = Record<string, OperationExample>;

type Json = Record<string, any>;

/** `#/paths/<path>/<method>`: a JSON pointer to an operation (the documents have no operationIds). */
export function operationRef(key: string): string {
  const [method, path] = key.split(' ') as [string, string];
  return `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}`;
}

/**
 * Writes the examples into an OpenAPI document (a copy): the request body's `example` (JSON, form
 * or raw, whichever the operation takes), each parameter's `example`, and the links on the first
 * success answer.
 */
export function applyExamples(document: Json, examples: OperationExamples): Json {
  const doc = structuredClone(document);
  const find = (key: string) => {
    const [method, path] = key.split(' ') as [string, string];
    return doc.paths?.[path]?.[method.toLowerCase()];
  };
  for (const [key, example] of Object.entries(examples)) {
    const op = find(key);
    // An example for an operation the document lacks is a stale example: fail loudly, not silently.
    if (!op) throw new Error(`No operation ${key} in the document for its example`);
    if (example.body !== undefined) {
      const content = op.requestBody?.content ?? {};
      const type = Object.keys(content)[0];
      if (!type) throw new Error(`${key} takes no body`);
      content[type].example = example.body;
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
    if (example.links) {
      const success = Object.keys(op.responses ?? {}).find((status) => /^2/.test(status));
      if (!success) throw new Error(`${key} has no success answer to link from`);
      const links: Json = (op.responses[success].links ??= {});
      for (const [name, link] of Object.entries(example.links)) {
        if (!find(link.to)) throw new Error(`${key}: link ${name} points to no operation ${link.to}`);
        links[name] = {
          operationRef: operationRef(link.to),
          ...(link.parameters ? { parameters: link.parameters } : {}),
          description: link.description,
        };
      }
    }
  }
  return doc;
}

/**
 * @hono/node-server answers with a light Response: until something asks for more, it keeps
 * `[status, body, headers]` in a slot of its own (a symbol named `cache`) and writes them to the
 * socket as they are, a plain object of headers straight into Node's `writeHead`. Reading
 * `headers` on it builds a full `Headers` (sorted when written), and the answer then takes the
 * slower path. The kit reads and extends that slot where it can, and falls back to the standard
 * API on any other Response (in-process, `app.request`).
 */
type LightCache = [status: number, body: unknown, headers: unknown];

let cacheSlot: symbol | undefined;

/** The light Response's slot, if `res` is one and nothing has materialized it yet. */
export function lightCache(res: Response): LightCache | undefined {
  cacheSlot ??= Object.getOwnPropertySymbols(res).find((s) => s.description === 'cache');
  const slot = cacheSlot ? (res as unknown as Record<symbol, unknown>)[cacheSlot] : undefined;
  return Array.isArray(slot) ? (slot as LightCache) : undefined;
}

const isPlainHeaders = (headers: unknown): headers is Record<string, string> =>
  typeof headers === 'object' && headers !== null && Object.getPrototypeOf(headers) === Object.prototype;

/**
 * Sets one header of an answer: into the light Response's own headers when they are still a plain
 * object (one small object more, where `res.headers.set` built and sorted a full `Headers`),
 * through `res.headers` otherwise. Same result on the wire: one header of that name, this value.
 */
export function setAnswerHeader(res: Response, name: string, value: string): void {
  const cache = lightCache(res);
  const headers = cache?.[2];
  if (cache && isPlainHeaders(headers)) {
    const lower = name.toLowerCase();
    const copy: Record<string, string> = {};
    for (const key in headers) if (key.toLowerCase() !== lower) copy[key] = headers[key]!;
    copy[name] = value;
    cache[2] = copy;
    return;
  }
  res.headers.set(name, value);
}

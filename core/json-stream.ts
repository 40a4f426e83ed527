/**
 * JSON text of a large value, in pieces: what `JSON.stringify` returns for it, never built as one
 * string (V8 cannot hold a string past 512 MiB; a state of 1,000,000 entries is past that), and
 * produced a bounded amount per turn of the event loop so that other requests go on meanwhile.
 * The value is read as it is reached: a read that spans turns may mix before and after a write.
 */
const SMALL = 64;

type KeysOf = (value: object) => Iterable<string>;

function small(value: unknown, limit: number, keysOf: KeysOf): boolean {
  let budget = limit;
  const walk = (v: unknown): boolean => {
    if (--budget < 0) return false;
    if (v === null || typeof v !== 'object') return true;
    if (Array.isArray(v)) {
      for (const child of v) if (!walk(child)) return false;
      return true;
    }
    for (const key of keysOf(v)) if (!walk((v as Record<string, unknown>)[key])) return false;
    return true;
  };
  return walk(value);
}

/**
 * `keysOf` lists an object's keys: the store's key index, whose big objects are live sets read a
 * slice at a time (`Object.keys` of 1,000,000 keys is one step of up to a second).
 */
export function* jsonPieces(value: unknown, keysOf: KeysOf = Object.keys): Generator<string> {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    value = (value as { toJSON(): unknown }).toJSON();
  if (value === null || typeof value !== 'object' || small(value, SMALL, keysOf)) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item = value[i];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* jsonPieces(item, keysOf);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const key of keysOf(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined || typeof child === 'function' || typeof child === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonPieces(child, keysOf);
  }
  yield '}';
}

export interface JsonStreamOptions {
  /** About this many bytes per read (64 KiB). */
  chunkBytes?: number;
  /**
   * Runs each read's synchronous work: the store's read gate, so that each read sees only durable
   * state (a read that fails there, because what it saw was undone, ends the stream with an error).
   */
  around?: <T>(read: () => T) => T | Promise<T>;
  /** Lists an object's keys (the store's `keysOf`: its big objects a slice at a time). */
  keysOf?: KeysOf;
}

/** The pieces as a byte stream, about 64 KiB per read, one turn of the event loop between reads. */
export function jsonStream(value: unknown, options: JsonStreamOptions = {}): ReadableStream<Uint8Array> {
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const around = options.around ?? (<T>(read: () => T) => read());
  const pieces = jsonPieces(value, options.keysOf);
  const encoder = new TextEncoder();
  let turn = false;
  /** The next read's text, and whether it was the last. */
  const readOnce = (): { text: string; last: boolean } => {
    const parts: string[] = [];
    let size = 0;
    for (;;) {
      const next = pieces.next();
      if (next.done) return { text: parts.join(''), last: true };
      parts.push(next.value);
      size += next.value.length;
      if (size >= chunkBytes) return { text: parts.join(''), last: false };
    }
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (turn) await new Promise((resolve) => setImmediate(resolve));
      turn = true;
      const { text, last } = await around(readOnce);
      if (text.length > 0) controller.enqueue(encoder.encode(text));
      if (last) controller.close();
    },
  });
}

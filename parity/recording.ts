import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * A recording: JSON lines, a `recording` header line then one `exchange` line per request the
 * proxy forwarded, in the order the requests arrived. Secrets are already replaced by
 * placeholders (`~redacted-N~`, the same value always the same placeholder) when a line is written.
 */

/** A body as it crossed the wire: parsed JSON, form fields, UTF-8 text, or bytes in base64. */
export const BodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('json'), value: z.unknown() }).strict(),
  z.object({ kind: z.literal('form'), value: z.array(z.tuple([z.string(), z.string()])) }).strict(),
  z.object({ kind: z.literal('text'), value: z.string() }).strict(),
  z.object({ kind: z.literal('base64'), value: z.string() }).strict(),
]);
export type Body = z.infer<typeof BodySchema>;

const HeadersSchema = z.record(z.string(), z.string());

export const ExchangeSchema = z
  .object({
    type: z.literal('exchange'),
    /** Arrival order, from 1: the order the replay follows. */
    seq: z.number().int().min(1),
    /** When the request arrived (ISO instant). */
    at: z.string(),
    durationMs: z.number().min(0),
    request: z
      .object({
        method: z.string().min(1),
        path: z.string().startsWith('/'),
        /** Query parameters in their order, repeated names kept. */
        query: z.array(z.tuple([z.string(), z.string()])),
        headers: HeadersSchema,
        body: BodySchema.nullable(),
      })
      .strict(),
    /** Absent when the upstream could not be reached (then `error` says why). */
    response: z
      .object({ status: z.number().int(), headers: HeadersSchema, body: BodySchema.nullable() })
      .strict()
      .optional(),
    error: z.string().optional(),
  })
  .strict();
export type Exchange = z.infer<typeof ExchangeSchema>;

export const RecordingHeaderSchema = z
  .object({
    type: z.literal('recording'),
    version: z.literal(1),
    /** The upstream the proxy forwarded to (no credentials: a URL with user info is refused). */
    upstream: z.string(),
    /** When the proxy started (ISO instant): the recording's date. */
    recordedAt: z.string(),
    /** What the redaction covered beyond the defaults (header names, JSON paths). */
    redaction: z
      .object({ headers: z.array(z.string()), paths: z.array(z.string()), keys: z.array(z.string()) })
      .strict(),
  })
  .strict();
export type RecordingHeader = z.infer<typeof RecordingHeaderSchema>;

export interface Recording {
  header: RecordingHeader;
  exchanges: Exchange[];
}

export class RecordingFileError extends Error {
  override name = 'RecordingFileError';
}

/** Reads a recording; a line that does not parse or match its schema is named with its number. */
export function parseRecording(text: string, file = 'recording'): Recording {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new RecordingFileError(`${file}: empty, not a recording`);
  const parseLine = <T>(schema: z.ZodType<T>, index: number): T => {
    let value: unknown;
    try {
      value = JSON.parse(lines[index]!);
    } catch {
      throw new RecordingFileError(`${file}:${index + 1}: not JSON`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new RecordingFileError(`${file}:${index + 1}: ${issue.path.join('.') || '(line)'}: ${issue.message}`);
    }
    return parsed.data;
  };
  const header = parseLine(RecordingHeaderSchema, 0);
  const exchanges = lines.slice(1).map((_, i) => parseLine(ExchangeSchema, i + 1));
  exchanges.sort((a, b) => a.seq - b.seq);
  return { header, exchanges };
}

export function readRecording(file: string): Recording {
  return parseRecording(readFileSync(file, 'utf8'), file);
}

const TEXT_TYPE = /^(text\/|application\/([\w.+-]*\+)?(json|xml)\b|application\/javascript)/i;

/** How a body is kept: JSON when it is JSON, form fields for a form, text when it is UTF-8 text, else base64. */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): Body | null {
  if (bytes.length === 0) return null;
  const type = (contentType ?? '').trim();
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  // A windows-1252 file declared as text (Quadra's ASCII) must come back byte for byte: only a
  // body that is valid UTF-8 and not declared with another charset is kept as text.
  const charset = /charset=([^;]+)/i.exec(type)?.[1]?.trim().toLowerCase();
  const utf8 =
    text !== undefined &&
    (charset === undefined || charset === 'utf-8' || charset === 'utf8' || /^[\x00-\x7f]*$/.test(text));
  if (utf8 && /^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    try {
      return { kind: 'json', value: JSON.parse(text!) };
    } catch {
      return { kind: 'text', value: text! };
    }
  }
  if (utf8 && /^application\/x-www-form-urlencoded\b/i.test(type))
    return { kind: 'form', value: [...new URLSearchParams(text!)] };
  if (utf8 && (TEXT_TYPE.test(type) || type === '')) return { kind: 'text', value: text! };
  return { kind: 'base64', value: Buffer.from(bytes).toString('base64') };
}

/** The bytes to send for a recorded body (JSON re-serialized, form re-encoded). */
export function encodeBody(body: Body | null): Uint8Array | undefined {
  if (!body) return undefined;
  switch (body.kind) {
    case 'json':
      return new TextEncoder().encode(JSON.stringify(body.value));
    case 'form':
      return new TextEncoder().encode(new URLSearchParams(body.value).toString());
    case 'text':
      return new TextEncoder().encode(body.value);
    case 'base64':
      return Buffer.from(body.value, 'base64');
  }
}

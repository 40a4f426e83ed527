// The naive durable baseline: a hono route that validates the entry, appends it to a lowdb JSON
// file and awaits `db.write()` on every request, so every write rewrites the whole file.
// Usage: node --import tsx bench/servers/lowdb-naive.ts --file F [--port N]  → "LISTENING <port>".
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { JSONFilePreset } from 'lowdb/node';
import { EntryPushRequestSchema } from '../../contracts/sage-ge/wire.js';
import { argument, portArgument } from './args.js';

const file = argument('file');
if (!file) throw new Error('--file is required');
const db = await JSONFilePreset<{ entries: unknown[] }>(file, { entries: [] });

const app = new Hono();
app.post('/api/v1/files/:fileId/entries', async (c) => {
  const parsed = EntryPushRequestSchema.safeParse(await c.req.json());
  if (!parsed.success) return c.json({ error: parsed.error.issues[0]?.message }, 400);
  const id = `ENT-${String(db.data.entries.length + 1).padStart(6, '0')}`;
  const entry = {
    id,
    seq: db.data.entries.length + 1,
    status: 'queued',
    queuedAt: new Date().toISOString(),
    trackingCode: null,
    request: parsed.data,
  };
  db.data.entries.push(entry);
  await db.write();
  return c.json({ id, status: 'queued', trackingCode: null, queuedAt: entry.queuedAt }, 202);
});

serve({ fetch: app.fetch, port: portArgument(), hostname: '127.0.0.1' }, (info) =>
  console.log(`LISTENING ${info.port}`),
);

// The baseline of the push benchmark: a bare @hono/node-server route that parses a ~1 KB JSON
// entry, validates it with the same zod contract as the Sage GE push route, and echoes it.
// Usage: node --import tsx bench/servers/echo.ts [--port N]  → prints "LISTENING <port>".
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { EntryPushRequestSchema } from '../../contracts/sage-ge/wire.js';
import { portArgument } from './args.js';

const app = new Hono();
app.post('/api/v1/files/:fileId/entries', async (c) => {
  const parsed = EntryPushRequestSchema.safeParse(await c.req.json());
  if (!parsed.success) return c.json({ error: parsed.error.issues[0]?.message }, 400);
  return c.json(parsed.data, 202);
});

serve({ fetch: app.fetch, port: portArgument(), hostname: '127.0.0.1' }, (info) =>
  console.log(`LISTENING ${info.port}`),
);

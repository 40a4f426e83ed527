// The start-up baseline: the smallest @hono/node-server script, in plain JavaScript so that it can
// be spawned both like the compiled `ledgersim` binary (node) and like `npm start` (node --import tsx).
// Usage: node [--import tsx] bench/servers/bare.mjs --port N
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const i = process.argv.indexOf('--port');
const port = i >= 0 ? Number(process.argv[i + 1]) : 0;
const app = new Hono();
app.get('/', (c) => c.json({ status: 'ok' }));
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => console.log(`LISTENING ${info.port}`));

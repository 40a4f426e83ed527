import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Context, Hono } from 'hono';
import type { KitEnv } from './vendor-error.js';

/**
 * `/docs`: Swagger UI over the simulator's own `/openapi.json` (and the admin plane's
 * `/__admin/openapi.json`), served from the `swagger-ui-dist` package in node_modules, never from a
 * CDN, so the reference works with the network off.
 */

/** Only the three files the page loads are served: nothing else of the package is reachable. */
const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
} as const;
type Asset = keyof typeof ASSETS;

/**
 * The folder of swagger-ui-dist. Resolved from this module's folder: under tsx that is
 * simulators/kit, in the CLI bundle dist/ (`import.meta.dirname` is `__dirname` there), and in an
 * installed package the resolution walks up to the node_modules that holds both.
 */
export function swaggerUiDir(): string {
  const from = join(import.meta.dirname ?? process.cwd(), 'noop.js');
  return dirname(createRequire(from).resolve('swagger-ui-dist/package.json'));
}

/**
 * Script and styles from the simulator's own origin only; Swagger UI sets inline styles on its
 * elements (hence `style-src 'unsafe-inline'`) and draws SVG data URLs (`img-src data:`). The page
 * fetches the documents from the same origin (`connect-src 'self'`), runs no inline script (its
 * set-up is `/docs/init.js`), and may not be framed.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const page = (title: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} API reference (ledgersim)</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/swagger-ui-standalone-preset.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;

const init = (title: string) => `window.ui = SwaggerUIBundle({
  urls: [
    { url: '/openapi.json', name: ${JSON.stringify(`${title} API`)} },
    { url: '/__admin/openapi.json', name: 'ledgersim admin plane (/__admin)' },
  ],
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
  // The validator badge would send the document to an outside service.
  validatorUrl: null,
});
`;

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Mounts `/docs`, its assets, and `/` (a redirect to `/docs`) on a simulator's app. */
export function mountDocs(app: Hono<KitEnv>, title: string) {
  let dir: string | undefined;
  const cache = new Map<Asset, Buffer>();
  const secure = (c: Context) => {
    c.header('Content-Security-Policy', DOCS_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
  };
  app.get('/', (c) => c.redirect('/docs', 302));
  app.get('/docs', (c) => {
    secure(c);
    return c.html(page(title));
  });
  // One route for init.js and the assets: a fixed path beside a parameter at the same place
  // (`/docs/init.js` and `/docs/:asset`) is what hono's RegExpRouter cannot take, and every request
  // of the simulator would then be matched by the slower TrieRouter, which allocates more per request.
  app.get('/docs/:asset', (c, next) => {
    const asset = c.req.param('asset');
    if (asset === 'init.js') {
      secure(c);
      return c.body(init(title), 200, { 'content-type': 'text/javascript; charset=utf-8' });
    }
    if (!Object.hasOwn(ASSETS, asset)) return next();
    let bytes = cache.get(asset as Asset);
    if (!bytes) {
      dir ??= swaggerUiDir();
      bytes = readFileSync(join(dir, asset));
      cache.set(asset as Asset, bytes);
    }
    secure(c);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(new Uint8Array(bytes), 200, { 'content-type': ASSETS[asset as Asset] });
  });
}

import { Hono } from 'hono';
import { adminError } from './simulator-kit.js';
import type { KitEnv } from './vendor-error.js';

/**
 * `GET /__admin/files/:tenantId/:fileId/fec[?separator=pipe]`: the FEC of what a simulated file's
 * books hold, the same route on every simulator, so a reproduction can be compared with the
 * customer's own FEC. `fecOf` answers undefined when the tenant has no such file.
 */
export function fecRouter(
  fecOf: (tenantId: string, fileId: string, separator: '\t' | '|') => string | undefined,
  nouns: { tenant: string; file: string },
): Hono<KitEnv> {
  const router = new Hono<KitEnv>();
  router.get('/files/:tenantId/:fileId/fec', (c) => {
    const { tenantId, fileId } = c.req.param();
    const separator = c.req.query('separator') === 'pipe' ? '|' : '\t';
    const fec = fecOf(tenantId, fileId, separator);
    if (fec === undefined) return adminError(c, 404, `No ${nouns.file} ${fileId} in ${nouns.tenant} ${tenantId}`);
    return c.body(fec, 200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': `attachment; filename="${fileId.replace(/[^A-Za-z0-9._-]/g, '_')}FEC.txt"`,
    });
  });
  return router;
}

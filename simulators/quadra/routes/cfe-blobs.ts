import { own } from '../../../core/own.js';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import {
  ArchiveBlobParamSchema,
  BlobListSchema,
  BlobParamSchema,
  CFE_BLOB,
  CFE_INPUT_FOLDER,
  ContainerParamSchema,
  ListQuerySchema,
  SasParamsSchema,
} from '../../../contracts/quadra/wire.js';
import type { SimulatorKit } from '../../kit/simulator-kit.js';
import { fail, type KitEnv } from '../../kit/vendor-error.js';
import { blobBytes, checkSas, findContainer, putInputBlob } from '../domain/container.js';
import type { DossierState, FirmState } from '../state/schema.js';
import type { QuadraRouteDeps } from './access.js';
import { cfeErrors, json } from './openapi-helpers.js';
import { declareRoute } from '../../kit/route.js';

/**
 * The dossier's container, Azure Blob style, reached with the SAS from `getsastoken`: upload into
 * `input/`, list, and read back a file (a rejected one and its report in `archive/rejected/`).
 * Azure's own error codes and messages; the JSON listing (Azure answers XML) and these routes are
 * the simulator's own choice.
 */
export function cfeBlobRoutes(kit: SimulatorKit, deps: QuadraRouteDeps) {
  const router = kit.router();

  /** The container, once the SAS checks; else the error is raised. */
  const access = (
    c: Context<KitEnv>,
    containerName: string,
    sas: { sig: string; sp: string; se: string },
    needs: 'r' | 'rw',
  ): { firm: FirmState; dossier: DossierState } => {
    const found = findContainer(deps.credentials, containerName);
    if (!found)
      return fail({ status: 404, code: 'ContainerNotFound', message: 'The specified container does not exist.' });
    c.set('tenantId', found.firm.sicCode);
    const check = checkSas(found.dossier, sas, needs, deps.clock.now());
    if (!check.ok) fail(check);
    return found;
  };

  declareRoute(
    router,
    createRoute({
      method: 'put',
      path: `${CFE_BLOB}/{container}/${CFE_INPUT_FOLDER}/{fileName}`,
      summary: "Upload a Quadra ASCII file into the container's input folder (Put Blob)",
      request: {
        params: BlobParamSchema,
        query: SasParamsSchema,
        headers: z.object({ 'x-ms-blob-type': z.literal('BlockBlob') }),
        body: {
          required: true,
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
      responses: { 201: { description: 'Stored; Quadra imports it when the dossier is opened' }, ...cfeErrors },
    }),
    async (c) => {
      const { container, fileName } = c.req.valid('param');
      const found = access(c, container, c.req.valid('query'), 'rw');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const contentType = (c.req.header('content-type') ?? 'application/octet-stream').slice(0, 100);
      const result = putInputBlob(found.firm, found.dossier, fileName, bytes, contentType, deps.clock.now());
      if (!result.ok) return fail({ status: 400, code: 'InvalidInput', message: 'Could not store the file' });
      await deps.store.commit(result.changes);
      return c.body(null, 201);
    },
  );

  declareRoute(
    router,
    createRoute({
      method: 'get',
      path: `${CFE_BLOB}/{container}`,
      summary: "List the container's files (List Blobs, as JSON)",
      request: { params: ContainerParamSchema, query: ListQuerySchema },
      responses: { 200: json(BlobListSchema, 'The files, by path'), ...cfeErrors },
    }),
    (c) => {
      const query = c.req.valid('query');
      const found = access(c, c.req.valid('param').container, query, 'r');
      const blobs = Object.values(found.dossier.container.blobs)
        .filter((b) => !query.prefix || b.path.startsWith(query.prefix))
        .sort((a, b) => a.path.localeCompare(b.path))
        .map((b) => ({ name: b.path, size: b.size, contentType: b.contentType, lastModified: b.uploadedAt }));
      return c.json({ containerName: c.req.valid('param').container, blobs }, 200);
    },
  );

  const download = (
    c: Context<KitEnv>,
    containerName: string,
    path: string,
    sas: { sig: string; sp: string; se: string },
  ) => {
    const found = access(c, containerName, sas, 'r');
    const blob = own(found.dossier.container.blobs, path);
    if (!blob) return fail({ status: 404, code: 'BlobNotFound', message: 'The specified blob does not exist.' });
    return c.body(blobBytes(blob) as Uint8Array<ArrayBuffer>, 200, { 'content-type': blob.contentType });
  };

  const binary = {
    200: {
      description: 'The file',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...cfeErrors,
  };
  declareRoute(
    router,
    createRoute({
      method: 'get',
      path: `${CFE_BLOB}/{container}/${CFE_INPUT_FOLDER}/{fileName}`,
      summary: 'Read a file waiting in the input folder (Get Blob)',
      request: { params: BlobParamSchema, query: SasParamsSchema },
      responses: binary,
    }),
    (c) => {
      const { container, fileName } = c.req.valid('param');
      return download(c, container, `${CFE_INPUT_FOLDER}/${fileName}`, c.req.valid('query'));
    },
  );
  declareRoute(
    router,
    createRoute({
      method: 'get',
      path: `${CFE_BLOB}/{container}/archive/{status}/{fileName}`,
      summary:
        'Read an archived file: archive/rejected/<file> and its <file>.report.json, or archive/imported/<file> (Get Blob)',
      request: { params: ArchiveBlobParamSchema, query: SasParamsSchema },
      responses: binary,
    }),
    (c) => {
      const { container, status, fileName } = c.req.valid('param');
      return download(c, container, `archive/${status}/${fileName}`, c.req.valid('query'));
    },
  );
  return router;
}

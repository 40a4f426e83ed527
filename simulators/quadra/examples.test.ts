import { describe, expect, it } from 'vitest';
import { createQuadraSimulator } from './index.js';
import { setup } from './test-support.js';

const UPLOAD = '/CFE/blob/{container}/input/{fileName}';

async function uploadExample(app: { request: (path: string) => Response | Promise<Response> }): Promise<string> {
  const doc = (await (await app.request('/openapi.json')).json()) as {
    paths: Record<string, { put?: { requestBody: { content: Record<string, { example: string }> } } }>;
  };
  return doc.paths[UPLOAD]!.put!.requestBody.content['application/octet-stream']!.example;
}

describe("the CFE upload's example in /openapi.json", () => {
  it('is a file the dossier imports when it is opened, not one it rejects', async () => {
    const quadra = setup();
    const example = await uploadExample(quadra.sim.app);
    await quadra.upload(example);
    const opened = await quadra.openDossier();
    expect(opened.rejected).toEqual([]);
    expect(opened.imported).toHaveLength(1);
    expect(opened.imported[0]!.lines).toBe(2);
  });

  it("is built from the demo's first dossier (its open period, journal and chart)", async () => {
    const sim = createQuadraSimulator();
    const example = await uploadExample(sim.app);
    const dossier = Object.values(Object.values(sim.store.data.tenants)[0]!.dossiers)[0]!;
    const account = example.slice(1, 9).trim();
    expect(Object.keys(dossier.accounts)).toContain(account);
    expect(dossier.journals[example.slice(9, 11).trim()]?.status).toBe('open');
    await sim.close();
  });
});

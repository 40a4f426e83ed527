import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFileLayer } from './file-layer.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'file-layer-'));
  dirs.push(dir);
  return dir;
};

describe('nodeFileLayer', () => {
  it('appends small writes (made in place) and big ones (in the thread pool) in the order given', async () => {
    const dir = await tempDir();
    const big = Buffer.alloc(200 * 1024, 'b');
    const file = await nodeFileLayer.open(join(dir, 'a.log'), 'a+');
    await file.write(Buffer.from('one\n'));
    await file.write(big);
    await file.write(Buffer.from('two\n'));
    await file.datasync();
    await file.close();
    expect(await readFile(join(dir, 'a.log'), 'latin1')).toBe(`one\n${big.toString('latin1')}two\n`);
  });

  it('a failed small write rejects its promise (the store undoes the commit) rather than throwing', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'ro.log'), 'kept\n');
    const file = await nodeFileLayer.open(join(dir, 'ro.log'), 'r');
    let promise: Promise<void> | undefined;
    expect(() => {
      promise = file.write(Buffer.from('x\n'));
    }).not.toThrow();
    await expect(promise).rejects.toMatchObject({ code: 'EBADF' });
    await expect(file.write(Buffer.alloc(100 * 1024))).rejects.toMatchObject({ code: 'EBADF' });
    await file.close();
    expect(await readFile(join(dir, 'ro.log'), 'utf8')).toBe('kept\n');
  });
});

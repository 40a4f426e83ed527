import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const CONNECTORS = join(ROOT, 'connectors');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.(ts|tsx)$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

/** Every module a file names: static and type imports, re-exports, dynamic `import()`, `vi.mock`. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\b(?:from|import|vi\.mock|import\()\s*\(?\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  return found;
}

/** The folders below the root a file's imports land in. */
function importedRoots(file: string, text: string): string[] {
  return specifiers(text)
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(ROOT, resolve(dirname(file), s)).split(sep)[0]!);
}

describe('connectors/ is the hub side: it never imports the simulators', () => {
  it('no file under connectors/ (code or test) imports from simulators/ (or from the registry, which joins both)', () => {
    const offending = sourceFiles(CONNECTORS).flatMap((file) => {
      const roots = importedRoots(file, readFileSync(file, 'utf8'));
      return roots.filter((r) => r === 'simulators' || r === 'vendors').map((r) => `${relative(ROOT, file)} → ${r}/`);
    });
    expect(offending).toEqual([]);
  });

  it('the check sees each form of import', () => {
    const file = join(CONNECTORS, 'hub', 'x.ts');
    const text = [
      `import { a } from '../../simulators/kit/faults.js';`,
      `import type { B } from "../../simulators/sage-ge/index.js";`,
      `export { c } from '../../simulators/loop/index.js';`,
      `const d = await import('../../simulators/quadra/index.js');`,
      `vi.mock('../../simulators/kit/serve.js');`,
      `import '../../simulators/kit/side-effect.js';`,
      `import { e } from '../../core/clock.js';`,
    ].join('\n');
    expect(importedRoots(file, text)).toEqual([
      'simulators',
      'simulators',
      'simulators',
      'simulators',
      'simulators',
      'simulators',
      'core',
    ]);
  });
});

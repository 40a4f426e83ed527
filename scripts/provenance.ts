import { writeFile } from 'node:fs/promises';
import { expectedReadme, PROVENANCE, readmePath } from '../simulators/provenance.js';

/** `npm run provenance`: rewrites the provenance table of each simulator's README from its map. */
for (const { name } of PROVENANCE) {
  const { current, expected } = await expectedReadme(name);
  if (current === expected) console.log(`${name}: up to date`);
  else {
    await writeFile(readmePath(name), expected);
    console.log(`${name}: README table written`);
  }
}

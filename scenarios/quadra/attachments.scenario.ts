import { defineScenario } from '../load.js';
import { linkAndSend, openAndReadBack } from './common.js';

const TWO_PDFS = { id: 'P1', kind: 'purchase', date: '2026-03-10', attachments: 2 } as const;

export default defineScenario({
  id: 'quadra/attachments',
  title:
    "An entry's supporting documents reach Quadra as the exporters ship them: an 8.3 name at position 182 of its lines, the files beside the ASCII file in the CFE container",
  vendor: 'quadra',
  covers: ['QDR-IMPORT-ON-OPEN'],
  steps: [
    ...linkAndSend(TWO_PDFS),
    // Waiting in the container: each name the lines carry has its file beside them.
    { do: 'check', expect: [{ expect: 'vendor-entry', entry: 'P1', state: 'queued', attachments: 2 }] },
    ...openAndReadBack,
  ],
  expect: [
    { expect: 'status', entry: 'P1', is: 'posted' },
    { expect: 'vendor-entry', entry: 'P1', state: 'posted', attachments: 2 },
    // The ASCII file and its two documents, one upload each.
    { expect: 'requests', method: 'PUT', path: '/**/input/*.pdf', count: 2 },
    { expect: 'requests', method: 'PUT', path: '/**/input/*.txt', count: 1 },
  ],
  verifiedAgainstVendor: false,
});

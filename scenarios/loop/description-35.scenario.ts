import { defineScenario } from '../load.js';
import { DATE, letLoopImport, linkAndSend, noFieldRefusal, posted } from './common.js';

const LABEL = 'Fournitures de bureau et consommables informatiques, mars 2026';

export default defineScenario({
  id: 'loop/description-35',
  title: 'A description over 35 characters is cut to 35 by the hub before sending, and the entry posts',
  vendor: 'loop',
  covers: ['LOOP-DESCRIPTION-35'],
  steps: [...linkAndSend({ id: 'P1', kind: 'purchase', date: DATE, label: LABEL }), letLoopImport],
  expect: [...posted('P1'), { expect: 'vendor-entry', entry: 'P1', label: LABEL.slice(0, 35) }, noFieldRefusal],
  verifiedAgainstVendor: false,
});

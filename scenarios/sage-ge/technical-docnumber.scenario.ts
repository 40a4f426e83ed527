import { technicalDocumentNumber } from '../../connectors/sage-ge/index.js';
import { defineScenario } from '../load.js';
import { linkAndSend, openAndSync, PURCHASE } from './common.js';

export default defineScenario({
  id: 'sage-ge/technical-docnumber',
  title: 'Without an attachment the GE document number is a unique technical id; with one, the invoice number',
  vendor: 'sage-ge',
  covers: ['SGE-TECHNICAL-DOCNUMBER'],
  steps: [...linkAndSend({ id: 'N1', kind: 'expense-report', date: '2026-03-10' }, PURCHASE), ...openAndSync],
  expect: [
    { expect: 'vendor-entry', entry: 'N1', state: 'posted', documentNumber: technicalDocumentNumber('N1') },
    { expect: 'vendor-entry', entry: 'P1', state: 'posted', documentNumber: 'FA-P1' },
  ],
  verifiedAgainstVendor: false,
});

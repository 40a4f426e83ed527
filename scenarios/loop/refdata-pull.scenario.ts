import { defineScenario } from '../load.js';
import { letLoopImport, linkAndSend, PURCHASE, posted } from './common.js';

const route = (name: string) => `/loop-api-publiques/${name}`;

export default defineScenario({
  id: 'loop/refdata-pull',
  title:
    "Linking a folder pulls its chart of accounts, auxiliary accounts and journal codes; entries are read back within EcritureComptable's limits",
  vendor: 'loop',
  covers: ['LOOP-REFDATA-PULL'],
  steps: [...linkAndSend(PURCHASE), letLoopImport],
  expect: [
    {
      expect: 'reference-data',
      account: { number: '401000', label: 'Fournisseurs', collective: true },
      journal: 'AC',
      subsidiaryAccount: 'FBUROTIC',
    },
    { expect: 'reference-data', subsidiaryAccount: 'CDUPONT', journal: 'BQ' },
    ...['compte', 'journal', 'tiersClient', 'tiersFournisseur', 'tiersSalarie', 'tiersDivers'].map((name) => ({
      expect: 'requests' as const,
      method: 'GET',
      path: route(name),
      status: 200,
      atLeast: 1,
    })),
    // The connector's read-back always gives EcritureComptable its mandatory filter.
    { expect: 'requests', method: 'GET', path: route('EcritureComptable'), status: 200, atLeast: 1 },
    { expect: 'requests', method: 'GET', path: route('EcritureComptable'), status: 400, count: 0 },
    ...posted('P1'),
  ],
  verifiedAgainstVendor: false,
});

import { LOOP_STATE_VERSION } from '../state/migrate.js';
import { TIERS_TYPES } from '../../../contracts/loop/wire.js';
import { createRandom, type SeededRandom } from '../../../core/random.js';
import { KEY_ALPHABET, SECRET_ALPHABET } from '../domain/ids.js';
import type { FirmState, FolderState, LoopState } from '../state/schema.js';
import { buildApiKey, buildEcritures, buildFirm, buildFolder, buildTiers, calendarYear } from './builders.js';

/**
 * The demo state `ledgersim start` serves: two French firms named from the seed (`core/french-names.ts`). The first
 * one has a folder per catalogue case and a "QONTO" key associated with all but one of them, so a
 * developer can hit each behaviour by hand; the second one is there to show isolation. The same
 * seed gives the same firms, keys and third parties.
 */
export function loopDemoState(seed: number, now: Date): LoopState {
  const random = createRandom(seed);
  const year = now.getUTCFullYear();
  const createdAt = now.toISOString();
  const domain = () => `CAB${random.string(5, '0123456789')}`;
  const folder = (code: string, caseName: string, overrides: Parameters<typeof buildFolder>[2] = {}) =>
    withThirdParties(
      buildFolder(code, now, {
        name: `${random.names.companyName().toUpperCase()} (${caseName})`,
        siret: random.string(14, '0123456789'),
        ...overrides,
      }),
      random,
    );
  const key = (name: string, firmDomain: string, folders: string[]) =>
    buildApiKey(name, firmDomain, folders, createdAt, {
      key: random.string(25, KEY_ALPHABET),
      secret: random.string(44, SECRET_ALPHABET),
      collaborateur: random.names.email().toLowerCase(),
    });
  const firm = (firmDomain: string, folders: FolderState[], keys: FirmState['apiKeys'][string][]) =>
    buildFirm(firmDomain, {
      name: `Cabinet ${random.names.lastName()}`,
      subscriptionKey: random.string(32, '0123456789abcdef'),
      folders,
      apiKeys: keys,
    });

  const mainDomain = domain();
  const mainFolders = [
    folder('DEMO01', 'healthy', { ecritures: buildEcritures('DEMO01', 120, `${year}-01-15`, createdAt) }),
    folder('DEMO02', 'LOOP-COLLABORATOR-NO-ACCESS: connector not activated', { connectorActive: false }),
    folder('DEMO03', 'LOOP-INCOMPLETE-FOLDER: chart incomplete', {
      fiscalYears: [calendarYear(year - 1), calendarYear(year, 'open', false)],
    }),
    folder('DEMO04', 'LOOP-FOLDER-NOT-ASSOCIATED: not checked on the key'),
  ];
  const closedJournals = folder('DEMO05', 'LOOP-INCOMPLETE-FOLDER: every journal closed');
  for (const journal of Object.values(closedJournals.journaux)) journal.ferme = true;
  mainFolders.push(closedJournals);
  const main = firm(mainDomain, mainFolders, [key('QONTO', mainDomain, ['DEMO01', 'DEMO02', 'DEMO03', 'DEMO05'])]);

  const otherDomain = domain();
  const other = firm(otherDomain, [folder('AUTRE01', 'another firm')], [key('QONTO', otherDomain, ['AUTRE01'])]);
  return { version: LOOP_STATE_VERSION, tenants: { [main.domain]: main, [other.domain]: other } };
}

function withThirdParties(folder: FolderState, random: SeededRandom): FolderState {
  for (let i = 0; i < 3; i++) {
    const supplier = random.names.companyName();
    const fcode = `F${random.string(6, '0123456789')}`;
    folder.tiers[fcode] = buildTiers(folder.code, fcode, TIERS_TYPES.fournisseur, supplier.slice(0, 35), {
      email: random.names.email().toLowerCase(),
    });
    const customer = random.names.companyName();
    const ccode = `C${random.string(6, '0123456789')}`;
    folder.tiers[ccode] = buildTiers(folder.code, ccode, TIERS_TYPES.client, customer.slice(0, 35), {
      SIRET: random.string(14, '0123456789'),
    });
  }
  return folder;
}

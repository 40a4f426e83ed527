import type { SeededRandom } from '../../../core/random.js';
import { createRandom } from '../../../core/random.js';
import type { EntityState, FileState, SageGeState } from '../state/schema.js';
import { buildEntity, buildFile, calendarYear } from './builders.js';

/**
 * The demo state `ledgersim start` serves: three French firms named from the seed (`core/french-names.ts`), and in
 * the first one a file per catalogue case, so a developer can hit each rejection by hand. The same
 * seed gives the same firms, identifiers and third parties.
 */
export function sageGeDemoState(seed: number, now: Date): SageGeState {
  const random = createRandom(seed);
  const year = now.getUTCFullYear();
  const month = now.toISOString().slice(0, 7);
  const firm = (id: string, overrides: Partial<EntityState>, files: FileState[]) =>
    buildEntity(id, now, {
      name: `Cabinet ${random.names.lastName()}`,
      siren: random.string(9, '0123456789'),
      geIdentifier: random.string(40),
      ...overrides,
      files,
    });
  const file = (id: string, caseName: string, overrides: Parameters<typeof buildFile>[2] = {}) =>
    withThirdParties(buildFile(id, now, { name: `${random.names.companyName()} (${caseName})`, ...overrides }), random);

  const main = firm('ENT-1', {}, [
    file('healthy', 'healthy'),
    file('journal-locked', 'SGE-JOURNAL-LOCKED: journal AC locked'),
    file('analytics', 'SGE-ANALYTIC-AXIS-MISSING / SGE-ANALYTIC-ALLOCATION: analytics required', {
      analytics: { required: true, axes: ['AX1'], missing: 'axis' },
    }),
    file('account-locked', 'SGE-ACCOUNT-LOCKED: account 606400 locked'),
    file('three-open-years', 'SGE-FY-NOT-LAST-TWO: three open years in GE', {
      fiscalYears: [calendarYear(year - 2), calendarYear(year - 1), calendarYear(year)],
      marketplaceFiscalYears: { at: now.toISOString(), fiscalYears: [calendarYear(year - 1), calendarYear(year)] },
    }),
    file('import-cursor', `SGE-IMPORT-CURSOR-LOCKED: ${month} locked`, { importCursorLocks: { [month]: true } }),
    file('other-error', 'SGE-OTHER-ERROR: next 3 entries fail', { pendingOtherErrors: { variant: 0, remaining: 3 } }),
    file('disconnected', 'SGE-FILE-CONNECTOR-INACTIVE: file box unchecked', { connectorActive: false }),
    file('fy-not-today', 'SGE-FY-NOT-COVERING-TODAY: only last year open', {
      fiscalYears: [calendarYear(year - 1), calendarYear(year, 'closed')],
    }),
    file('fy-open-rules', 'SGE-FY-OPEN-RULES: three open years', {
      fiscalYears: [calendarYear(year - 2), calendarYear(year - 1), calendarYear(year)],
    }),
    file('fy-incomplete', 'SGE-FY-INCOMPLETE: no chart for this year', {
      fiscalYears: [calendarYear(year - 1), calendarYear(year, 'open', false)],
    }),
  ]);
  const journalLocked = main.files['journal-locked']!;
  journalLocked.journals.AC!.locked = true;
  main.files['account-locked']!.accounts['606400']!.locked = true;

  const certExpired = firm(
    'ENT-2',
    {
      referenceAdministrator: {
        name: random.names.fullName(),
        email: random.names.email().toLowerCase(),
        certificateExpiresAt: new Date(now.getTime() - 86_400_000).toISOString(),
      },
    },
    [file('cert-expired', 'SGE-STUCK-ADMIN-CERT-EXPIRED')],
  );
  const noRights = firm('ENT-3', { apiRights: false }, [file('no-rights', 'SGE-API-RIGHTS-MISSING')]);
  return { tenants: { [main.id]: main, [certExpired.id]: certExpired, [noRights.id]: noRights } };
}

function withThirdParties(file: FileState, random: SeededRandom): FileState {
  for (let i = 0; i < 3; i++) {
    const supplier = random.names.companyName();
    const code = `F${random.string(5, '0123456789')}`;
    file.thirdParties[code] = {
      type: 'supplier',
      name: supplier.slice(0, 60),
      subsidiaryAccount: code,
      collectiveAccount: '401000',
    };
    file.subsidiaryAccounts[code] = { code, label: supplier.slice(0, 60), collectiveAccount: '401000' };
    const customer = random.names.companyName();
    const ccode = `C${random.string(5, '0123456789')}`;
    file.thirdParties[ccode] = {
      type: 'customer',
      name: customer.slice(0, 60),
      subsidiaryAccount: ccode,
      collectiveAccount: '411000',
    };
    file.subsidiaryAccounts[ccode] = { code: ccode, label: customer.slice(0, 60), collectiveAccount: '411000' };
  }
  return file;
}

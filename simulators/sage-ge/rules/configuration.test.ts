import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../contracts/catalogue/index.js';
import { rejectionError } from '../../kit/vendor-error.js';
import { buildFile, calendarYear } from '../seed/builders.js';
import { configurationProblem } from './configuration.js';

/**
 * The red triangle is computed once per day and Marketplace snapshot (configuration.ts). These
 * tests keep the same snapshot object and change what else the verdict depends on: the day, and
 * the file's name that the message carries.
 */
const message = (result: ReturnType<typeof configurationProblem>) =>
  result.ok ? null : rejectionError(result.rejection).message;

describe('the configuration check under one Marketplace snapshot', () => {
  it('shows SGE-FY-NOT-COVERING-TODAY the day after the last open fiscal year ends, with no resynchronization', () => {
    const file = buildFile('main', new Date('2026-12-31T12:00:00Z'), {
      fiscalYears: [calendarYear(2025), calendarYear(2026)],
    });
    expect(configurationProblem(file, new Date('2026-12-31T23:59:59Z'))).toEqual({ ok: true });
    expect(message(configurationProblem(file, new Date('2027-01-01T00:00:00Z')))).toBe(
      renderMessage('SGE-FY-NOT-COVERING-TODAY', { file: file.name, date: '2027-01-01' }),
    );
  });

  it('names the file as it is called now when the same snapshot is checked under a new name', () => {
    const now = new Date('2026-03-16T09:00:00Z');
    const file = buildFile('main', now, { fiscalYears: [calendarYear(2025), calendarYear(2026, 'open', false)] });
    expect(message(configurationProblem(file, now))).toBe(
      renderMessage('SGE-FY-INCOMPLETE', { file: file.name, year: '2026' }),
    );
    const renamed = { ...file, name: 'Dossier renommé' };
    expect(renamed.marketplaceFiscalYears).toBe(file.marketplaceFiscalYears);
    expect(message(configurationProblem(renamed, now))).toBe(
      renderMessage('SGE-FY-INCOMPLETE', { file: 'Dossier renommé', year: '2026' }),
    );
  });

  it('shows SGE-FY-INCOMPLETE, naming the latest open year, when every journal is locked', () => {
    const now = new Date('2026-03-16T09:00:00Z');
    const file = buildFile('main', now);
    for (const journal of Object.values(file.journals)) journal.locked = true;
    expect(message(configurationProblem(file, now))).toBe(
      renderMessage('SGE-FY-INCOMPLETE', { file: file.name, year: '2026' }),
    );
    file.journals.OD!.locked = false;
    expect(configurationProblem(file, now)).toEqual({ ok: true });
  });

  it('shows SGE-FY-INCOMPLETE for the latest open year whose every journal is closed in it (Year Menu)', () => {
    const now = new Date('2026-03-16T09:00:00Z');
    const codes = Object.keys(buildFile('main', now).journals);
    const closedIn = (year: number) => ({ ...calendarYear(year), closedJournals: codes });
    const older = buildFile('main', now, { fiscalYears: [calendarYear(2026), closedIn(2025)] });
    expect(message(configurationProblem(older, now))).toBe(
      renderMessage('SGE-FY-INCOMPLETE', { file: older.name, year: '2025' }),
    );
    const both = buildFile('main', now, { fiscalYears: [closedIn(2026), closedIn(2025)] });
    expect(message(configurationProblem(both, now))).toBe(
      renderMessage('SGE-FY-INCOMPLETE', { file: both.name, year: '2026' }),
    );
    const one = buildFile('main', now, {
      fiscalYears: [calendarYear(2026), { ...closedIn(2025), closedJournals: codes.slice(1) }],
    });
    expect(configurationProblem(one, now)).toEqual({ ok: true });
  });

  it('reads two consecutive open years as such whatever order the snapshot lists them in', () => {
    const now = new Date('2026-03-16T09:00:00Z');
    const file = buildFile('main', now, { fiscalYears: [calendarYear(2026), calendarYear(2025)] });
    expect(configurationProblem(file, now)).toEqual({ ok: true });
    const gap = buildFile('main', now, { fiscalYears: [calendarYear(2026), calendarYear(2024)] });
    expect(message(configurationProblem(gap, now))).toBe(
      renderMessage('SGE-FY-OPEN-RULES', { file: gap.name, years: '2024, 2026' }),
    );
  });
});

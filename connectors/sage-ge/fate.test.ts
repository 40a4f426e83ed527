import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../../contracts/catalogue/index.js';
import type { EntryStatus } from '../../contracts/sage-ge/wire.js';
import { technicalDocumentNumber, toFate } from './index.js';

const injected = (trackingCode: string | null): EntryStatus => ({
  id: 'ENT-000001',
  status: 'injected',
  trackingCode,
  queuedAt: '2026-03-16T09:00:00.000Z',
  documentNumber: 'QP1',
});
const locked = getEntry('SGE-JOURNAL-LOCKED');
const rejected = (documentNumber: string): EntryStatus => ({
  id: 'ENT-000001',
  status: 'rejected',
  trackingCode: 'ABCDE',
  queuedAt: '2026-03-16T09:00:00.000Z',
  documentNumber,
  error: { code: locked.wire!.code, message: renderMessage('SGE-JOURNAL-LOCKED') },
});
const receipt = { marker: 'ABCDE', documentNumber: technicalDocumentNumber('P1') };

describe('Sage GE read-back: is the copy in GE the hub entry? (seed 000)', () => {
  it('posts an injected entry only while its comment carries the hub tracking code', () => {
    expect(toFate(injected('ABCDE'), receipt)).toEqual({ state: 'posted', documentNumber: 'QP1' });
    // The code deleted, or another entry's code written in its place: the creation cannot be verified.
    expect(toFate(injected(null), receipt)).toEqual({ state: 'not-found' });
    expect(toFate(injected('ZZZZZ'), receipt)).toEqual({ state: 'not-found' });
  });

  it('takes a rejection as the entry only when it names the document number the hub sent', () => {
    expect(toFate(rejected(technicalDocumentNumber('P1')), receipt)).toEqual({
      state: 'rejected',
      code: locked.wire!.code,
      message: renderMessage('SGE-JOURNAL-LOCKED'),
      catalogueId: 'SGE-JOURNAL-LOCKED',
    });
    expect(toFate(rejected('FA-2026-031'), receipt)).toEqual({ state: 'not-found' });
  });

  it('reads receipts kept before the hub recorded the number sent as it did then', () => {
    expect(toFate(rejected('FA-2026-031'), { marker: 'ABCDE' })).toMatchObject({ state: 'rejected' });
    expect(toFate({ ...injected('ABCDE'), status: 'queued' }, receipt)).toEqual({ state: 'in-progress' });
  });
});

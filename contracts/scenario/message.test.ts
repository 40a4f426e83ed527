import { describe, expect, it } from 'vitest';
import { getEntry, renderMessage } from '../catalogue/index.js';
import { expectedMessage, parameterProblem } from './message.js';

describe('an expectation’s catalogue message, parameters optional', () => {
  const said = renderMessage('SGE-ACCOUNT-LOCKED', { account: '606400' });

  it('with no parameter, compares what the template fixes and takes any value for the rest', () => {
    const expected = expectedMessage('SGE-ACCOUNT-LOCKED');
    expect(expected.text).toBe(getEntry('SGE-ACCOUNT-LOCKED').messages[0]!.en);
    expect(expected.matches(said)).toBe(true);
    expect(expected.matches(renderMessage('SGE-ACCOUNT-LOCKED', { account: '401' }))).toBe(true);
    // The fixed words still count: another message, an empty value, text around it.
    expect(expected.matches(said.replace('locked', 'open'))).toBe(false);
    expect(expected.matches(renderMessage('SGE-ACCOUNT-LOCKED', { account: '' }))).toBe(false);
    expect(expected.matches(`${said}.`)).toBe(false);
    expect(expected.matches(`x ${said}`)).toBe(false);
  });

  it('a parameter given is compared as given, literally (no pattern in it)', () => {
    expect(expectedMessage('SGE-ACCOUNT-LOCKED', { account: '606400' }).matches(said)).toBe(true);
    expect(expectedMessage('SGE-ACCOUNT-LOCKED', { account: '606400' }).text).toBe(said);
    expect(expectedMessage('SGE-ACCOUNT-LOCKED', { account: '401000' }).matches(said)).toBe(false);
    expect(expectedMessage('SGE-ACCOUNT-LOCKED', { account: '6.6400' }).matches(said)).toBe(false);
  });

  it('some parameters given, the others free (a message with two)', () => {
    const params = { collaborator: 'api.qonto@cabinet', folder: 'BOULANGERIE MARTIN SAS' };
    const full = renderMessage('LOOP-COLLABORATOR-NO-ACCESS', params);
    expect(expectedMessage('LOOP-COLLABORATOR-NO-ACCESS', { folder: params.folder }).matches(full)).toBe(true);
    expect(expectedMessage('LOOP-COLLABORATOR-NO-ACCESS', { folder: 'AUTRE' }).matches(full)).toBe(false);
    expect(expectedMessage('LOOP-COLLABORATOR-NO-ACCESS', { folder: params.folder }).text).toContain('{collaborator}');
  });

  it('a variant picks its message', () => {
    const variant2 = renderMessage('SGE-OTHER-ERROR', {}, 2);
    expect(expectedMessage('SGE-OTHER-ERROR', {}, 2).matches(variant2)).toBe(true);
    expect(expectedMessage('SGE-OTHER-ERROR', {}, 0).matches(variant2)).toBe(false);
  });
});

describe('parameterProblem: what a scenario file is told about its params', () => {
  it('a parameter the message does not take is named, with the ones it takes and the template', () => {
    const problem = parameterProblem('SGE-ACCOUNT-LOCKED', { acount: '606400' }, undefined);
    expect(problem?.path).toBe('params.acount');
    expect(problem?.reason).toContain('"acount"');
    expect(problem?.reason).toContain('takes the parameter account,');
    expect(problem?.reason).toContain(getEntry('SGE-ACCOUNT-LOCKED').messages[0]!.en);
  });

  it('the parameters it takes, none, some, or those the runner fills in, are fine', () => {
    expect(parameterProblem('SGE-ACCOUNT-LOCKED', { account: '1' }, undefined)).toBeUndefined();
    expect(parameterProblem('SGE-ACCOUNT-LOCKED', undefined, undefined)).toBeUndefined();
    expect(parameterProblem('SGE-ACCOUNT-LOCKED', { file: 'X' }, undefined, ['file'])).toBeUndefined();
  });

  it('a variant the entry does not have', () => {
    const count = getEntry('SGE-OTHER-ERROR').messages.length;
    expect(parameterProblem('SGE-OTHER-ERROR', undefined, count)).toEqual({
      path: 'variant',
      reason: `SGE-OTHER-ERROR has messages #0 to #${count - 1}, not #${count}`,
    });
    expect(parameterProblem('SGE-OTHER-ERROR', undefined, count - 1)).toBeUndefined();
  });
});

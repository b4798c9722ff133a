import { z } from 'zod';
import {
  clientId,
  codeListId,
  hours,
  isoDate,
  kroner,
  nonNegativeKroner,
  oere,
  sickPayCategory,
  text,
  uuid,
} from './field-schemas';
import { accountingYearInput } from '../finance/cap-ids';
import { check } from './schema';

const ok = (schema: z.ZodType, value: unknown) => {
  const result = check(schema, value);
  if (!result.ok)
    throw new Error(`expected ${JSON.stringify(value)} to pass: ${JSON.stringify(result.issues)}`);
  return result.value;
};
const refused = (schema: z.ZodType, value: unknown) => {
  const result = check(schema, value);
  return result.ok ? undefined : result.issues;
};

describe('field schemas of API.md "Conventions"', () => {
  it('money: a string with at most two decimals, |amount| <= 1,000,000,000.00 kr, parsed to two decimals', () => {
    expect(ok(kroner(), '4200')).toBe('4200.00');
    expect(ok(kroner(), '-125.5')).toBe('-125.50');
    expect(ok(kroner(), '1000000000.00')).toBe('1000000000.00');
    expect(ok(kroner(), '-1000000000')).toBe('-1000000000.00');
    for (const bad of [
      '1000000000.01',
      '-1000000000.01',
      '99999999999999.99',
      '90071992547409.91',
      '12.345',
      '1e3',
      '1,5',
      ' 1',
      4200,
      null,
      '',
    ]) {
      expect(refused(kroner(), bad)).toEqual([
        { path: 'value', message: expect.stringContaining('at most 1000000000.00') },
      ]);
    }
    expect(ok(nonNegativeKroner(), '0')).toBe('0.00');
    expect(refused(nonNegativeKroner(), '-1.00')).toHaveLength(1);
    expect(refused(nonNegativeKroner(), '1000000000.01')).toHaveLength(1);
  });

  it('øre in stored data: safe integers only', () => {
    expect(ok(oere(), -12550)).toBe(-12550);
    for (const bad of [2 ** 53, 12.5, '100', NaN, Infinity]) expect(refused(oere(), bad)).toHaveLength(1);
  });

  it('hours and counts: a JSON number or a decimal string, parsed to two decimals', () => {
    expect(ok(hours(), 2.5)).toBe('2.50');
    expect(ok(hours(), '2.5')).toBe('2.50');
    expect(ok(hours(), 3)).toBe('3.00');
    for (const bad of ['2.555', 0.1 + 0.2, '1e3', 1e21, Infinity, true, '', null])
      expect(refused(hours(), bad)).toHaveLength(1);
  });

  it('dates: real calendar dates YYYY-MM-DD from 2000-01-01 to 2099-12-31', () => {
    expect(ok(isoDate(), '2000-01-01')).toBe('2000-01-01');
    expect(ok(isoDate(), '2024-02-29')).toBe('2024-02-29');
    expect(ok(isoDate(), '2099-12-31')).toBe('2099-12-31');
    for (const bad of [
      '0001-01-01',
      '9999-12-31',
      '1999-12-31',
      '2100-01-01',
      '2025-02-30',
      '2025-2-01',
      '2025-02-01T00:00:00Z',
      20250201,
    ]) {
      expect(refused(isoDate(), bad)).toEqual([
        { path: 'value', message: 'must be a calendar date YYYY-MM-DD between 2000-01-01 and 2099-12-31' },
      ]);
    }
  });

  it('free text refuses NUL and unpaired surrogates, keeps paired ones', () => {
    expect(ok(text(), 'Bøde for 😀')).toBe('Bøde for 😀');
    for (const bad of ['a\u0000b', '\ud800', 'x\udc00', '\udc00\ud800', '', 'x'.repeat(1001)])
      expect(refused(text(), bad)).toHaveLength(1);
    expect(refused(text(200), 'x'.repeat(201))).toHaveLength(1);
  });

  it('ids: 1-64 characters [A-Za-z0-9._:-]', () => {
    expect(ok(clientId(), 'O-2025:1.a_b')).toBe('O-2025:1.a_b');
    for (const bad of ['', 'x'.repeat(65), 'a b', 'a\u0000', 'æ', 7])
      expect(refused(clientId(), bad)).toHaveLength(1);
  });

  it('a UUID is compared case-insensitively: parsed to lower case', () => {
    expect(ok(uuid(), 'ABCDEF01-2345-4789-8BCD-EF0123456789')).toBe('abcdef01-2345-4789-8bcd-ef0123456789');
    expect(refused(uuid(), 'not-a-uuid')).toEqual([{ path: 'value', message: 'must be a UUID' }]);
  });

  it('code-list ids: a JSON number or a string, parsed to a string', () => {
    expect(ok(codeListId(), 30)).toBe('30');
    expect(ok(codeListId(), '30')).toBe('30');
    for (const bad of [-1, 1.5, '', 'a b', null, {}]) expect(refused(codeListId(), bad)).toHaveLength(1);
  });

  it('an accounting year in a command: a JSON number or a string of digits, parsed to the number', () => {
    expect(ok(accountingYearInput(), 2025)).toBe(2025);
    expect(ok(accountingYearInput(), '2025')).toBe(2025);
    for (const bad of ['1999', 1999, '2025.0', ' 2025', 2025.5, '20x5', null])
      expect(refused(accountingYearInput(), bad)).toEqual([
        { path: 'value', message: 'must be a year from 2000 to 2100' },
      ]);
  });

  it('the sygedagpenge category: 1, 2 or 3 as a number or a string, parsed to the number', () => {
    expect([1, '2', '3'].map((v) => ok(sickPayCategory(), v))).toEqual([1, 2, 3]);
    for (const bad of [0, '4', 'A', 1.5, '01'])
      expect(refused(sickPayCategory(), bad)).toEqual([
        { path: 'value', message: 'must be the category 1, 2 or 3' },
      ]);
  });
});

import {
  divideRoundHalfAwayFromZero,
  formatBasisPoints,
  formatOere,
  isKroner,
  parseKroner,
  parsePercentToBasisPoints,
  refundOf,
} from './money';

describe('parseKroner', () => {
  it.each([
    ['4200.00', 420000],
    ['-125.50', -12550],
    ['12', 1200],
    ['0.5', 50],
    ['0.05', 5],
    ['-0.01', -1],
    ['0', 0],
    ['-0.00', 0],
    ['0.10', 10],
    ['1.10', 110], // 1.1 * 100 = 110.00000000000001 in floating point
    ['4.35', 435], // 4.35 * 100 = 434.99999999999994 in floating point
  ])('%s kr = %d øre', (text, oere) => {
    expect(parseKroner(text as string)).toBe(oere);
  });

  it('is exact where floating point is not, for every two-decimal amount 0.00-20.99', () => {
    for (let kr = 0; kr <= 20; kr++) {
      for (let ore = 0; ore < 100; ore++) {
        const text = `${kr}.${String(ore).padStart(2, '0')}`;
        expect(parseKroner(text)).toBe(kr * 100 + ore);
      }
    }
  });

  it('keeps large amounts exact (15 integer digits)', () => {
    expect(parseKroner('12345678901234.56')).toBe(1234567890123456);
    expect(formatOere(parseKroner('-12345678901234.56'))).toBe('-12345678901234.56');
  });

  it.each([
    '12.345',
    '1,50',
    ' 12.00',
    '12.00 ',
    '+12.00',
    '1e3',
    '',
    '-',
    '.5',
    '5.',
    'NaN',
    '12.3.4',
    '1 000.00',
    '1234567890123456.00',
    '99999999999999.99',
  ])('refuses %j', (text) => {
    expect(() => parseKroner(text)).toThrow(RangeError);
    expect(isKroner(text)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(() => parseKroner(12 as unknown as string)).toThrow(RangeError);
    expect(isKroner(12)).toBe(false);
  });
});

describe('formatOere', () => {
  it.each([
    [420000, '4200.00'],
    [-12550, '-125.50'],
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [-100, '-1.00'],
    [123456789, '1234567.89'],
  ])('%d øre = %s', (oere, text) => {
    expect(formatOere(oere)).toBe(text);
  });

  it('formats bigint beyond the safe range', () => {
    expect(formatOere(123456789012345678901n)).toBe('1234567890123456789.01');
  });

  it('refuses fractional øre', () => {
    expect(() => formatOere(1.5)).toThrow(RangeError);
  });

  it('round-trips with parseKroner', () => {
    for (const text of ['4200.00', '-125.50', '0.01', '-0.99', '100000.10'])
      expect(formatOere(parseKroner(text))).toBe(text);
  });
});

describe('rates in basis points', () => {
  it.each([
    ['50', 5000],
    ['80', 8000],
    ['0', 0],
    ['100', 10000],
    ['12.5', 1250],
    ['12.34', 1234],
  ])('%s %% = %d bp', (text, bp) => {
    expect(parsePercentToBasisPoints(text)).toBe(bp);
  });

  it.each(['100.01', '-5', '12.345', '50%', '', '1e2'])('refuses %j', (text) => {
    expect(() => parsePercentToBasisPoints(text)).toThrow(RangeError);
  });

  it.each([
    [5000, '50'],
    [1250, '12.5'],
    [1234, '12.34'],
    [0, '0'],
    [5, '0.05'],
  ])('%d bp = %s %%', (bp, text) => {
    expect(formatBasisPoints(bp)).toBe(text);
  });
});

describe('rounding: half away from zero', () => {
  it.each([
    [5n, 10n, 1n], // 0.5 -> 1
    [-5n, 10n, -1n], // -0.5 -> -1
    [25n, 10n, 3n], // 2.5 -> 3
    [24n, 10n, 2n],
    [-24n, 10n, -2n],
    [-26n, 10n, -3n],
    [7n, -2n, -4n], // -3.5 -> -4
    [0n, 3n, 0n],
  ])('%d / %d = %d', (n, d, q) => {
    expect(divideRoundHalfAwayFromZero(n, d)).toBe(q);
  });

  it('refuses division by zero', () => {
    expect(() => divideRoundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });

  it('applies a rate to øre: 123.45 kr × 50 % = 61.725 -> 61.73 kr; negative symmetric', () => {
    expect(refundOf(12345, 5000)).toBe(6173);
    expect(refundOf(-12345, 5000)).toBe(-6173);
    expect(refundOf(420000, 8000)).toBe(336000);
    expect(refundOf(420000, 0)).toBe(0);
    expect(refundOf(1, 4999)).toBe(0);
    expect(refundOf(-1, 5000)).toBe(-1); // -0.5 → -1, never -0
    expect(() => refundOf(0.5, 5000)).toThrow(RangeError);
  });
});

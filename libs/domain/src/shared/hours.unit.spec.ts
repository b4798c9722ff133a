import { formatHours, isHours, parseHours } from './hours';

describe('hours', () => {
  it.each([
    ['1.5', 150],
    ['0.25', 25],
    ['2', 200],
    [1.5, 150],
    [2, 200],
    [0.75, 75],
    ['24.00', 2400],
    ['-1', -100],
    [0, 0],
  ] as const)('%j h = %d hundredths', (value, hundredths) => {
    expect(parseHours(value)).toBe(hundredths);
  });

  it.each(['1.255', '1,5', '', 'abc', '1e1', ' 1', 0.1 + 0.2, NaN, Infinity, 1e21])('refuses %j', (value) => {
    expect(() => parseHours(value)).toThrow(RangeError);
    expect(isHours(value)).toBe(false);
  });

  it('formats with two decimals', () => {
    expect(formatHours(150)).toBe('1.50');
    expect(formatHours(5)).toBe('0.05');
    expect(formatHours(2400)).toBe('24.00');
    expect(formatHours(-25)).toBe('-0.25');
  });
});

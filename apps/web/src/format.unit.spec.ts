import { date, fromLocalInput, instant, kr, period, rate, toLocalInput } from './format';

describe('Danish formats of the web app (API.md "Conventions")', () => {
  it.each([
    ['1234.50', '1.234,50 kr.'],
    ['-125.5', '−125,50 kr.'],
    ['0.00', '0,00 kr.'],
    ['-0.00', '0,00 kr.'],
    ['1000000000.00', '1.000.000.000,00 kr.'],
    ['123456789012345678901.07', '123.456.789.012.345.678.901,07 kr.'],
  ])('money %s is %s', (amount, shown) => expect(kr(amount)).toBe(shown));

  it('dates, booking periods and rates', () => {
    expect(date('2025-06-30')).toBe('30.06.2025');
    expect(period('2025-03')).toBe('marts 2025');
    expect(rate('50')).toBe('50 %');
    expect(rate('12.5')).toBe('12,5 %');
  });

  it('instants are read and written in Copenhagen time, summer and winter', () => {
    expect(instant('2025-06-30T21:59:00Z')).toBe('30.06.2025 kl. 23:59'); // CEST, UTC+2
    expect(instant('2025-01-15T08:00:00Z')).toBe('15.01.2025 kl. 09:00'); // CET, UTC+1
    expect(toLocalInput('2025-06-30T21:59:00Z')).toBe('2025-06-30T23:59');
    expect(fromLocalInput('2025-06-30T23:59')).toBe('2025-06-30T21:59:00.000Z');
    expect(fromLocalInput('2025-01-15T09:00')).toBe('2025-01-15T08:00:00.000Z');
    expect(fromLocalInput('2025-03-30T03:30')).toBe('2025-03-30T01:30:00.000Z'); // just after the spring change
    expect(fromLocalInput('30.06.2025')).toBeNull();
  });
});

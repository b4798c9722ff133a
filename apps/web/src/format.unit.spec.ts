import {
  date,
  dateField,
  instant,
  instantField,
  kr,
  monthField,
  parseDateField,
  parseInstantField,
  parseMonthField,
  period,
  rate,
} from './format';

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
    expect(instantField('2025-06-30T21:59:00Z')).toBe('30.06.2025 23:59');
    expect(parseInstantField('30.06.2025 23:59')).toBe('2025-06-30T21:59:00.000Z');
    expect(parseInstantField('15.01.2025 kl. 09.00')).toBe('2025-01-15T08:00:00.000Z');
    expect(parseInstantField('1.2.2025')).toBe('2025-01-31T23:00:00.000Z'); // the day's first minute
    expect(parseInstantField('30.03.2025 03:30')).toBe('2025-03-30T01:30:00.000Z'); // just after the spring change
    expect(parseInstantField('26.10.2025 02:30')).toBe('2025-10-26T01:30:00.000Z'); // the later 02:30 in the autumn
  });

  it.each([
    '2025-06-30T23:59',
    '06/30/2025 10:00',
    '30.06.2025 24:00',
    '30.06.2025 12:60',
    '29.02.2025 10:00',
    '',
  ])('the instant field refuses %j', (text) => expect(parseInstantField(text)).toBeNull());

  it('date fields are dd.mm.åååå, booking periods mm.åååå, not the browser locale', () => {
    expect(dateField('2025-06-30')).toBe('30.06.2025');
    expect(dateField('')).toBe('');
    expect(parseDateField(' 30.06.2025 ')).toBe('2025-06-30');
    expect(parseDateField('1-3-2025')).toBe('2025-03-01');
    expect(parseDateField('29.02.2024')).toBe('2024-02-29');
    for (const refused of ['29.02.2025', '31.04.2025', '2025-06-30', '06/30/2025', '30.06.1999', '30.06.25'])
      expect(parseDateField(refused)).toBeNull();
    expect(monthField('2025-03')).toBe('03.2025');
    expect(parseMonthField('3.2025')).toBe('2025-03');
    expect(parseMonthField('13.2025')).toBeNull();
    expect(parseMonthField('2025-03')).toBeNull();
  });
});

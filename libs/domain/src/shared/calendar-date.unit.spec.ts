import {
  danishBookingPeriodOf,
  danishDateOf,
  danishLocalTimeOf,
  danishYearOf,
  isIsoInstant,
  isPeriodWithin,
  isValidIsoDate,
  isWithin,
} from './calendar-date';

describe('iso dates', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-02-29', '2025-12-31'])('%s is valid', (d) => {
    expect(isValidIsoDate(d)).toBe(true);
  });

  it.each([
    '2025-02-30',
    '2025-02-29',
    '1900-02-29',
    '2025-13-01',
    '2025-00-10',
    '2025-04-31',
    '2025-1-01',
    '20250101',
    '2025-01-01T00:00:00Z',
    '',
  ])('%s is invalid', (d) => {
    expect(isValidIsoDate(d)).toBe(false);
  });

  it('inclusive periods', () => {
    expect(isWithin('2025-01-01', '2025-01-01', '2025-01-31')).toBe(true);
    expect(isWithin('2025-01-31', '2025-01-01', '2025-01-31')).toBe(true);
    expect(isWithin('2025-02-01', '2025-01-01', '2025-01-31')).toBe(false);
    expect(isPeriodWithin('2025-01-01', '2025-01-31', '2025-01-01', '2025-01-31')).toBe(true);
    expect(isPeriodWithin('2024-12-31', '2025-01-31', '2025-01-01', '2025-01-31')).toBe(false);
  });

  it('the Danish date of an instant follows Europe/Copenhagen (CET/CEST)', () => {
    expect(danishDateOf('2025-03-01T10:00:00Z')).toBe('2025-03-01');
    expect(danishDateOf('2025-12-31T23:30:00Z')).toBe('2026-01-01'); // 00:30 CET
    expect(danishDateOf('2025-06-30T22:00:00Z')).toBe('2025-07-01'); // 00:00 CEST
    expect(danishDateOf('2025-06-30T21:59:59Z')).toBe('2025-06-30');
    expect(() => danishDateOf('yesterday')).toThrow(RangeError);
    expect(isIsoInstant('2025-02-30T10:00:00Z')).toBe(false);
  });

  it('the booking period of an instant is its month in Copenhagen (API.md Conventions), across month ends and DST', () => {
    // A month end in winter time (CET, UTC+1): 2026-01-31T23:30Z is 00:30 on 1 February.
    expect(danishBookingPeriodOf('2026-01-31T22:59:59Z')).toBe('2026-01');
    expect(danishBookingPeriodOf('2026-01-31T23:30:00Z')).toBe('2026-02');
    // Summer time begins 2026-03-29 at 01:00Z (02:00 CET becomes 03:00 CEST): the day keeps its date either side.
    expect(danishDateOf('2026-03-28T23:00:00Z')).toBe('2026-03-29'); // 00:00 CET
    expect(danishDateOf('2026-03-29T00:59:59Z')).toBe('2026-03-29'); // 01:59:59 CET
    expect(danishDateOf('2026-03-29T01:00:00Z')).toBe('2026-03-29'); // 03:00 CEST
    expect(danishDateOf('2026-03-29T22:00:00Z')).toBe('2026-03-30'); // 00:00 CEST, UTC+2 now
    // The next month end lies in summer time (UTC+2).
    expect(danishBookingPeriodOf('2026-03-31T21:59:59Z')).toBe('2026-03');
    expect(danishBookingPeriodOf('2026-03-31T22:00:00Z')).toBe('2026-04');
    // Summer time ends 2026-10-25 at 01:00Z (03:00 CEST becomes 02:00 CET): midnight is at 22:00Z before, 23:00Z after.
    expect(danishDateOf('2026-10-24T22:00:00Z')).toBe('2026-10-25'); // 00:00 CEST
    expect(danishDateOf('2026-10-25T22:59:59Z')).toBe('2026-10-25'); // 23:59:59 CET
    expect(danishDateOf('2026-10-25T23:00:00Z')).toBe('2026-10-26');
    expect(danishBookingPeriodOf('2026-10-31T22:59:59Z')).toBe('2026-10');
    expect(danishBookingPeriodOf('2026-10-31T23:00:00Z')).toBe('2026-11');
    // The accounting year turns at midnight in Copenhagen.
    expect(danishYearOf('2026-12-31T22:59:59Z')).toBe(2026);
    expect(danishYearOf('2026-12-31T23:00:00Z')).toBe(2027);
    expect(() => danishBookingPeriodOf('2026-02-30T10:00:00Z')).toThrow(RangeError);
  });

  it('the Danish date of an instant is the one Intl gives in Europe/Copenhagen, at the last millisecond of every hour of 1940–1948 and 2026 (its offset is taken per hour), with offsets, and before 1900', () => {
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Copenhagen',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    const expected = (ms: number) => {
      const parts = intl.formatToParts(new Date(ms));
      const get = (type: string) => parts.find((p) => p.type === type)!.value;
      return `${get('year')}-${get('month')}-${get('day')}`;
    };
    const spans = [
      [Date.UTC(1940, 0, 1), Date.UTC(1949, 0, 1)], // the war-time and post-war summer times
      [Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)],
    ];
    let compared = 0;
    for (const [from, to] of spans)
      for (let ms = from + 3_599_999; ms < to; ms += 3_600_000) {
        const instant = new Date(ms).toISOString();
        if (danishDateOf(instant) !== expected(ms)) throw new Error(`${instant}: ${danishDateOf(instant)}`);
        compared++;
      }
    expect(compared).toBe(24 * (9 * 365 + 3 + 365)); // 1940, 1944 and 1948 are leap years
    expect(danishDateOf('2026-03-29T01:30:00+01:00')).toBe('2026-03-29'); // 00:30Z, 01:30 CET
    expect(danishDateOf('2026-06-30T23:59:59-01:00')).toBe('2026-07-01'); // 00:59:59Z, 02:59:59 CEST
    expect(danishDateOf('1893-12-31T23:30:00Z')).toBe(expected(Date.UTC(1893, 11, 31, 23, 30))); // local mean time, +00:50:20
  });

  it('the Danish wall-clock time of an instant, in winter and summer time', () => {
    expect(danishLocalTimeOf('2025-01-15T09:05:00Z')).toBe('2025-01-15 10:05:00'); // CET +1
    expect(danishLocalTimeOf('2025-07-01T00:00:00.000Z')).toBe('2025-07-01 02:00:00'); // CEST +2
    expect(danishLocalTimeOf('2025-12-31T23:30:00Z')).toBe('2026-01-01 00:30:00');
    expect(() => danishLocalTimeOf('2025-07-01')).toThrow(RangeError);
  });
});

import {
  addMonths,
  dayNumber,
  daysInclusive,
  divideRoundHalfAwayFromZero,
  isoDateOfDay,
  refundOf,
} from '@app/domain';
import { cumulativeShare, splitByDays } from './day-split';
import { explainSegment } from './explain-segment';

describe('rounding half away from zero', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [7n, 3n, 2n],
    [-7n, 3n, -2n],
    [8n, 3n, 3n],
    [-8n, 3n, -3n],
    [0n, 7n, 0n],
  ])('%p / %p = %p', (n, d, q) => expect(divideRoundHalfAwayFromZero(n, d)).toBe(q));
});

describe('refundOf', () => {
  it('is amount × rate / 10000 rounded half away from zero to whole øre', () => {
    expect(refundOf(333_333, 5000)).toBe(166_667); // 166 666.5
    expect(refundOf(-333_333, 5000)).toBe(-166_667);
    expect(refundOf(666_667, 5000)).toBe(333_334); // 333 333.5
    expect(refundOf(1, 5000)).toBe(1); // 0.5 → 1
    expect(refundOf(1, 4999)).toBe(0);
    expect(refundOf(1_000_000, 8000)).toBe(800_000);
    expect(refundOf(123_456, 0)).toBe(0);
    expect(Object.is(refundOf(-1, 0), 0)).toBe(true); // never -0
  });
  it('stays exact beyond 2^53 intermediate products', () => {
    expect(refundOf(900_719_925_474_099, 9999)).toBe(900_629_853_481_552); // exactly 900 629 853 481 551.5901
  });
  it('rejects fractional øre and rates', () => {
    expect(() => refundOf(1.5, 5000)).toThrow(RangeError);
    expect(() => refundOf(100, 50.5)).toThrow(RangeError);
  });
});

describe('splitByDays (cumulative rounding)', () => {
  it('splits 10 000,00 kr over 30 days with a change on day 11', () => {
    expect(splitByDays(1_000_000, [10, 20])).toEqual([333_333, 666_667]);
  });
  it('splits 1 øre over three days as 0, 1, 0 and -1 øre as 0, -1, 0', () => {
    expect(splitByDays(1, [1, 1, 1])).toEqual([0, 1, 0]);
    expect(splitByDays(-1, [1, 1, 1])).toEqual([0, -1, 0]);
  });
  it('splits odd amounts so the parts sum exactly', () => {
    const parts = splitByDays(1_000_001, [7, 7, 7, 10]);
    expect(parts).toEqual([225_807, 225_806, 225_807, 322_581]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_000_001);
  });
  it('gives exactly the negated parts for a negative amount', () => {
    expect(splitByDays(-1_000_001, [7, 7, 7, 10])).toEqual([-225_807, -225_806, -225_807, -322_581]);
    expect(splitByDays(-2, [1, 1, 1])).toEqual([-1, 0, -1]); // -0.67 → -1, -1.33 → -1, -2
  });
  it('keeps a part unchanged when the period is split differently elsewhere', () => {
    const coarse = splitByDays(999_999, [10, 21]);
    const fine = splitByDays(999_999, [10, 4, 9, 8]);
    expect(fine[0]).toBe(coarse[0]);
    expect(fine.slice(1).reduce((a, b) => a + b, 0)).toBe(coarse[1]);
  });
  it('is exact for amounts whose products with days exceed 2^53', () => {
    const amount = 9_007_199_254_740_991; // 2^53 - 1
    const parts = splitByDays(amount, [1, 365, 1]);
    expect(parts.reduce((a, b) => BigInt(a) + BigInt(b), 0n)).toBe(BigInt(amount));
    expect(cumulativeShare(amount, 1, 367)).toBe(24_542_777_260_875); // 24 542 777 260 874 + 233/367
  });
});

describe('calendar dates', () => {
  it('counts inclusive days across leap years', () => {
    expect(daysInclusive('2020-02-01', '2020-03-01')).toBe(30);
    expect(daysInclusive('2019-03-01', '2019-03-30')).toBe(30);
    expect(isoDateOfDay(dayNumber('2024-02-29'))).toBe('2024-02-29');
  });
  it('rejects impossible dates and inverted periods', () => {
    expect(() => dayNumber('2019-02-30')).toThrow(RangeError);
    expect(() => dayNumber('2019-2-3')).toThrow(RangeError);
    expect(() => daysInclusive('2019-03-02', '2019-03-01')).toThrow(RangeError);
  });
  it('adds months clamping to the month end', () => {
    expect(addMonths('2019-01-31', 1)).toBe('2019-02-28');
    expect(addMonths('2019-11-15', 3)).toBe('2020-02-15');
  });
});

describe('explainSegment', () => {
  it('shows the days, the share formula and the refund formula', () => {
    const e = explainSegment({
      itemAmountOere: 1_000_000,
      itemFrom: '2019-03-01',
      itemTo: '2019-03-30',
      from: '2019-03-11',
      to: '2019-03-30',
      rateBasisPoints: 5000,
    });
    expect(e).toMatchObject({
      totalDays: 30,
      daysBefore: 10,
      days: 20,
      cumulativeBeforeOere: 333_333,
      cumulativeAfterOere: 1_000_000,
    });
    expect(e.amountOere).toBe(666_667);
    expect(e.refundOere).toBe(333_334);
    expect(e.shareFormula).toBe(
      '20 of 30 days (2019-03-11..2019-03-30 of 2019-03-01..2019-03-30): round(1000000 × 30 / 30) − round(1000000 × 10 / 30) = 1000000 − 333333 = 666667 øre',
    );
    expect(e.refundFormula).toBe('round(666667 × 5000 / 10000) = 333334 øre');
  });
  it('says when no refund was computed', () => {
    const e = explainSegment({
      itemAmountOere: 10,
      itemFrom: '2019-03-01',
      itemTo: '2019-03-01',
      from: '2019-03-01',
      to: '2019-03-01',
      rateBasisPoints: null,
    });
    expect(e.refundOere).toBeNull();
    expect(e.amountOere).toBe(10);
  });
});

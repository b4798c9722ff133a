import {
  capAdjustmentPeriod,
  capAdjustmentPosting,
  capAllowance,
  computeCap,
  type CapYearFigures,
} from './cap';

const figures = (over: Partial<CapYearFigures> = {}): CapYearFigures => ({
  municipality: '101',
  year: 2025,
  cap: 'integration_raadighedsloft',
  rateBasisPoints: 5000,
  parameters: { amountPerFullYearPersonOere: 4336300, fullYearPersonsHundredths: 200 }, // 43,363 kr × 2 (seed000.md Bilag 1)
  eligibleCostsOere: 0n,
  refundBeforeCapOere: 0n,
  adjustmentsOere: 0n,
  ...over,
});

describe('caps', () => {
  it('allowance = amount per full-year person × full-year persons, to whole øre', () => {
    expect(capAllowance({ amountPerFullYearPersonOere: 4336300, fullYearPersonsHundredths: 200 })).toBe(
      8672600n,
    );
    expect(capAllowance({ amountPerFullYearPersonOere: 4336300, fullYearPersonsHundredths: 1250 })).toBe(
      54203750n,
    );
    expect(capAllowance({ amountPerFullYearPersonOere: 101, fullYearPersonsHundredths: 50 })).toBe(51n); // 50.5 → 51, half away from zero
  });

  it('over the allowance the refund is 50 % of the allowance; the adjustment posts the difference', () => {
    // costs 100,000.00 kr, refund before cap 50,000.00; allowance 86,726.00 → refund 43,363.00
    const c = computeCap(figures({ eligibleCostsOere: 10000000n, refundBeforeCapOere: 5000000n }));
    expect(c).toMatchObject({
      status: 'allowance_exceeded',
      allowanceOere: 8672600n,
      limitOere: 4336300n,
      cappedRefundOere: 4336300n,
      requiredAdjustmentOere: -663700n,
      deltaOere: -663700n,
    });
    // after that adjustment was booked, nothing more to do
    expect(
      computeCap(
        figures({ eligibleCostsOere: 10000000n, refundBeforeCapOere: 5000000n, adjustmentsOere: -663700n }),
      ).deltaOere,
    ).toBe(0n);
  });

  it('within the allowance the postings’ own refunds stand', () => {
    const c = computeCap(figures({ eligibleCostsOere: 6000000n, refundBeforeCapOere: 3000000n }));
    expect(c).toMatchObject({
      status: 'within_allowance',
      limitOere: 3000000n,
      cappedRefundOere: 3000000n,
      requiredAdjustmentOere: 0n,
      deltaOere: 0n,
    });
  });

  it('a parameter change restates: the earlier adjustment is corrected by the difference only', () => {
    const before = computeCap(figures({ eligibleCostsOere: 10000000n, refundBeforeCapOere: 5000000n }));
    const after = computeCap(
      figures({
        eligibleCostsOere: 10000000n,
        refundBeforeCapOere: 5000000n,
        adjustmentsOere: before.deltaOere,
        parameters: { amountPerFullYearPersonOere: 4336300, fullYearPersonsHundredths: 210 },
      }),
    );
    // allowance 91,062.30 → limit 45,531.15; adjustment −4,468.85 in all, −663.70 booked → +2,194.85
    expect(after).toMatchObject({
      allowanceOere: 9106230n,
      limitOere: 4553115n,
      requiredAdjustmentOere: -446885n,
      deltaOere: 216815n,
    });
  });

  it('without parameters nothing is capped', () => {
    const c = computeCap(
      figures({
        parameters: null,
        eligibleCostsOere: 10000000n,
        refundBeforeCapOere: 5000000n,
        adjustmentsOere: -663700n,
      }),
    );
    expect(c).toMatchObject({
      status: 'no_parameters',
      allowanceOere: null,
      cappedRefundOere: 5000000n,
      deltaOere: 663700n,
    });
  });

  it('books an adjustment inside its year, as a posting without person or cost', () => {
    expect(
      capAdjustmentPeriod(2025, { eventId: 'e', commandId: 'c', recordedAt: '2026-02-03T10:00:00Z' }),
    ).toBe('2025-12');
    expect(
      capAdjustmentPeriod(2025, { eventId: 'e', commandId: 'c', recordedAt: '2025-05-03T10:00:00Z' }),
    ).toBe('2025-05');
    const c = computeCap(figures({ eligibleCostsOere: 10000000n, refundBeforeCapOere: 5000000n }));
    const p = capAdjustmentPosting(
      c,
      { eventId: 'E1', commandId: 'C1', recordedAt: '2025-05-03T10:00:00Z' },
      null,
    );
    expect(p).toMatchObject({
      entryId: 'E1:cap:2025:integration_raadighedsloft',
      kind: 'cap_adjustment',
      personId: null,
      amountOere: 0,
      refundOere: -663700,
      bookingPeriod: '2025-05',
      cap: 'integration_raadighedsloft',
    });
  });

  it('is exact past 2^53 øre: the largest parameters (90,000,000,000,000.00 kr × 9,999,999.99 persons) and eligible sums beyond Number', () => {
    const parameters = {
      amountPerFullYearPersonOere: 9_000_000_000_000_000,
      fullYearPersonsHundredths: 999_999_999,
    };
    expect(capAllowance(parameters)).toBe(89_999_999_910_000_000_000_000n);
    // two postings of 90,071,992,547,409.91 kr at 50 %: Σ 18,014,398,509,481,982 øre
    const c = computeCap(
      figures({
        parameters,
        eligibleCostsOere: 18_014_398_509_481_982n,
        refundBeforeCapOere: 9_007_199_254_740_991n,
      }),
    );
    expect(c).toMatchObject({
      status: 'within_allowance',
      limitOere: 9_007_199_254_740_991n,
      cappedRefundOere: 9_007_199_254_740_991n,
      deltaOere: 0n,
    });
    const over = computeCap(
      figures({
        parameters: { amountPerFullYearPersonOere: 1, fullYearPersonsHundredths: 100 },
        eligibleCostsOere: 18_014_398_509_481_982n,
        refundBeforeCapOere: 9_007_199_254_740_991n,
      }),
    );
    expect(over).toMatchObject({
      status: 'allowance_exceeded',
      allowanceOere: 1n,
      limitOere: 1n,
      requiredAdjustmentOere: -9_007_199_254_740_990n,
    });
    expect(over.formula).toContain('eligible 18014398509481982');
  });
});

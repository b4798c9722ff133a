import { capAdjustmentPeriod, capAdjustmentPosting, capAllowance, computeCap, type CapYearFigures } from './cap';

const figures = (over: Partial<CapYearFigures> = {}): CapYearFigures => ({
  municipality: '101',
  year: 2025,
  cap: 'integration_raadighedsloft',
  rateBasisPoints: 5000,
  parameters: { amountPerFullYearPersonOere: 4336300, fullYearPersonsHundredths: 200 }, // 43,363 kr × 2 (seed000.md Bilag 1)
  eligibleCostsOere: 0,
  refundBeforeCapOere: 0,
  adjustmentsOere: 0,
  ...over,
});

describe('caps', () => {
  it('allowance = amount per full-year person × full-year persons, to whole øre', () => {
    expect(capAllowance({ amountPerFullYearPersonOere: 4336300, fullYearPersonsHundredths: 200 })).toBe(8672600);
    expect(capAllowance({ amountPerFullYearPersonOere: 4336300, fullYearPersonsHundredths: 1250 })).toBe(54203750);
    expect(capAllowance({ amountPerFullYearPersonOere: 101, fullYearPersonsHundredths: 50 })).toBe(51); // 50.5 → 51, half away from zero
  });

  it('over the allowance the refund is 50 % of the allowance; the adjustment posts the difference', () => {
    // costs 100,000.00 kr, refund before cap 50,000.00; allowance 86,726.00 → refund 43,363.00
    const c = computeCap(figures({ eligibleCostsOere: 10000000, refundBeforeCapOere: 5000000 }));
    expect(c).toMatchObject({ status: 'allowance_exceeded', allowanceOere: 8672600, limitOere: 4336300, cappedRefundOere: 4336300, requiredAdjustmentOere: -663700, deltaOere: -663700 });
    // after that adjustment was booked, nothing more to do
    expect(computeCap(figures({ eligibleCostsOere: 10000000, refundBeforeCapOere: 5000000, adjustmentsOere: -663700 })).deltaOere).toBe(0);
  });

  it('within the allowance the postings’ own refunds stand', () => {
    const c = computeCap(figures({ eligibleCostsOere: 6000000, refundBeforeCapOere: 3000000 }));
    expect(c).toMatchObject({ status: 'within_allowance', limitOere: 3000000, cappedRefundOere: 3000000, requiredAdjustmentOere: 0, deltaOere: 0 });
  });

  it('a parameter change restates: the earlier adjustment is corrected by the difference only', () => {
    const before = computeCap(figures({ eligibleCostsOere: 10000000, refundBeforeCapOere: 5000000 }));
    const after = computeCap(figures({ eligibleCostsOere: 10000000, refundBeforeCapOere: 5000000, adjustmentsOere: before.deltaOere, parameters: { amountPerFullYearPersonOere: 4336300, fullYearPersonsHundredths: 210 } }));
    // allowance 91,062.30 → limit 45,531.15; adjustment −4,468.85 in all, −663.70 booked → +2,194.85
    expect(after).toMatchObject({ allowanceOere: 9106230, limitOere: 4553115, requiredAdjustmentOere: -446885, deltaOere: 216815 });
  });

  it('without parameters nothing is capped', () => {
    const c = computeCap(figures({ parameters: null, eligibleCostsOere: 10000000, refundBeforeCapOere: 5000000, adjustmentsOere: -663700 }));
    expect(c).toMatchObject({ status: 'no_parameters', allowanceOere: null, cappedRefundOere: 5000000, deltaOere: 663700 });
  });

  it('books an adjustment inside its year, as a posting without person or cost', () => {
    expect(capAdjustmentPeriod(2025, { eventId: 'e', commandId: 'c', recordedAt: '2026-02-03T10:00:00Z' })).toBe('2025-12');
    expect(capAdjustmentPeriod(2025, { eventId: 'e', commandId: 'c', recordedAt: '2025-05-03T10:00:00Z' })).toBe('2025-05');
    const c = computeCap(figures({ eligibleCostsOere: 10000000, refundBeforeCapOere: 5000000 }));
    const p = capAdjustmentPosting(c, { eventId: 'E1', commandId: 'C1', recordedAt: '2025-05-03T10:00:00Z' }, null);
    expect(p).toMatchObject({ entryId: 'E1:cap:2025:integration_raadighedsloft', kind: 'cap_adjustment', personId: null, amountOere: 0, refundOere: -663700, bookingPeriod: '2025-05', cap: 'integration_raadighedsloft' });
  });
});

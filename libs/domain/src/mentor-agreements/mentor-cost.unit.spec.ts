import { mentorCostOere } from './mentor-cost';

describe('mentor cost', () => {
  it('is contact hours × hourly cost in øre', () => {
    expect(mentorCostOere({ contactHundredths: 150, hourlyCostOere: 35000 })).toBe(52500); // 1.5 h × 350.00 = 525.00
    expect(mentorCostOere({ contactHundredths: 2400, hourlyCostOere: 45100 })).toBe(1082400); // 24 h × 451.00
  });

  it('rounds to whole øre, halves away from zero', () => {
    expect(mentorCostOere({ contactHundredths: 133, hourlyCostOere: 33333 })).toBe(44333); // 443.3289 kr -> 443.33
    expect(mentorCostOere({ contactHundredths: 1, hourlyCostOere: 50 })).toBe(1); // 0.005 kr -> 0.01
    expect(mentorCostOere({ contactHundredths: 1, hourlyCostOere: 49 })).toBe(0); // 0.0049 kr -> 0.00
    expect(mentorCostOere({ contactHundredths: 25, hourlyCostOere: 33333 })).toBe(8333); // 83.3325 kr -> 83.33
    expect(mentorCostOere({ contactHundredths: 75, hourlyCostOere: 33333 })).toBe(25000); // 249.9975 kr -> 250.00
  });

  it('takes a fee as given', () => {
    expect(mentorCostOere({ feeOere: 123456 })).toBe(123456);
  });

  it('refuses non-integers', () => {
    expect(() => mentorCostOere({ contactHundredths: 1.5, hourlyCostOere: 100 })).toThrow(RangeError);
  });
});

import { assertStorableEvents, offerExpenseRecorded, type OfferExpenseRecordedData } from '@app/domain';
import { toProblem } from './problem.filter';

describe('toProblem', () => {
  it('answers an event the stored schema refuses with a 422 naming the field, never a 500', () => {
    const data: OfferExpenseRecordedData = {
      expenseId: 'E1',
      offerId: 'O1',
      personId: 'P1',
      offerKind: 'other',
      expenseType: 'course_fee',
      amountOere: 9999999999999999, // 99999999999999.99 kr: beyond safe øre
      activityFrom: '2025-02-01',
      activityTo: '2025-02-28',
      invoiceRef: null,
    };
    let refusal: unknown;
    try {
      assertStorableEvents([offerExpenseRecorded(data)]);
    } catch (e) {
      refusal = e;
    }
    expect(toProblem(refusal)).toMatchObject({
      status: 422,
      code: 'event.unstorable',
      errors: [{ path: 'amountOere' }],
    });
  });
});

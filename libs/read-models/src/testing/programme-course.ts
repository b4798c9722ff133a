// For integration tests: a ledger of one person with one offer expense, appended as the command
// api would.
import type { EventStore } from '@app/event-store';
import { checkOfferValidity } from '@app/rules';
import { DomainLog } from './domain-log';

/** An integration-programme participant (support not stated) with a § 23 a course of 2,000.00 kr. in May 2025. */
export async function programmeCourse(store: EventStore, municipality: string): Promise<void> {
  const log = new DomainLog(store, checkOfferValidity, municipality);
  await log.run(
    'ChangeTargetGroup',
    { personId: 'P1', targetGroup: 'integration_programme', effectiveFrom: '2025-01-01' },
    '2025-04-01T09:00:00Z',
  );
  await log.run(
    'RegisterOffer',
    {
      offerId: 'O1',
      personId: 'P1',
      offerKind: 'ordinary_education',
      startDate: '2025-05-01',
      endDate: '2025-05-31',
    },
    '2025-04-02T09:00:00Z',
  );
  await log.run(
    'RecordOfferExpense',
    {
      expenseId: 'E1',
      offerId: 'O1',
      expenseType: 'course_fee',
      amount: '2000.00',
      activityFrom: '2025-05-01',
      activityTo: '2025-05-31',
    },
    '2025-06-01T09:00:00Z',
  );
}

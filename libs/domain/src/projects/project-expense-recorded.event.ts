import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { clientId, isoDate, oere, storedCodeListId, text } from '../shared/field-schemas';
import { EXPENSE_TYPES, OFFER_KINDS } from '../shared/vocabulary';

export const projectExpenseRecordedV1 = z.strictObject({
  expenseId: clientId(),
  projectId: clientId(),
  /** Copied from the project, so the ledger judges every share without reading another stream. */
  offerKind: z.enum(OFFER_KINDS),
  fundingFrame: storedCodeListId().nullable(),
  expenseType: z.enum(EXPENSE_TYPES),
  amountOere: oere(),
  activityFrom: isoDate(),
  activityTo: isoDate(),
  invoiceRef: text(200).nullable(),
  /** The municipality's booking date, when the command gave one: the shares are booked in its period while that year is open. */
  bookingDate: isoDate().optional(),
  /**
   * Present when the command asked the 9- and 24-month rules to read each participant's months of unemployment on
   * the participant's offer start date; absent: on each activity date.
   */
  unemploymentMonthsAt: z.literal('offer_start').optional(),
});
export type ProjectExpenseRecordedData = z.output<typeof projectExpenseRecordedV1>;

/** Stream project-{municipality}-{projectId}: a cost of the whole project, shared by its participants. */
export type ProjectExpenseRecorded = EventEnvelope<'ProjectExpenseRecorded', 1, ProjectExpenseRecordedData>;

export const projectExpenseRecorded = (data: ProjectExpenseRecordedData): ProjectExpenseRecorded => ({
  type: 'ProjectExpenseRecorded',
  version: 1,
  data,
});

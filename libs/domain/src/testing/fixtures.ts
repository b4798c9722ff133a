// Ids and builders shared by the unit tests of the deciders.
import { offerRegistered, type OfferRegisteredData } from '../offers/offer-registered.event';
import { targetGroupChanged, type TargetGroupChangedData } from '../persons/target-group-changed.event';
import {
  mentorAgreementRegistered,
  type MentorAgreementRegisteredData,
} from '../mentor-agreements/mentor-agreement-registered.event';
import {
  mentorHoursRecorded,
  type MentorHoursRecordedData,
} from '../mentor-agreements/mentor-hours-recorded.event';
import {
  offerExpenseRecorded,
  type OfferExpenseRecordedData,
} from '../expenses/offer-expense-recorded.event';

export const M = '101';
export const CMD_1 = '11111111-1111-4111-8111-111111111111';
export const CMD_2 = '22222222-2222-4222-8222-222222222222';
export const CMD_3 = '33333333-3333-4333-8333-333333333333';

export const aTargetGroupChange = (over: Partial<TargetGroupChangedData> = {}) =>
  targetGroupChanged({
    personId: 'P1',
    changeCommandId: CMD_1,
    targetGroup: 'sygedagpenge',
    attributes: {},
    effectiveFrom: '2025-01-01',
    reason: null,
    ...over,
  });

export const anOfferRegistered = (over: Partial<OfferRegisteredData> = {}) =>
  offerRegistered({
    offerId: 'O1',
    personId: 'P1',
    offerKind: 'guidance_upskilling',
    startDate: '2025-02-01',
    endDate: '2025-04-30',
    offerCategory: '30',
    fundingFrame: '1',
    provider: null,
    registrationDate: '2025-01-20',
    validityCitations: [],
    ...over,
  });

/** P1's offer O1 as a participant of the project PR1 (kind 'other'), in March 2025. */
export const aProjectParticipantRegistered = (over: Partial<OfferRegisteredData> = {}) =>
  anOfferRegistered({
    offerKind: 'other',
    startDate: '2025-03-01',
    endDate: '2025-03-31',
    offerCategory: null,
    fundingFrame: null,
    registrationDate: '2025-03-01',
    projectId: 'PR1',
    ...over,
  });

export const anExpenseRecorded = (over: Partial<OfferExpenseRecordedData> = {}) =>
  offerExpenseRecorded({
    expenseId: 'E1',
    offerId: 'O1',
    personId: 'P1',
    offerKind: 'guidance_upskilling',
    expenseType: 'course_fee',
    amountOere: 420000,
    activityFrom: '2025-02-01',
    activityTo: '2025-02-28',
    invoiceRef: null,
    fundingFrame: '1',
    ...over,
  });

export const anAgreementRegistered = (over: Partial<MentorAgreementRegisteredData> = {}) =>
  mentorAgreementRegistered({
    agreementId: 'A1',
    personId: 'P1',
    offerId: null,
    mentorType: 'company',
    mentorKind: 'employee',
    startDate: '2025-01-01',
    endDate: '2025-06-30',
    ...over,
  });

export const aMentorHoursRecorded = (over: Partial<MentorHoursRecordedData> = {}) =>
  mentorHoursRecorded({
    agreementId: 'A1',
    personId: 'P1',
    offerId: null,
    mentorType: 'company',
    mentorKind: 'employee',
    agreementStartDate: '2025-01-01',
    agreementEndDate: '2025-06-30',
    date: '2025-03-10',
    contactHours: '1.50',
    preparationHours: null,
    hourlyCostOere: 35000,
    feeOere: null,
    costOere: 52500,
    ...over,
  });

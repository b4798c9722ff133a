// One example body per CommandType for the OpenAPI document (checked against the schemas by
// openapi-document.unit.spec.ts, so they stay valid).
import type { CommandInput, CommandType } from '@app/domain';

type Body<T extends CommandType> = Omit<CommandInput<T>, 'type'>;

const envelope = { commandId: '3f2c8a4e-5b1d-4c7a-9e0f-6a2b1c3d4e5f', municipality: '101' };

export const COMMAND_EXAMPLES: { [T in CommandType]: Body<T> } = {
  ChangeTargetGroup: {
    ...envelope,
    personId: 'P-1001',
    targetGroup: 'sygedagpenge',
    effectiveFrom: '2025-01-06',
    attributes: { sickPayCategory: 2 },
    reason: 'sygemeldt',
  },
  RetractTargetGroupChange: {
    ...envelope,
    personId: 'P-1001',
    changeCommandId: '0b7c2e1a-9d4f-4e3b-8a6c-5d2e1f0a9b8c',
    reason: 'registreret ved en fejl',
  },
  RegisterOffer: {
    ...envelope,
    offerId: 'O-2025-0001',
    personId: 'P-1001',
    offerKind: 'guidance_upskilling',
    startDate: '2025-02-03',
    endDate: '2025-04-30',
    offerCategory: 30,
    fundingFrame: 1,
    provider: { kind: 'education_institution', name: 'AMU Syd' },
  },
  ChangeOfferPeriod: { ...envelope, offerId: 'O-2025-0001', startDate: '2025-02-03', endDate: '2025-05-31' },
  CancelOffer: { ...envelope, offerId: 'O-2025-0001', reason: 'borgeren mødte ikke op' },
  RecordOfferExpense: {
    ...envelope,
    expenseId: 'E-2025-0001',
    offerId: 'O-2025-0001',
    expenseType: 'course_fee',
    amount: '4200.00',
    activityFrom: '2025-02-03',
    activityTo: '2025-02-28',
    invoiceRef: 'F-88121',
  },
  RegisterProject: {
    ...envelope,
    projectId: 'PRJ-2025-01',
    name: 'Særligt tilrettelagt forløb, lager og logistik',
    offerKind: 'other',
    startDate: '2025-03-01',
    endDate: '2025-05-31',
    provider: { kind: 'municipality', name: 'Jobcenter Nord' },
  },
  RecordProjectExpense: {
    ...envelope,
    expenseId: 'PE-2025-0001',
    projectId: 'PRJ-2025-01',
    expenseType: 'course_fee',
    amount: '36000.00',
    activityFrom: '2025-03-01',
    activityTo: '2025-03-31',
    invoiceRef: 'F-90211',
  },
  RecordAdministrativeShare: {
    ...envelope,
    shareId: 'AS-2025-0001',
    projectId: 'PRJ-2025-01',
    activityFrom: '2025-03-01',
    activityTo: '2025-03-31',
    method: 'standard_price',
    lines: [
      { activity: 'job_interview', count: 12, hoursEach: '0.5', hourlyRate: '451.00' },
      { activity: 'job_plan', count: 4, hoursEach: '1', hourlyRate: '451.00' },
    ],
    priceLevelYear: 2025,
    methodReference: 'Metode 1a (DUT-standard 451 kr./time, 2025-pl), notat af 15.01.2025',
  },
  RecordStaffTimesheet: {
    ...envelope,
    timesheetId: 'TS-2025-W10-S7',
    revision: 1,
    staffId: 'S-7',
    staffCategory: 'Jobkonsulent',
    week: '2025-W10',
    salaryCost: '9250.00',
    days: [
      {
        date: '2025-03-03',
        hoursWorked: '7.5',
        offerHours: [{ projectId: 'PRJ-2025-01', hours: '5' }],
        administrationHours: '2.5',
      },
      {
        date: '2025-03-04',
        hoursWorked: '7.25',
        offerHours: [
          { projectId: 'PRJ-2025-01', hours: '4' },
          { offerId: 'O-2025-0001', hours: '2.25' },
        ],
        administrationHours: '1',
      },
    ],
    approvedBy: { employee: 'Anne Jensen', manager: 'Lars Holm' },
  },
  ReverseOfferExpense: { ...envelope, expenseId: 'E-2025-0001', reason: 'bogført på forkert tilbud' },
  RegisterMentorAgreement: {
    ...envelope,
    agreementId: 'M-2025-0001',
    personId: 'P-1001',
    mentorType: 'company',
    mentorKind: 'employee',
    startDate: '2025-01-06',
    endDate: '2025-06-30',
  },
  RecordMentorHours: {
    ...envelope,
    agreementId: 'M-2025-0001',
    date: '2025-03-10',
    contactHours: 1.5,
    hourlyCost: '350.00',
    preparationHours: '0.5',
  },
  SetCapParameters: {
    ...envelope,
    year: 2025,
    cap: 'integration_raadighedsloft',
    amountPerFullYearPerson: '43363.00',
    fullYearPersons: '12.5',
    reason: 'budget 2025',
  },
  CloseAccountingYear: { ...envelope, year: 2024, reason: 'regnskab 2024 afsluttet' },
};

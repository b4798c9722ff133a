import { given } from '../../testing/given-when-then';
import { aMentorHoursRecorded, anAgreementRegistered, CMD_2, M } from '../../testing/fixtures';
import type { CommandInput } from '../../commands/domain-commands';

const recordHours = (
  over: Partial<CommandInput<'RecordMentorHours'>> = {},
): CommandInput<'RecordMentorHours'> => ({
  type: 'RecordMentorHours',
  commandId: CMD_2,
  municipality: M,
  agreementId: 'A1',
  date: '2025-03-10',
  contactHours: '1.5',
  hourlyCost: '350.00',
  ...over,
});

describe('RecordMentorHours', () => {
  it('costs contact hours × hourly cost, in øre', () => {
    given([anAgreementRegistered()]).when(recordHours()).then([aMentorHoursRecorded()]);
  });

  it('records preparation hours but never costs them', () => {
    given([anAgreementRegistered()])
      .when(recordHours({ preparationHours: 2 }))
      .then([aMentorHoursRecorded({ preparationHours: '2.00', costOere: 52500 })]);
  });

  it('takes a consultant fee as the cost', () => {
    given([anAgreementRegistered({ mentorKind: 'external_consultant' })])
      .when(recordHours({ hourlyCost: undefined, fee: '1200.00', contactHours: 3 }))
      .then([
        aMentorHoursRecorded({
          mentorKind: 'external_consultant',
          contactHours: '3.00',
          hourlyCostOere: null,
          feeOere: 120000,
          costOere: 120000,
        }),
      ]);
  });

  it('rounds the cost to whole øre, halves away from zero', () => {
    given([anAgreementRegistered()])
      .when(recordHours({ contactHours: '0.25', hourlyCost: '333.33' })) // 83.3325 kr
      .then([aMentorHoursRecorded({ contactHours: '0.25', hourlyCostOere: 33333, costOere: 8333 })]);
    given([anAgreementRegistered()])
      .when(recordHours({ contactHours: '0.01', hourlyCost: '0.50' })) // 0.005 kr
      .then([aMentorHoursRecorded({ contactHours: '0.01', hourlyCostOere: 50, costOere: 1 })]);
  });

  it('accepts hours on the first and last day of the agreement, and up to 24 contact hours a day in total', () => {
    given([anAgreementRegistered()])
      .when(recordHours({ date: '2025-01-01' }))
      .events();
    given([anAgreementRegistered()])
      .when(recordHours({ date: '2025-06-30', contactHours: '24' }))
      .events();
    given([anAgreementRegistered(), aMentorHoursRecorded({ contactHours: '20.00' })])
      .when(recordHours({ contactHours: '4' }))
      .then([aMentorHoursRecorded({ contactHours: '4.00', costOere: 140000 })]);
  });

  it('refuses an unknown agreement', () => {
    given([]).when(recordHours()).thenFails('mentor_agreement.not_found');
  });

  it.each(['2024-12-31', '2025-07-01'])('refuses hours on %s, outside the agreement', (date) => {
    given([anAgreementRegistered()]).when(recordHours({ date })).thenFails('mentor_hours.outside_agreement');
  });

  it.each(['0', 0, '-1', '24.01', 25])('refuses contactHours %j', (contactHours) => {
    given([anAgreementRegistered()])
      .when(recordHours({ contactHours }))
      .thenFails('mentor_hours.invalid_hours');
  });

  it('refuses negative or more than 24 preparation hours', () => {
    given([anAgreementRegistered()])
      .when(recordHours({ preparationHours: '-0.5' }))
      .thenFails('mentor_hours.invalid_hours');
    given([anAgreementRegistered()])
      .when(recordHours({ preparationHours: 30 }))
      .thenFails('mentor_hours.invalid_hours');
  });

  it('refuses more than 24 contact hours on one date across records', () => {
    given([anAgreementRegistered(), aMentorHoursRecorded({ contactHours: '20.00' })])
      .when(recordHours({ contactHours: '4.01' }))
      .thenFails('mentor_hours.daily_limit_exceeded');
  });

  it('refuses neither or both of hourlyCost and fee, and a negative one', () => {
    given([anAgreementRegistered()])
      .when(recordHours({ hourlyCost: undefined }))
      .thenFails('mentor_hours.cost_basis');
    given([anAgreementRegistered()])
      .when(recordHours({ fee: '100.00' }))
      .thenFails('mentor_hours.cost_basis');
    given([anAgreementRegistered()])
      .when(recordHours({ hourlyCost: '-350.00' }))
      .thenFails('mentor_hours.cost_basis');
  });

  it('refuses money and hours with more than two decimals, and invalid dates', () => {
    given([anAgreementRegistered()])
      .when(recordHours({ hourlyCost: '350.001' }))
      .thenFails('command.invalid');
    given([anAgreementRegistered()])
      .when(recordHours({ hourlyCost: undefined, fee: '1.234' }))
      .thenFails('command.invalid');
    given([anAgreementRegistered()])
      .when(recordHours({ contactHours: '1.555' }))
      .thenFails('command.invalid');
    given([anAgreementRegistered()])
      .when(recordHours({ contactHours: 0.1 + 0.2 }))
      .thenFails('command.invalid');
    given([anAgreementRegistered()])
      .when(recordHours({ date: '2025-02-29' }))
      .thenFails('command.invalid');
  });
});

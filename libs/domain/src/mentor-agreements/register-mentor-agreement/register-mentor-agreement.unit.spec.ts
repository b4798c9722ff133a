import { given } from '../../testing/given-when-then';
import { anAgreementRegistered, CMD_1, M } from '../../testing/fixtures';
import { mentorAgreementRegistered } from '../mentor-agreement-registered.event';
import type { CommandInput } from '../../commands/domain-commands';

const register = (
  over: Partial<CommandInput<'RegisterMentorAgreement'>> = {},
): CommandInput<'RegisterMentorAgreement'> => ({
  type: 'RegisterMentorAgreement',
  commandId: CMD_1,
  municipality: M,
  agreementId: 'A1',
  personId: 'P1',
  mentorType: 'company',
  mentorKind: 'employee',
  startDate: '2025-01-01',
  endDate: '2025-06-30',
  ...over,
});

describe('RegisterMentorAgreement', () => {
  it('registers an agreement without an offer', () => {
    given([]).when(register()).then([anAgreementRegistered()]);
  });

  it('registers an agreement attached to an offer', () => {
    given([])
      .when(register({ offerId: 'O1', mentorType: 'social', mentorKind: 'external_consultant' }))
      .then([
        mentorAgreementRegistered({
          agreementId: 'A1',
          personId: 'P1',
          offerId: 'O1',
          mentorType: 'social',
          mentorKind: 'external_consultant',
          startDate: '2025-01-01',
          endDate: '2025-06-30',
        }),
      ]);
  });

  it('refuses an agreementId registered before', () => {
    given([anAgreementRegistered()]).when(register()).thenFails('mentor_agreement.already_registered');
  });

  it('refuses endDate before startDate', () => {
    given([])
      .when(register({ endDate: '2024-12-31' }))
      .thenFails('mentor_agreement.invalid_period');
  });

  it('refuses invalid enums and dates', () => {
    given([])
      .when(register({ mentorType: 'buddy' as never }))
      .thenFails('command.invalid');
    given([])
      .when(register({ mentorKind: 'volunteer' as never }))
      .thenFails('command.invalid');
    given([])
      .when(register({ startDate: '2025-02-30' }))
      .thenFails('command.invalid');
  });
});

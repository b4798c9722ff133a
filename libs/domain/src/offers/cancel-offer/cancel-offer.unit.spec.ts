import { given } from '../../testing/given-when-then';
import { anOfferRegistered, CMD_2, M } from '../../testing/fixtures';
import { offerCancelled } from '../offer-cancelled.event';
import { offerPeriodChanged } from '../offer-period-changed.event';
import type { CommandInput } from '../../commands/domain-commands';

const cancel = (over: Partial<CommandInput<'CancelOffer'>> = {}): CommandInput<'CancelOffer'> => ({
  type: 'CancelOffer',
  commandId: CMD_2,
  municipality: M,
  offerId: 'O1',
  reason: 'the course was cancelled by the provider',
  ...over,
});

describe('CancelOffer', () => {
  it('cancels with the current period', () => {
    given([
      anOfferRegistered(),
      offerPeriodChanged({
        offerId: 'O1',
        personId: 'P1',
        offerKind: 'guidance_upskilling',
        startDate: '2025-03-01',
        endDate: '2025-05-31',
        previousStartDate: '2025-02-01',
        previousEndDate: '2025-04-30',
        validityCitations: [],
      }),
    ])
      .when(cancel())
      .then([
        offerCancelled({
          offerId: 'O1',
          personId: 'P1',
          offerKind: 'guidance_upskilling',
          startDate: '2025-03-01',
          endDate: '2025-05-31',
          reason: 'the course was cancelled by the provider',
        }),
      ]);
  });

  it('refuses an unknown offer', () => {
    given([]).when(cancel()).thenFails('offer.not_found');
  });

  it('refuses cancelling twice', () => {
    const [cancelled] = given([anOfferRegistered()]).when(cancel()).events();
    given([anOfferRegistered(), cancelled]).when(cancel()).thenFails('offer.already_cancelled');
  });

  it('refuses without a reason', () => {
    given([anOfferRegistered()])
      .when(cancel({ reason: '' }))
      .thenFails('command.invalid');
  });
});

import { given } from '../../testing/given-when-then';
import { anOfferRegistered, CMD_2, M } from '../../testing/fixtures';
import { offerCancelled } from '../offer-cancelled.event';
import { offerPeriodChanged } from '../offer-period-changed.event';
import type { OfferValidityQuery } from '../offer-validity';
import type { CommandInput } from '../../commands/domain-commands';

const changePeriod = (
  over: Partial<CommandInput<'ChangeOfferPeriod'>> = {},
): CommandInput<'ChangeOfferPeriod'> => ({
  type: 'ChangeOfferPeriod',
  commandId: CMD_2,
  municipality: M,
  offerId: 'O1',
  startDate: '2025-02-01',
  endDate: '2025-06-30',
  ...over,
});

const cancelled = offerCancelled({
  offerId: 'O1',
  personId: 'P1',
  offerKind: 'guidance_upskilling',
  startDate: '2025-02-01',
  endDate: '2025-04-30',
  reason: 'never started',
});

describe('ChangeOfferPeriod', () => {
  it('extends the period, re-checking the matrix with the original registration date', () => {
    const asked: OfferValidityQuery[] = [];
    given([anOfferRegistered()])
      .when(changePeriod({ startDate: '2025-01-15' }), {
        offerValidity: (q) => {
          asked.push(q);
          return { valid: true, citations: ['c'] };
        },
      })
      .then([
        offerPeriodChanged({
          offerId: 'O1',
          personId: 'P1',
          offerKind: 'guidance_upskilling',
          startDate: '2025-01-15',
          endDate: '2025-06-30',
          previousStartDate: '2025-02-01',
          previousEndDate: '2025-04-30',
          validityCitations: ['c'],
        }),
      ]);
    expect(asked).toEqual([
      {
        offerKind: 'guidance_upskilling',
        offerCategory: '30',
        fundingFrame: '1',
        startDate: '2025-01-15',
        registrationDate: '2025-01-20',
      },
    ]);
  });

  it('applies successive changes', () => {
    const first = offerPeriodChanged({
      offerId: 'O1',
      personId: 'P1',
      offerKind: 'guidance_upskilling',
      startDate: '2025-02-01',
      endDate: '2025-06-30',
      previousStartDate: '2025-02-01',
      previousEndDate: '2025-04-30',
      validityCitations: [],
    });
    given([anOfferRegistered(), first])
      .when(changePeriod({ endDate: '2025-03-31' }))
      .then([{ ...first, data: { ...first.data, endDate: '2025-03-31', previousEndDate: '2025-06-30' } }]);
  });

  it('accepts a shorter period even if expenses recorded earlier now lie outside it (the ledger flags them)', () => {
    const events = given([anOfferRegistered()])
      .when(changePeriod({ endDate: '2025-02-10' }))
      .events();
    expect(events).toHaveLength(1);
  });

  it('yields no event for the same period', () => {
    given([anOfferRegistered()])
      .when(changePeriod({ endDate: '2025-04-30' }))
      .then([]);
  });

  it('refuses an unknown offer', () => {
    given([]).when(changePeriod()).thenFails('offer.not_found');
  });

  it("refuses to change a cancelled offer's period", () => {
    given([anOfferRegistered(), cancelled]).when(changePeriod()).thenFails('offer.cancelled');
  });

  it('refuses endDate before startDate', () => {
    given([anOfferRegistered()])
      .when(changePeriod({ startDate: '2025-05-01', endDate: '2025-04-30' }))
      .thenFails('offer.invalid_period');
  });

  it('refuses a new start date the matrix does not allow', () => {
    given([anOfferRegistered()])
      .when(changePeriod({ startDate: '2026-01-01', endDate: '2026-02-01' }), {
        offerValidity: () => ({ valid: false, reason: 'category not valid from 2026', citations: [] }),
      })
      .thenFails('offer.classification_invalid');
  });

  it('refuses invalid dates', () => {
    given([anOfferRegistered()])
      .when(changePeriod({ endDate: '2025-06-31' }))
      .thenFails('command.invalid');
  });
});

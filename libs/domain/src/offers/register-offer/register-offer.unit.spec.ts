import { given } from '../../testing/given-when-then';
import { anOfferRegistered, CMD_1, M } from '../../testing/fixtures';
import { offerRegistered } from '../offer-registered.event';
import type { OfferValidityCheck, OfferValidityQuery } from '../offer-validity';
import type { CommandInput } from '../../commands/domain-commands';
import { DomainRuleViolation } from '../../shared/domain-rule-violation.error';

const register = (over: Partial<CommandInput<'RegisterOffer'>> = {}): CommandInput<'RegisterOffer'> => ({
  type: 'RegisterOffer',
  commandId: CMD_1,
  municipality: M,
  offerId: 'O1',
  personId: 'P1',
  offerKind: 'guidance_upskilling',
  startDate: '2025-02-01',
  endDate: '2025-04-30',
  offerCategory: '30',
  fundingFrame: '1',
  ...over,
});

const citation = { source: '002_4983c5daf0fb88e9.txt', section: '4.7' };

describe('RegisterOffer', () => {
  it('registers a guidance offer valid in the matrix, asking with the Danish registration date', () => {
    const asked: OfferValidityQuery[] = [];
    const offerValidity: OfferValidityCheck = (q) => {
      asked.push(q);
      return { valid: true, citations: [citation] };
    };
    given([])
      .when(register({ provider: { kind: 'other_actor', name: 'AMU Syd' } }), {
        now: '2025-01-19T23:30:00Z',
        offerValidity,
      })
      .then([
        anOfferRegistered({
          provider: { kind: 'other_actor', name: 'AMU Syd' },
          registrationDate: '2025-01-20',
          validityCitations: [citation],
        }),
      ]);
    expect(asked).toEqual([
      {
        offerKind: 'guidance_upskilling',
        offerCategory: '30',
        fundingFrame: '1',
        startDate: '2025-02-01',
        registrationDate: '2025-01-20',
      },
    ]);
  });

  it('judges the matrix on a given registration date (an imported history), not on today', () => {
    const asked: OfferValidityQuery[] = [];
    const offerValidity: OfferValidityCheck = (q) => (asked.push(q), { valid: true, citations: [citation] });
    const [event] = given([])
      .when(register({ registrationDate: '2021-03-14' }), { now: '2025-01-19T10:00:00Z', offerValidity })
      .events();
    expect(event.data).toMatchObject({ registrationDate: '2021-03-14' });
    expect(asked.map((q) => q.registrationDate)).toEqual(['2021-03-14']);
  });

  it('refuses a registration date after today in Denmark (API.md: never in the future)', () => {
    given([])
      .when(register({ registrationDate: '2025-01-20' }), { now: '2025-01-19T22:59:59Z' })
      .thenFails('offer.registration_in_future');
    given([])
      .when(register({ registrationDate: '2025-01-20' }), {
        now: '2025-01-19T23:00:00Z',
        offerValidity: () => ({ valid: true, citations: [] }),
      })
      .events();
  });

  it('registers an unclassified offer of another kind without asking the matrix', () => {
    const offerValidity: OfferValidityCheck = () => {
      throw new Error('must not be asked');
    };
    given([])
      .when(
        register({
          offerKind: 'company_internship',
          offerCategory: undefined,
          fundingFrame: undefined,
          provider: { kind: 'municipality' },
        }),
        {
          offerValidity,
        },
      )
      .then([
        offerRegistered({
          offerId: 'O1',
          personId: 'P1',
          offerKind: 'company_internship',
          startDate: '2025-02-01',
          endDate: '2025-04-30',
          offerCategory: null,
          fundingFrame: null,
          provider: { kind: 'municipality', name: null },
          registrationDate: '2025-03-01',
          validityCitations: [],
        }),
      ]);
  });

  it('accepts a one-day offer (periods are inclusive)', () => {
    const [e] = given([])
      .when(register({ endDate: '2025-02-01' }))
      .events();
    expect(e.type === 'OfferRegistered' && e.data.endDate).toBe('2025-02-01');
  });

  it('refuses an offerId registered before', () => {
    given([anOfferRegistered()]).when(register()).thenFails('offer.already_registered');
  });

  it('refuses endDate before startDate', () => {
    given([])
      .when(register({ endDate: '2025-01-31' }))
      .thenFails('offer.invalid_period');
  });

  it('refuses guidance_upskilling without offerCategory and fundingFrame', () => {
    given([])
      .when(register({ offerCategory: undefined, fundingFrame: undefined }))
      .thenFails('offer.classification_required');
    given([])
      .when(register({ fundingFrame: undefined }))
      .thenFails('offer.classification_required');
  });

  it('refuses only one of offerCategory / fundingFrame on any kind', () => {
    given([])
      .when(register({ offerKind: 'other', fundingFrame: undefined }))
      .thenFails('offer.classification_required');
  });

  it('validates a classification given on another kind', () => {
    given([])
      .when(register({ offerKind: 'ordinary_education' }), {
        offerValidity: () => ({ valid: false, reason: 'closed', citations: [] }),
      })
      .thenFails('offer.classification_invalid');
  });

  it('refuses a category × frame combination the matrix does not allow for its dates', () => {
    const error = given([])
      .when(register(), {
        offerValidity: () => ({
          valid: false,
          reason: 'category 30 closed for new registrations from 2024-07-01',
          citations: [citation],
        }),
      })
      .thenFails('offer.classification_invalid') as DomainRuleViolation;
    expect(error.message).toContain('category 30 closed');
    expect(error.details).toMatchObject({
      reason: 'category 30 closed for new registrations from 2024-07-01',
      citations: [citation],
    });
  });

  it('refuses invalid dates and enums', () => {
    given([])
      .when(register({ startDate: '2025-02-30' }))
      .thenFails('command.invalid');
    given([])
      .when(register({ offerKind: 'course' as never }))
      .thenFails('command.invalid');
    given([])
      .when(register({ provider: { kind: 'private' as never } }))
      .thenFails('command.invalid');
    given([])
      .when(register({ offerId: 'x'.repeat(65) }))
      .thenFails('command.invalid');
  });
});

import { anAgreementRegistered, anExpenseRecorded, anOfferRegistered, aTargetGroupChange } from '../testing/fixtures';
import { InvalidEventDataError } from '../shared/invalid-event-data.error';
import { UnknownEventVersionError } from '../shared/unknown-event-version.error';
import { DomainError } from '../shared/domain-error';
import { DOMAIN_EVENT_TYPES, parseEvent } from './event-registry';

const roundTrip = (data: unknown) => JSON.parse(JSON.stringify(data)) as unknown;

describe('parseEvent', () => {
  it('knows every event type at version 1', () => {
    expect(DOMAIN_EVENT_TYPES.sort()).toEqual(
      [
        'AccountingYearClosed',
        'CapParametersSet',
        'MentorAgreementRegistered',
        'MentorHoursRecorded',
        'OfferCancelled',
        'OfferExpenseRecorded',
        'OfferExpenseReversed',
        'OfferPeriodChanged',
        'OfferRegistered',
        'TargetGroupChangeRetracted',
        'TargetGroupChanged',
      ].sort(),
    );
  });

  it.each([aTargetGroupChange({ attributes: { readiness: 'jobparat', sickPayCategory: 2 } }), anOfferRegistered(), anExpenseRecorded(), anAgreementRegistered()])(
    'reads stored $type data back into the typed event',
    (event) => {
      expect(parseEvent(event.type, event.version, roundTrip(event.data))).toEqual(event);
    },
  );

  it('throws UnknownEventVersionError for an unknown type', () => {
    const error = (() => {
      try {
        return parseEvent('OfferDeleted', 1, {});
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnknownEventVersionError);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as UnknownEventVersionError).code).toBe('event.unknown_version');
    expect((error as UnknownEventVersionError).eventType).toBe('OfferDeleted');
  });

  it.each([2, 0, 1.5, NaN])('throws UnknownEventVersionError for version %p of a known type', (version) => {
    expect(() => parseEvent('OfferRegistered', version, anOfferRegistered().data)).toThrow(UnknownEventVersionError);
  });

  it('does not mistake Object.prototype keys for event types', () => {
    expect(() => parseEvent('toString', 1, {})).toThrow(UnknownEventVersionError);
    expect(() => parseEvent('OfferRegistered', 'constructor' as unknown as number, {})).toThrow(UnknownEventVersionError);
  });

  it('throws InvalidEventDataError, by path, for data that breaks the schema', () => {
    const data = { ...anExpenseRecorded().data, amountOere: 12.5, activityTo: '2025-02-30' } as Record<string, unknown>;
    delete data.personId;
    try {
      parseEvent('OfferExpenseRecorded', 1, data);
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidEventDataError);
      expect((e as InvalidEventDataError).code).toBe('event.invalid_data');
      expect((e as InvalidEventDataError).errors.map((i) => i.path).sort()).toEqual(['activityTo', 'amountOere', 'personId']);
    }
  });

  it('refuses unknown fields and wrong nested values in stored data', () => {
    expect(() => parseEvent('OfferRegistered', 1, { ...anOfferRegistered().data, extra: 1 })).toThrow(InvalidEventDataError);
    expect(() => parseEvent('OfferRegistered', 1, { ...anOfferRegistered().data, provider: { kind: 'x', name: null } })).toThrow(
      InvalidEventDataError,
    );
    expect(() =>
      parseEvent('TargetGroupChanged', 1, { ...aTargetGroupChange().data, attributes: { readiness: 'lazy' } }),
    ).toThrow(InvalidEventDataError);
    expect(() => parseEvent('OfferCancelled', 1, null)).toThrow(InvalidEventDataError);
  });

  it('checks the canonical hours format of mentor hours', () => {
    const data = {
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
    };
    expect(parseEvent('MentorHoursRecorded', 1, data).data).toEqual(data);
    expect(() => parseEvent('MentorHoursRecorded', 1, { ...data, contactHours: '1.5' })).toThrow(InvalidEventDataError);
  });
});

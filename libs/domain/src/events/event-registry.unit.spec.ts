import {
  anAgreementRegistered,
  anExpenseRecorded,
  anOfferRegistered,
  aTargetGroupChange,
} from '../testing/fixtures';
import { InvalidEventDataError } from '../shared/invalid-event-data.error';
import { UnknownEventVersionError } from '../shared/unknown-event-version.error';
import { DomainError } from '../shared/domain-error';
import { UnstorableEventError } from '../shared/unstorable-event.error';
import { offerCancelled } from '../offers/offer-cancelled.event';
import { aMentorHoursRecorded } from '../testing/fixtures';
import { assertStorableEvents, DOMAIN_EVENT_TYPES, parseEvent } from './event-registry';

const roundTrip = (data: unknown) => JSON.parse(JSON.stringify(data)) as unknown;

describe('parseEvent', () => {
  it('knows every event type at version 1', () => {
    expect(DOMAIN_EVENT_TYPES.sort()).toEqual(
      [
        'AccountingYearClosed',
        'AdministrativeShareRecorded',
        'StaffTimesheetRecorded',
        'CapParametersSet',
        'MentorAgreementRegistered',
        'MentorHoursRecorded',
        'OfferCancelled',
        'OfferExpenseRecorded',
        'OfferExpenseReversed',
        'OfferPeriodChanged',
        'OfferRegistered',
        'ProjectExpenseRecorded',
        'ProjectRegistered',
        'TargetGroupChangeRetracted',
        'TargetGroupChanged',
      ].sort(),
    );
  });

  it.each([
    aTargetGroupChange({ attributes: { readiness: 'jobparat', sickPayCategory: 2 } }),
    anOfferRegistered(),
    anExpenseRecorded(),
    anAgreementRegistered(),
  ])('reads stored $type data back into the typed event', (event) => {
    expect(parseEvent(event.type, event.version, roundTrip(event.data))).toEqual(event);
  });

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
    expect(() => parseEvent('OfferRegistered', version, anOfferRegistered().data)).toThrow(
      UnknownEventVersionError,
    );
  });

  it('does not mistake Object.prototype keys for event types', () => {
    expect(() => parseEvent('toString', 1, {})).toThrow(UnknownEventVersionError);
    expect(() => parseEvent('OfferRegistered', 'constructor' as unknown as number, {})).toThrow(
      UnknownEventVersionError,
    );
  });

  it('throws InvalidEventDataError, by path, for data that breaks the schema', () => {
    const data = { ...anExpenseRecorded().data, amountOere: 12.5, activityTo: '2025-02-30' } as Record<
      string,
      unknown
    >;
    delete data.personId;
    try {
      parseEvent('OfferExpenseRecorded', 1, data);
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidEventDataError);
      expect((e as InvalidEventDataError).code).toBe('event.invalid_data');
      expect((e as InvalidEventDataError).errors.map((i) => i.path).sort()).toEqual([
        'activityTo',
        'amountOere',
        'personId',
      ]);
    }
  });

  it('refuses unknown fields and wrong nested values in stored data', () => {
    expect(() => parseEvent('OfferRegistered', 1, { ...anOfferRegistered().data, extra: 1 })).toThrow(
      InvalidEventDataError,
    );
    expect(() =>
      parseEvent('OfferRegistered', 1, { ...anOfferRegistered().data, provider: { kind: 'x', name: null } }),
    ).toThrow(InvalidEventDataError);
    expect(() =>
      parseEvent('TargetGroupChanged', 1, {
        ...aTargetGroupChange().data,
        attributes: { readiness: 'lazy' },
      }),
    ).toThrow(InvalidEventDataError);
    expect(() => parseEvent('OfferCancelled', 1, null)).toThrow(InvalidEventDataError);
  });

  it('checks the canonical hours format of mentor hours', () => {
    const { data } = aMentorHoursRecorded();
    expect(parseEvent('MentorHoursRecorded', 1, data).data).toEqual(data);
    expect(() => parseEvent('MentorHoursRecorded', 1, { ...data, contactHours: '1.5' })).toThrow(
      InvalidEventDataError,
    );
  });
});

describe('assertStorableEvents: an event is appended only if its readers accept it', () => {
  const refusal = (events: Parameters<typeof assertStorableEvents>[0]) => {
    try {
      assertStorableEvents(events);
    } catch (e) {
      return e;
    }
    return undefined;
  };

  it('lets through events the stored schema reads back', () => {
    expect(refusal([anOfferRegistered(), anExpenseRecorded(), aTargetGroupChange()])).toBeUndefined();
  });

  it('refuses an amount beyond safe øre, e.g. 99999999999999.99 kr, which JSON would not keep exact', () => {
    const error = refusal([anOfferRegistered(), anExpenseRecorded({ amountOere: 9999999999999999 })]);
    expect(error).toBeInstanceOf(UnstorableEventError);
    expect(error).toMatchObject({
      code: 'event.unstorable',
      eventType: 'OfferExpenseRecorded',
      errors: [{ path: 'amountOere' }],
    });
  });

  it('refuses any event the reader would refuse: NUL in text, a date out of range, a value JSON drops', () => {
    const cancelled = offerCancelled({
      offerId: 'O1',
      personId: 'P1',
      offerKind: 'other',
      startDate: '2025-01-01',
      endDate: '2025-01-31',
      reason: 'r',
    });
    expect(refusal([{ ...cancelled, data: { ...cancelled.data, reason: 'a\u0000b' } }])).toMatchObject({
      errors: [{ path: 'reason' }],
    });
    expect(refusal([{ ...cancelled, data: { ...cancelled.data, endDate: '9999-12-31' } }])).toMatchObject({
      errors: [{ path: 'endDate' }],
    });
    expect(refusal([anExpenseRecorded({ amountOere: NaN })])).toMatchObject({
      errors: [{ path: 'amountOere' }],
    });
    expect(refusal([anExpenseRecorded({ amountOere: 1n as unknown as number })])).toBeInstanceOf(
      UnstorableEventError,
    );
    // the stored form of each of these is what parseEvent refuses
    expect(() => parseEvent('OfferCancelled', 1, { ...cancelled.data, reason: 'a\u0000b' })).toThrow(
      InvalidEventDataError,
    );
  });
});

describe('assertStorableEvents checks what the log keeps, also of values JSON changes', () => {
  const storable = (fields: Record<string, unknown>) => {
    try {
      assertStorableEvents([{ ...anOfferRegistered(), data: { ...offer, ...fields } } as never]);
      return true;
    } catch (e) {
      if (e instanceof UnstorableEventError) return false;
      throw e;
    }
  };
  // personId: text; provider: an object or null; validityCitations: an array of anything
  const offer = anOfferRegistered().data as unknown as Record<string, unknown>;
  const nested = (depth: number, bottom: unknown) => {
    let value = bottom;
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };

  it('refuses what JSON would not keep or turns into a value the reader refuses', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    for (const bad of [
      { startDate: new Date('2025-02-01T00:00:00Z') }, // JSON writes an instant, not a date
      { personId: Infinity }, // JSON writes null
      { personId: NaN },
      { provider: 1n },
      { provider: () => 'x' },
      { provider: Symbol('x') },
      { provider: undefined }, // left out, and provider is required
      { provider: nested(100, 'x') },
      { validityCitations: cycle },
      { validityCitations: [cycle] },
      { validityCitations: new Set(['x']) }, // JSON writes {}
      { extra: 'x' },
    ])
      expect([bad, storable(bad)]).toEqual([bad, false]);
  });

  it('lets through what JSON turns into a value the reader accepts', () => {
    for (const good of [
      { extra: undefined }, // JSON leaves the member out
      { provider: Infinity }, // JSON writes null, and provider may be null
      { startDate: { toJSON: () => '2025-02-01' } },
      { validityCitations: [undefined, new Array(1), -0, new Date(0), Object.create(null)] },
      { validityCitations: nested(100, 'x') },
      JSON.parse(JSON.stringify(offer)) as Record<string, unknown>,
    ])
      expect([good, storable(good)]).toEqual([good, true]);
  });
});

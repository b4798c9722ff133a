// The explicit schema of every stored event type and version. parseEvent is how anything that
// reads the log (the command handler folding a stream, projections) turns stored data into a
// typed DomainEvent. When a schema changes, add version 2 next to version 1 with an upcaster
// that turns v1 data into the current data, so old events stay readable.
import { accountingYearClosedV1 } from '../finance/accounting-year-closed.event';
import { capParametersSetV1 } from '../finance/cap-parameters-set.event';
import { offerExpenseRecordedV1 } from '../expenses/offer-expense-recorded.event';
import { offerExpenseReversedV1 } from '../expenses/offer-expense-reversed.event';
import { mentorAgreementRegisteredV1 } from '../mentor-agreements/mentor-agreement-registered.event';
import { mentorHoursRecordedV1 } from '../mentor-agreements/mentor-hours-recorded.event';
import { offerCancelledV1 } from '../offers/offer-cancelled.event';
import { offerPeriodChangedV1 } from '../offers/offer-period-changed.event';
import { offerRegisteredV1 } from '../offers/offer-registered.event';
import { targetGroupChangeRetractedV1 } from '../persons/target-group-change-retracted.event';
import { targetGroupChangedV1 } from '../persons/target-group-changed.event';
import { projectExpenseRecordedV1 } from '../projects/project-expense-recorded.event';
import { projectRegisteredV1 } from '../projects/project-registered.event';
import { administrativeShareRecordedV1 } from '../projects/administrative-share-recorded.event';
import { staffTimesheetRecordedV1 } from '../timesheets/staff-timesheet-recorded.event';
import { InvalidEventDataError } from '../shared/invalid-event-data.error';
import { z } from 'zod';
import { check } from '../shared/schema';
import { UnknownEventVersionError } from '../shared/unknown-event-version.error';
import { UnstorableEventError } from '../shared/unstorable-event.error';
import type { DomainEvent, DomainEventType } from './domain-events';

type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/** How to read one stored version of an event type: its schema, and how to bring it to the current version. */
interface StoredVersion<T extends DomainEventType> {
  schema: z.ZodType;
  upcast: (data: never) => EventOf<T>;
}

function current<T extends DomainEventType>(
  type: T,
  schema: z.ZodType<EventOf<T>['data']>,
): StoredVersion<T> {
  return {
    schema,
    upcast: ((data: EventOf<T>['data']) => ({ type, version: 1, data })) as unknown as (
      data: never,
    ) => EventOf<T>,
  };
}

export const EVENT_REGISTRY: { readonly [T in DomainEventType]: Readonly<Record<number, StoredVersion<T>>> } =
  {
    TargetGroupChanged: { 1: current('TargetGroupChanged', targetGroupChangedV1) },
    TargetGroupChangeRetracted: { 1: current('TargetGroupChangeRetracted', targetGroupChangeRetractedV1) },
    OfferRegistered: { 1: current('OfferRegistered', offerRegisteredV1) },
    OfferPeriodChanged: { 1: current('OfferPeriodChanged', offerPeriodChangedV1) },
    OfferCancelled: { 1: current('OfferCancelled', offerCancelledV1) },
    OfferExpenseRecorded: { 1: current('OfferExpenseRecorded', offerExpenseRecordedV1) },
    OfferExpenseReversed: { 1: current('OfferExpenseReversed', offerExpenseReversedV1) },
    MentorAgreementRegistered: { 1: current('MentorAgreementRegistered', mentorAgreementRegisteredV1) },
    MentorHoursRecorded: { 1: current('MentorHoursRecorded', mentorHoursRecordedV1) },
    CapParametersSet: { 1: current('CapParametersSet', capParametersSetV1) },
    AccountingYearClosed: { 1: current('AccountingYearClosed', accountingYearClosedV1) },
    ProjectRegistered: { 1: current('ProjectRegistered', projectRegisteredV1) },
    ProjectExpenseRecorded: { 1: current('ProjectExpenseRecorded', projectExpenseRecordedV1) },
    AdministrativeShareRecorded: {
      1: current('AdministrativeShareRecorded', administrativeShareRecordedV1),
    },
    StaffTimesheetRecorded: { 1: current('StaffTimesheetRecorded', staffTimesheetRecordedV1) },
  };

export const DOMAIN_EVENT_TYPES = Object.keys(EVENT_REGISTRY) as DomainEventType[];

/** Whether the type is one of the domain's event types (any version). */
export function isDomainEventType(type: string): type is DomainEventType {
  return Object.prototype.hasOwnProperty.call(EVENT_REGISTRY, type);
}

/**
 * Validates stored event data against the explicit schema of its type and version and returns
 * the typed event (upcast to the current version). Throws UnknownEventVersionError for an
 * unknown type or version, InvalidEventDataError when the data does not match the schema.
 */
export function parseEvent(type: string, version: number, data: unknown): DomainEvent {
  if (!isDomainEventType(type)) throw new UnknownEventVersionError(type, version);
  const versions = EVENT_REGISTRY[type] as Readonly<Record<number, StoredVersion<DomainEventType>>>;
  const stored =
    Number.isInteger(version) && Object.prototype.hasOwnProperty.call(versions, version)
      ? versions[version]
      : undefined;
  if (!stored) throw new UnknownEventVersionError(type, version);
  const result = check(stored.schema, data);
  if (!result.ok) throw new InvalidEventDataError(type, version, result.issues);
  return stored.upcast(result.value as never);
}

/**
 * Parity of write and read: every new event must be one every reader accepts. Checks each event,
 * as its JSON will be read back, against the stored schema of its type and version; throws
 * UnstorableEventError (nothing is appended) for the first that fails.
 */
export function assertStorableEvents(events: readonly DomainEvent[]): void {
  for (const event of events) {
    const stored = EVENT_REGISTRY[event.type][event.version] as StoredVersion<DomainEventType> | undefined;
    if (!stored)
      throw new UnstorableEventError(event.type, [
        { path: 'version', message: `${event.version} is not a stored version` },
      ]);
    const data = keptByJson(event.data, 0) ? event.data : asStoredJson(event.data);
    const result = check(stored.schema, data);
    if (!result.ok) throw new UnstorableEventError(event.type, result.issues);
  }
}

/** Deeper than any event's data: a value nested deeper is checked through its JSON. */
const MAX_KEPT_DEPTH = 32;

/**
 * Whether the log's JSON gives the value back equal to itself, so that checking it is checking
 * what a reader gets (without writing and reading the JSON of every new event): strings,
 * booleans, null, finite numbers but -0, and arrays without holes and plain objects of those,
 * no member undefined.
 */
function keptByJson(value: unknown, depth: number): boolean {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || depth >= MAX_KEPT_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++)
      if (!(i in value) || !keptByJson(value[i], depth + 1)) return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  for (const key in value) if (!keptByJson((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/** The value as a reader gets it back from the log's JSON; undefined for what JSON cannot hold (a bigint, a cycle). */
function asStoredJson(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return undefined;
  }
}

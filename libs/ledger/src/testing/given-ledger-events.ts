// given/when/then for the municipality ledger, in jest:
//
//   const l = ledgerEvents();
//   givenEvents([l.at('2025-04-10T09:00:00Z').targetGroupChanged('p1', 'jobafklaring', '2025-01-01')])
//     .when(l.at('2025-04-10T09:05:00Z').expenseRecorded('p1', 'o1', 'e1', '10000.00', '2025-03-01', '2025-03-31'))
//     .thenPostings([['original', 'jobafklaring', '2025-03-01', '2025-03-31', '10000.00', '50', '5000.00', '2025-04']]);
//
// The events are applied one by one with applyToLedger to a municipality whose persons are
// created as ledgerScope names them (so a missing scope fails the test). The rulebook is the
// real one, in the version the test starts with, until a rulebookAdopted entry adopts another. Postings are compared briefly, money in kroner with øre.
import {
  addDays,
  formatBasisPoints,
  formatOere,
  parseKroner,
  type DomainEvent,
  type DomainEventType,
  type ExpenseType,
  type OfferKind,
  type TargetGroup,
  type TargetGroupAttributes,
} from '@app/domain';
import { type CapId, type Rulebook, rulebooks } from '@app/rules';
import type { Posting } from '../posting.types';
import { adoptRulebook, applyToLedger, type LedgerEvent } from '../municipality-ledger/apply-to-ledger';
import type { LedgerOutcome } from '../municipality-ledger/ledger-facts';
import {
  emptyPersonLedger,
  ledgerScope,
  type MunicipalityLedger,
  type PersonLedger,
} from '../municipality-ledger/ledger-state';
import { personsOfProject, type ProjectLedger } from '../municipality-ledger/project-ledger';
import type { TimesheetLedger } from '../municipality-ledger/timesheet-split';

/** [kind, targetGroup, activityFrom, activityTo, amount, refund rate %, refund, bookingPeriod] */
type PostingBrief = [string, string | null, string, string, string, string | null, string | null, string];

export const brief = (p: Posting): PostingBrief => [
  p.kind,
  p.targetGroup,
  p.activityFrom,
  p.activityTo,
  formatOere(p.amountOere),
  p.refundRateBasisPoints === null ? null : formatBasisPoints(p.refundRateBasisPoints),
  p.refundOere === null ? null : formatOere(p.refundOere),
  p.bookingPeriod,
];

type TestLedger = MunicipalityLedger & {
  persons: Map<string, PersonLedger>;
  projects: Map<string, ProjectLedger>;
  timesheets: {
    get(staffId: string, timesheetId: string): TimesheetLedger | undefined;
    set(t: TimesheetLedger): void;
  };
};

function newMunicipalityLedger(municipality: string): TestLedger {
  return {
    municipality,
    books: { closedYears: new Set(), caps: new Map() },
    persons: new Map(),
    projects: new Map(),
    timesheets: timesheetMap(),
  };
}

function timesheetMap() {
  const held = new Map<string, TimesheetLedger>();
  return {
    get: (staffId: string, timesheetId: string) => held.get(`${staffId}/${timesheetId}`),
    set: (t: TimesheetLedger) => void held.set(`${t.staffId}/${t.timesheetId}`, t),
  };
}

/** A RulebookAdopted of the log, as the ledger sees it. */
export interface AdoptionEntry {
  adoption: true;
  id: string;
  commandId: string;
  recordedAt: string;
  version: string;
}

type LogEntry = LedgerEvent | AdoptionEntry;

/** A municipality ledger fed one log entry after the other, each under the rulebook version in force at it. */
function ledgerFeed(initialVersion: string) {
  const ledger = newMunicipalityLedger('101');
  let inForce: Rulebook = rulebooks.of(initialVersion);
  /**
   * Applies one entry: an event (creating the persons its scope names first, its projects' participants too), or an
   * adoption of the persons so far.
   */
  const apply = (entry: LogEntry): LedgerOutcome => {
    if ('adoption' in entry) {
      inForce = rulebooks.of(entry.version);
      return adoptRulebook(
        ledger,
        entry,
        [...ledger.persons.keys()],
        inForce,
        (p) => rulebooks.of(p.rulebookVersion ?? initialVersion).capYearOf,
      );
    }
    const scope = ledgerScope(entry.event);
    const projects = scope.projectIds.flatMap((id) => ledger.projects.get(id) ?? []);
    for (const personId of [...scope.personIds, ...projects.flatMap(personsOfProject)])
      if (!ledger.persons.has(personId)) ledger.persons.set(personId, emptyPersonLedger());
    return applyToLedger(ledger, entry, inForce);
  };
  return { ledger, apply };
}

/**
 * `rulebook`: the version in force before the first adoption of the history (default: the
 * current one, so scenarios test the rules this code adopts).
 */
export function givenEvents(history: LogEntry[], o: { rulebook?: string } = {}) {
  const { ledger, apply } = ledgerFeed(o.rulebook ?? rulebooks.current);
  return {
    ledger,
    /** Applies the history, then `events`; the outcome is that of the events after the history. */
    when(...events: LogEntry[]) {
      for (const e of history) apply(e);
      const outcomes = events.map(apply);
      const postings = outcomes.flatMap((o) => o.postings.map((p) => p.posting));
      return {
        ledger,
        outcomes,
        postings,
        thenPostings(expected: PostingBrief[]): Posting[] {
          expect(postings.map(brief)).toEqual(expected);
          return postings;
        },
      };
    },
  };
}

let sequence = 0;
/** A unique id for test events (event ids and command ids are uuids in the log; any string does here). */
const nextId = (prefix: string) => `${prefix}-${++sequence}`;

export interface MentorAgreement {
  agreementId: string;
  mentorType: 'company' | 'education' | 'social';
  startDate: string;
  endDate: string;
}

/** Whose expense, on which offer, its amount in kroner and its activity period. */
type ExpenseFacts = [
  personId: string,
  offerId: string,
  expenseId: string,
  amount: string,
  activityFrom: string,
  activityTo: string,
];

/** The data an offer expense's events share; of ordinary education, a course fee unless said. */
const expenseData = (
  [personId, offerId, expenseId, amount, activityFrom, activityTo]: ExpenseFacts,
  o: { offerKind?: OfferKind; expenseType?: ExpenseType } = {},
) => ({
  expenseId,
  offerId,
  personId,
  offerKind: o.offerKind ?? ('ordinary_education' as const),
  expenseType: o.expenseType ?? ('course_fee' as const),
  amountOere: parseKroner(amount),
  activityFrom,
  activityTo,
});

/** The data an offer's events share: whose offer of ordinary education, and its project if it takes part in one. */
const offerData = (personId: string, offerId: string, projectId: string | undefined) => ({
  offerId,
  personId,
  offerKind: 'ordinary_education' as const,
  ...(projectId && { projectId }),
});

/** A registration of ordinary education (an offer's or a project's) with nothing to check: no category, frame or provider. */
const registrationData = (startDate: string, endDate: string, recordedAtIso: string) => ({
  offerKind: 'ordinary_education' as const,
  startDate,
  endDate,
  offerCategory: null,
  fundingFrame: null,
  provider: null,
  registrationDate: recordedAtIso.slice(0, 10),
  validityCitations: [],
});

/** Builders of the ledger's events, recorded at an instant; ids are made up unless given. */
export function ledgerEvents() {
  return {
    at(recordedAt: string, ids: { eventId?: string; commandId?: string } = {}) {
      const recordedAtIso = new Date(recordedAt).toISOString();
      const entry = () => ({
        id: ids.eventId ?? nextId('event'),
        commandId: ids.commandId ?? nextId('command'),
        recordedAt: recordedAtIso,
      });
      /** The event of `type` (in its current version) with `data`, as a log entry at this instant. */
      const make = <T extends DomainEventType>(
        type: T,
        data: Extract<DomainEvent, { type: T }>['data'],
      ): LedgerEvent => ({ ...entry(), event: { type, version: 1, data } as DomainEvent });
      return {
        /** A new rulebook version adopted at this point of the log. */
        rulebookAdopted: (version: string): AdoptionEntry => ({ adoption: true, ...entry(), version }),
        targetGroupChanged: (
          personId: string,
          targetGroup: TargetGroup,
          effectiveFrom: string,
          o: { attributes?: TargetGroupAttributes; changeCommandId?: string } = {},
        ) =>
          make('TargetGroupChanged', {
            personId,
            changeCommandId: o.changeCommandId ?? nextId('change'),
            targetGroup,
            attributes: o.attributes ?? {},
            effectiveFrom,
            reason: null,
          }),
        targetGroupChangeRetracted: (
          personId: string,
          changeCommandId: string,
          retractedTargetGroup: TargetGroup,
          retractedEffectiveFrom: string,
        ) =>
          make('TargetGroupChangeRetracted', {
            personId,
            changeCommandId,
            reason: 'registered in error',
            retractedTargetGroup,
            retractedEffectiveFrom,
          }),
        offerRegistered: (
          personId: string,
          offerId: string,
          startDate: string,
          endDate: string,
          o: { projectId?: string } = {},
        ) =>
          make('OfferRegistered', {
            ...offerData(personId, offerId, o.projectId),
            ...registrationData(startDate, endDate, recordedAtIso),
          }),
        offerPeriodChanged: (
          personId: string,
          offerId: string,
          previous: [string, string],
          period: [string, string],
          o: { projectId?: string } = {},
        ) =>
          make('OfferPeriodChanged', {
            ...offerData(personId, offerId, o.projectId),
            startDate: period[0],
            endDate: period[1],
            previousStartDate: previous[0],
            previousEndDate: previous[1],
            validityCitations: [],
          }),
        offerCancelled: (
          personId: string,
          offerId: string,
          startDate: string,
          endDate: string,
          reason = 'never took place',
          o: { projectId?: string } = {},
        ) =>
          make('OfferCancelled', {
            ...offerData(personId, offerId, o.projectId),
            startDate,
            endDate,
            reason,
          }),
        /** A project of ordinary education (the kind its participants' offers take) without a frame. */
        projectRegistered: (projectId: string, startDate: string, endDate: string) =>
          make('ProjectRegistered', {
            projectId,
            name: `project ${projectId}`,
            ...registrationData(startDate, endDate, recordedAtIso),
          }),
        /** `bookingDate`: the municipality's booking date the command gave. */
        projectExpenseRecorded: (
          projectId: string,
          expenseId: string,
          amount: string,
          activityFrom: string,
          activityTo: string,
          o: {
            bookingDate?: string;
            expenseType?: 'course_fee' | 'rent';
            unemploymentMonthsAt?: 'offer_start';
          } = {},
        ) =>
          make('ProjectExpenseRecorded', {
            expenseId,
            projectId,
            offerKind: 'ordinary_education',
            fundingFrame: null,
            expenseType: o.expenseType ?? 'course_fee',
            amountOere: parseKroner(amount),
            activityFrom,
            activityTo,
            invoiceRef: null,
            ...(o.bookingDate && { bookingDate: o.bookingDate }),
            ...(o.unemploymentMonthsAt && { unemploymentMonthsAt: o.unemploymentMonthsAt }),
          }),
        /**
         * `fundingFrame`: the offer's bevillingsramme as the decider copied it (absent as in events written before it
         * was copied); `bookingDate`: the municipality's booking date the command gave.
         */
        expenseRecorded: (
          ...[personId, offerId, expenseId, amount, activityFrom, activityTo, o = {}]: [
            ...ExpenseFacts,
            o?: {
              fundingFrame?: string;
              bookingDate?: string;
              offerKind?: OfferKind;
              expenseType?: ExpenseType;
            },
          ]
        ) =>
          make('OfferExpenseRecorded', {
            ...expenseData([personId, offerId, expenseId, amount, activityFrom, activityTo], o),
            invoiceRef: null,
            ...(o.fundingFrame && { fundingFrame: o.fundingFrame }),
            ...(o.bookingDate && { bookingDate: o.bookingDate }),
          }),
        expenseReversed: (...expense: ExpenseFacts) =>
          make('OfferExpenseReversed', { ...expenseData(expense), reason: 'booked in error' }),
        /** `cost` = contact hours × hourly cost, as the decider computed it (libs/domain mentor-cost.ts). */
        mentorHoursRecorded: (
          personId: string,
          agreement: MentorAgreement,
          date: string,
          hours: { contactHours: string; hourlyCost: string; cost: string },
        ) =>
          make('MentorHoursRecorded', {
            agreementId: agreement.agreementId,
            personId,
            offerId: null,
            mentorType: agreement.mentorType,
            mentorKind: 'employee',
            agreementStartDate: agreement.startDate,
            agreementEndDate: agreement.endDate,
            date,
            contactHours: hours.contactHours,
            preparationHours: null,
            hourlyCostOere: parseKroner(hours.hourlyCost),
            feeOere: null,
            costOere: parseKroner(hours.cost),
          }),
        /** A carve-out of a project (its id) or of an offer outside a project (and its person), as the decider measured it (libs/domain administrative-share.ts): `lines` of standard_price, or `hours` × `hourlyCost`; `bookingDate` as the command gave it. */
        administrativeShareRecorded: (
          target: string | { offerId: string; personId: string },
          shareId: string,
          activityFrom: string,
          activityTo: string,
          m:
            | {
                area: { expenseId: string; expenseAmount: string; administration: string; total: string };
                amount: string;
              }
            | {
                lines: {
                  activity: 'job_interview' | 'job_plan' | 'project_administration';
                  count: number;
                  hoursEach: string;
                  hourlyRate: string;
                  amount: string;
                }[];
              }
            | { hours: string; hourlyCost: string; amount: string },
          o: { bookingDate?: string } = {},
        ) =>
          make('AdministrativeShareRecorded', {
            shareId,
            ...(typeof target === 'string' ? { projectId: target } : target),
            activityFrom,
            activityTo,
            method: 'lines' in m ? 'standard_price' : 'area' in m ? 'area' : 'time_registration',
            lines:
              'lines' in m
                ? m.lines.map((l) => ({
                    activity: l.activity,
                    count: l.count,
                    hoursEach: l.hoursEach,
                    hourlyRateOere: parseKroner(l.hourlyRate),
                    amountOere: parseKroner(l.amount),
                  }))
                : [],
            hours: 'hours' in m ? m.hours : null,
            hourlyCostOere: 'hours' in m ? parseKroner(m.hourlyCost) : null,
            ...('area' in m && {
              area: { ...m.area, expenseAmountOere: parseKroner(m.area.expenseAmount) },
            }),
            amountOere:
              'lines' in m
                ? m.lines.reduce((sum, l) => sum + parseKroner(l.amount), 0)
                : parseKroner(m.amount),
            priceLevelYear: 2025,
            methodReference: 'Metode 1a, kommunens notat af 2025-01-15',
            ...(o.bookingDate && { bookingDate: o.bookingDate }),
          }),
        /** A revision of a Bilag 2 timesheet as the decider records it (days in date order, hours canonical). */
        staffTimesheetRecorded: (
          t: { staffId: string; timesheetId: string; revision: number; week: string; weekFrom: string },
          salaryCost: string,
          days: {
            date: string;
            hoursWorked: string;
            offerHours: { projectId?: string; offerId?: string; hours: string }[];
            administrationHours: string;
          }[],
          o: {
            offers?: {
              offerId: string;
              personId: string;
              offerKind: OfferKind;
              fundingFrame: string | null;
            }[];
            replaces?: {
              revision: number;
              projectIds: string[];
              offers: { offerId: string; personId: string }[];
            };
            bookingDate?: string;
          } = {},
        ) =>
          make('StaffTimesheetRecorded', {
            ...t,
            staffCategory: 'Jobkonsulent',
            weekTo: addDays(t.weekFrom, 6),
            salaryCostOere: parseKroner(salaryCost),
            days,
            approvedBy: { employee: 'Anne Jensen', manager: 'Lars Holm' },
            offers: o.offers ?? [],
            replaces: o.replaces ?? null,
            ...(o.bookingDate && { bookingDate: o.bookingDate }),
          }),
        capParametersSet: (
          year: number,
          cap: CapId,
          amountPerFullYearPerson: string,
          fullYearPersons: string,
        ) =>
          make('CapParametersSet', {
            year,
            cap,
            amountPerFullYearPersonOere: parseKroner(amountPerFullYearPerson),
            fullYearPersonsHundredths: parseKroner(fullYearPersons),
            reason: null,
          }),
        accountingYearClosed: (year: number) => make('AccountingYearClosed', { year, reason: null }),
      };
    },
  };
}

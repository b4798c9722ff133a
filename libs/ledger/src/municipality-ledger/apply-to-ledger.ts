// What one event does to a municipality's ledger: its facts (changes, offers, cost items, cap
// parameters, closings) and its postings — the person's regrouping (regroup.ts), then the cap
// stage over what it posted (caps/cap-restatement.ts). Pure; it updates `ledger` in place, so
// the next event sees this one. Every event is judged under the rulebook version in force at its
// log position; a new version's adoption re-judges the municipality's open cost items
// (startAdoption).
import type { DomainEvent } from '@app/domain';
import type { Rulebook } from '@app/rules';
import type { DecideRefund } from '../allocate';
import {
  countAgainstCaps,
  countPostings,
  recountPostings,
  restateEveryCapYear,
  type CapYear,
  setCapParameters,
  type CapRestatement,
} from '../caps/cap-restatement';
import type { Cause, Posting } from '../posting.types';
import { expenseItem, expenseItemId, mentorItem } from './cost-items';
import { regroup } from './regroup';
import type { ProjectExpense, ProjectLedger } from './project-ledger';
import { reallocateProject } from './project-reallocation';
import { applyTimesheet } from './timesheet-ledger';
import { deductOfferCarveOuts, offerCarveOutsIn, recordOfferCarveOut } from './offer-carve-outs';
import { carveOutRecorded } from './project-carve-outs';
import type { LedgerFact, LedgerOutcome, LedgerPosting } from './ledger-facts';
import {
  reverseIfOfferCancelled,
  type MunicipalityLedger,
  type PersonLedger,
  type StoredCostItem,
} from './ledger-state';

/** An event of the log with what the ledger needs of its metadata. */
export interface LedgerEvent {
  id: string;
  commandId: string;
  /** ISO 8601 UTC. */
  recordedAt: string;
  event: DomainEvent;
}

type PersonEvent = Exclude<
  DomainEvent,
  {
    type:
      | 'CapParametersSet'
      | 'AccountingYearClosed'
      | 'ProjectRegistered'
      | 'ProjectExpenseRecorded'
      | 'AdministrativeShareRecorded'
      | 'StaffTimesheetRecorded';
  }
>;
type ProjectEvent = Extract<
  DomainEvent,
  { type: 'ProjectRegistered' | 'ProjectExpenseRecorded' | 'AdministrativeShareRecorded' }
>;

export function applyToLedger(
  ledger: MunicipalityLedger,
  recorded: LedgerEvent,
  rulebook: Rulebook,
): LedgerOutcome {
  const { event } = recorded;
  const cause = causeOf(recorded, rulebook);
  const { decide } = rulebook;
  const facts: LedgerFact[] = [];
  const { books } = ledger;
  if (event.type === 'AccountingYearClosed') {
    books.closedYears.add(event.data.year);
    facts.push({ type: 'accounting_year_closed', year: event.data.year, reason: event.data.reason });
    return { facts, postings: [] };
  }
  if (event.type === 'CapParametersSet') {
    const d = event.data;
    const parameters = {
      amountPerFullYearPersonOere: d.amountPerFullYearPersonOere,
      fullYearPersonsHundredths: d.fullYearPersonsHundredths,
    };
    facts.push({ type: 'cap_parameters_set', year: d.year, cap: d.cap, parameters, reason: d.reason });
    return withCaps(
      facts,
      [],
      setCapParameters(
        books,
        ledger.municipality,
        d.year,
        d.cap,
        parameters,
        cause,
        rulebook.capAdjustmentAccounts,
      ),
    );
  }
  if (event.type === 'AdministrativeShareRecorded' && event.data.projectId === undefined)
    return withCountedCaps(
      ledger,
      facts,
      recordOfferCarveOut(ledger, personOf(ledger, event.data.personId!), event, cause, facts, decide),
      cause,
      rulebook,
    );
  if (
    event.type === 'ProjectRegistered' ||
    event.type === 'ProjectExpenseRecorded' ||
    event.type === 'AdministrativeShareRecorded'
  ) {
    return withCountedCaps(
      ledger,
      facts,
      applyToProject(ledger, event, cause, facts, decide),
      cause,
      rulebook,
    );
  }
  if (event.type === 'StaffTimesheetRecorded')
    return withCountedCaps(
      ledger,
      facts,
      applyTimesheet(ledger, event, cause, facts, decide),
      cause,
      rulebook,
    );
  return withCountedCaps(
    ledger,
    facts,
    applyToPerson(ledger, personOf(ledger, event.data.personId), event, cause, facts, decide),
    cause,
    rulebook,
  );
}

/** The event's postings counted against the caps they are booked under, with the adjustments that follow on the accounts the rulebook says. */
function withCountedCaps(
  ledger: MunicipalityLedger,
  facts: LedgerFact[],
  postings: LedgerPosting[],
  cause: Cause,
  rulebook: Rulebook,
): LedgerOutcome {
  const counted = countAgainstCaps(
    ledger.books,
    postings.map((p) => p.posting),
    cause,
    rulebook,
  );
  return withCaps(facts, postings, counted);
}

/**
 * What causes the event's postings: the event, and the booking date it gives (an expense's, a timesheet's or a carve-out's
 * bookingDate), which books them — cap adjustments too — in that date's period rather than the recorded month
 * (caps/closing.ts).
 * Later events that correct them give none: they are booked when recorded. Its postings carry the
 * rulebook version in force at it.
 */
function causeOf(recorded: LedgerEvent, rulebook: Rulebook): Cause {
  const cause = plainCause(recorded, rulebook);
  const { event } = recorded;
  const bookingDate =
    event.type === 'OfferExpenseRecorded' ||
    event.type === 'ProjectExpenseRecorded' ||
    event.type === 'StaffTimesheetRecorded' ||
    event.type === 'AdministrativeShareRecorded'
      ? event.data.bookingDate
      : undefined;
  if (bookingDate !== undefined) {
    // set member by member: an object spread is many times slower on V8, for every expense
    cause.bookingPeriod = bookingDate.slice(0, 7);
    cause.bookingDate = bookingDate;
  }
  return cause;
}

const plainCause = (recorded: Omit<LedgerEvent, 'event'>, rulebook: Rulebook): Cause => ({
  eventId: recorded.id,
  commandId: recorded.commandId,
  recordedAt: recorded.recordedAt,
  rulebookVersion: rulebook.version,
});

/**
 * A rulebook version adopted (RulebookAdopted at this log position), re-judged a few persons at a
 * time so that a municipality of any size needs the ledgers of only so many in memory: `rejudge`
 * judges every open cost item of the persons given again under the version and returns exactly
 * the differences — reversals and rebookings in the adoption's booking period, caused by the
 * adoption — counted against the caps (their postings so far moved to the cap year the version
 * says, where it differs from the one they were counted against: `countedUnder` gives the reading
 * of the version a posting was made under); once every person of the municipality with cost items has
 * been given (once each; the order is the postings' order), `finish` restates every open cap year over them, on
 * the accounts the new version says (its adjustments may move between refund accounts).
 */
export interface RulebookReadoption {
  rejudge(persons: readonly PersonLedger[]): LedgerPosting[];
  finish(): LedgerOutcome;
}

export function startAdoption(
  ledger: Pick<MunicipalityLedger, 'books'>,
  adoption: Omit<LedgerEvent, 'event'>,
  rulebook: Rulebook,
  countedUnder: (posting: Posting) => Rulebook['capYearOf'],
): RulebookReadoption {
  const cause = plainCause(adoption, rulebook);
  const { books } = ledger;
  const touched = new Map<string, CapYear>();
  return {
    rejudge(persons) {
      for (const person of persons) recountPostings(books, person.postings, countedUnder, rulebook.capYearOf);
      const postings = persons.flatMap((person) =>
        regroup(person, [...person.items.values()], books.closedYears, cause, rulebook.decide),
      );
      countPostings(
        books,
        postings.map((p) => p.posting),
        rulebook.capYearOf,
        touched,
      );
      return postings;
    },
    finish: () =>
      withCaps([], [], restateEveryCapYear(books, touched, cause, rulebook.capAdjustmentAccounts)),
  };
}

/** The whole adoption at once, for a ledger held in memory whole. `personIds`: every person of the municipality with cost items. */
export function adoptRulebook(
  ledger: MunicipalityLedger,
  adoption: Omit<LedgerEvent, 'event'>,
  personIds: readonly string[],
  rulebook: Rulebook,
  countedUnder: (posting: Posting) => Rulebook['capYearOf'],
): LedgerOutcome {
  const readoption = startAdoption(ledger, adoption, rulebook, countedUnder);
  const persons = personIds.map((personId) => {
    const person = ledger.persons.get(personId);
    if (!person)
      throw new Error(`person ${personId} of municipality ${ledger.municipality} is not loaded (adoption)`);
    return person;
  });
  const postings = readoption.rejudge(persons);
  const caps = readoption.finish();
  return { facts: caps.facts, postings: [...postings, ...caps.postings] };
}

/** The person's facts and the postings of the cost items the event affects. */
function applyToPerson(
  ledger: MunicipalityLedger,
  person: PersonLedger,
  event: PersonEvent,
  cause: Cause,
  facts: LedgerFact[],
  decide: DecideRefund,
): LedgerPosting[] {
  const { municipality, books } = ledger;
  const { recordedAt } = cause;
  const regroupItems = (items: StoredCostItem[]) => regroup(person, items, books.closedYears, cause, decide);
  /** The offer's carve-outs over from..to (all of them without a period) deducted again from its expenses as they stand. */
  const deductAgain = (offerId: string, period?: { from: string; to: string }) =>
    deductOfferCarveOuts(
      ledger,
      person,
      period
        ? offerCarveOutsIn(person, offerId, period.from, period.to)
        : person.offerCarveOuts.filter((c) => c.offerId === offerId),
      cause,
      facts,
      decide,
    );
  const all = () => [...person.items.values()];
  switch (event.type) {
    case 'TargetGroupChanged': {
      const d = event.data;
      const change = {
        changeCommandId: d.changeCommandId,
        targetGroup: d.targetGroup,
        attributes: d.attributes,
        effectiveFrom: d.effectiveFrom,
        recordedAt,
        retractedAt: null,
      };
      person.changes.push(change);
      facts.push({ type: 'target_group_changed', personId: d.personId, change, reason: d.reason });
      return regroupItems(all());
    }
    case 'TargetGroupChangeRetracted': {
      const d = event.data;
      const change = person.changes.find((c) => c.changeCommandId === d.changeCommandId);
      if (change) change.retractedAt = recordedAt;
      facts.push({
        type: 'target_group_change_retracted',
        changeCommandId: d.changeCommandId,
        reason: d.reason,
      });
      return regroupItems(all());
    }
    case 'OfferRegistered':
    case 'OfferPeriodChanged':
      facts.push({ type: 'offer_version', event });
      return participationChanged(ledger, event, cause, facts, decide);
    case 'OfferCancelled': {
      facts.push({ type: 'offer_version', event });
      person.cancelledOffers.set(event.data.offerId, event.data.reason);
      const reallocated = participationChanged(ledger, event, cause, facts, decide);
      // A cancelled offer's costs are reversed, not rebooked (VEJ 9584: no refund for an offer that did not take place).
      const ofOffer = all().filter((i) => i.offerId === event.data.offerId && !i.reversed);
      for (const item of ofOffer) {
        item.reversed = true;
        facts.push({
          type: 'cost_item_reversed',
          costItemId: item.costItemId,
          reason: `offer cancelled: ${event.data.reason}`,
        });
      }
      return [...reallocated, ...regroupItems(ofOffer), ...deductAgain(event.data.offerId)];
    }
    case 'OfferExpenseRecorded': {
      const item = expenseItem(municipality, event.data);
      person.items.set(item.costItemId, item);
      facts.push({ type: 'expense_recorded', item, invoiceRef: event.data.invoiceRef });
      reversedOnArrival(person, item, facts);
      return [
        ...regroupItems([item]),
        ...deductAgain(item.offerId!, { from: item.activityFrom, to: item.activityTo }),
      ];
    }
    case 'OfferExpenseReversed': {
      const item = person.items.get(expenseItemId(event.data.expenseId));
      if (!item) return [];
      item.reversed = true;
      facts.push({ type: 'cost_item_reversed', costItemId: item.costItemId, reason: event.data.reason });
      return [
        ...regroupItems([item]),
        ...deductAgain(item.offerId!, { from: item.activityFrom, to: item.activityTo }),
      ];
    }
    case 'MentorAgreementRegistered':
      facts.push({ type: 'mentor_agreement_registered', agreement: event.data });
      return [];
    case 'MentorHoursRecorded': {
      const item = mentorItem(municipality, cause.eventId, event.data);
      person.items.set(item.costItemId, item);
      facts.push({ type: 'mentor_hours_recorded', item, hours: event.data });
      reversedOnArrival(person, item, facts);
      return regroupItems([item]);
    }
  }
}

/** A new item of an offer cancelled before it arrived is reversed, with the cancellation's reason. */
function reversedOnArrival(person: PersonLedger, item: StoredCostItem, facts: LedgerFact[]): void {
  const reason = reverseIfOfferCancelled(person, item);
  if (reason !== null) facts.push({ type: 'cost_item_reversed', costItemId: item.costItemId, reason });
}

/** A project registered, a cost of it recorded and shared out, or an administrative share carved out of its costs. */
function applyToProject(
  ledger: MunicipalityLedger,
  event: ProjectEvent,
  cause: Cause,
  facts: LedgerFact[],
  decide: DecideRefund,
): LedgerPosting[] {
  if (event.type === 'ProjectRegistered') {
    const project: ProjectLedger = {
      projectId: event.data.projectId,
      name: event.data.name,
      offerKind: event.data.offerKind,
      fundingFrame: event.data.fundingFrame,
      startDate: event.data.startDate,
      endDate: event.data.endDate,
      registeredAt: cause.recordedAt,
      participants: [],
      expenses: [],
      carveOuts: [],
      ownPostings: [],
    };
    // ledgerScope loaded the project if it was registered before: a second registration replaces it.
    const created = ledger.projects.get(project.projectId) === undefined;
    ledger.projects.set(project.projectId, project);
    facts.push({ type: 'project_changed', project, created });
    return [];
  }
  // A carve-out here is a project's (applyToLedger gives an offer's to its person).
  const project = projectOf(ledger, event.data.projectId!);
  if (event.type === 'AdministrativeShareRecorded') {
    const carveOut = carveOutRecorded(event.data, cause.recordedAt);
    project.carveOuts.push(carveOut);
    const postings = reallocateProject(ledger, project, [], cause, facts, decide, [carveOut]);
    facts.push({ type: 'project_changed', project, created: false });
    return postings;
  }
  const expense: ProjectExpense = {
    expenseId: event.data.expenseId,
    expenseType: event.data.expenseType,
    amountOere: event.data.amountOere,
    activityFrom: event.data.activityFrom,
    activityTo: event.data.activityTo,
    invoiceRef: event.data.invoiceRef,
    ...(event.data.unemploymentMonthsAt && { unemploymentMonthsAt: event.data.unemploymentMonthsAt }),
    totalParticipantDays: 0,
    shares: [],
  };
  project.expenses.push(expense);
  const postings = reallocateProject(ledger, project, [expense], cause, facts, decide);
  facts.push({ type: 'project_changed', project, created: false });
  return postings;
}

/** A participant joined, changed period or was cancelled: the expenses of both periods are shared out again. */
function participationChanged(
  ledger: MunicipalityLedger,
  event: Extract<DomainEvent, { type: 'OfferRegistered' | 'OfferPeriodChanged' | 'OfferCancelled' }>,
  cause: Cause,
  facts: LedgerFact[],
  decide: DecideRefund,
): LedgerPosting[] {
  const d = event.data;
  if (d.projectId === undefined) return [];
  const project = projectOf(ledger, d.projectId);
  let participant = project.participants.find((p) => p.offerId === d.offerId);
  const periods = participant ? [{ from: participant.from, to: participant.to }] : [];
  if (!participant) {
    participant = {
      offerId: d.offerId,
      personId: d.personId,
      from: d.startDate,
      to: d.endDate,
      cancelled: false,
    };
    project.participants.push(participant);
  }
  participant.from = d.startDate;
  participant.to = d.endDate;
  participant.cancelled = event.type === 'OfferCancelled';
  periods.push({ from: d.startDate, to: d.endDate });
  const affected = project.expenses.filter((e) =>
    periods.some((p) => p.from <= e.activityTo && p.to >= e.activityFrom),
  );
  const postings = reallocateProject(ledger, project, affected, cause, facts, decide);
  facts.push({ type: 'project_changed', project, created: false });
  return postings;
}

function personOf(ledger: MunicipalityLedger, personId: string): PersonLedger {
  const person = ledger.persons.get(personId);
  if (!person)
    throw new Error(`person ${personId} of municipality ${ledger.municipality} is not loaded (ledgerScope)`);
  return person;
}

function projectOf(ledger: MunicipalityLedger, projectId: string): ProjectLedger {
  const project = ledger.projects.get(projectId);
  if (!project)
    throw new Error(
      `project ${projectId} of municipality ${ledger.municipality} is not loaded (ledgerScope)`,
    );
  return project;
}

/** The outcome with the cap stage's adjustments after the event's own postings, and its cap years' figures as facts. */
function withCaps(facts: LedgerFact[], postings: LedgerPosting[], caps: CapRestatement): LedgerOutcome {
  for (const { posting, computation, relatesToClosedYear } of caps.adjustments) {
    postings.push({ posting, relatesToClosedYear });
    facts.push({ type: 'cap_restated', entryId: posting.entryId, computation });
  }
  for (const c of caps.changed)
    facts.push({
      type: 'cap_year_changed',
      capYear: {
        ...c,
        parameters: c.parameters && { ...c.parameters },
        refundAccount: c.refundAccount && { ...c.refundAccount },
        accounts: c.accounts.map((a) => ({ ...a, refundAccount: a.refundAccount && { ...a.refundAccount } })),
      },
    });
  return { facts, postings };
}

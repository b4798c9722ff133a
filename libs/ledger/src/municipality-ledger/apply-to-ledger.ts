// What one event does to a municipality's ledger: its facts (changes, offers, cost items, cap
// parameters, closings) and its postings — the person's regrouping (regroup.ts), then the cap
// stage over what it posted (caps/cap-restatement.ts). Pure; it updates `ledger` in place, so
// the next event sees this one.
import type { DomainEvent } from '@app/domain';
import type { DecideRefund } from '../allocate';
import { countAgainstCaps, setCapParameters, type CapRestatement } from '../caps/cap-restatement';
import type { Cause } from '../posting.types';
import { expenseItem, expenseItemId, mentorItem } from './cost-items';
import { regroup } from './regroup';
import type { LedgerFact, LedgerOutcome, LedgerPosting } from './ledger-facts';
import type { MunicipalityLedger, PersonLedger, StoredCostItem } from './ledger-state';

/** An event of the log with what the ledger needs of its metadata. */
export interface LedgerEvent {
  id: string;
  commandId: string;
  /** ISO 8601 UTC. */
  recordedAt: string;
  event: DomainEvent;
}

type PersonEvent = Exclude<DomainEvent, { type: 'CapParametersSet' | 'AccountingYearClosed' }>;

export function applyToLedger(
  ledger: MunicipalityLedger,
  recorded: LedgerEvent,
  decide: DecideRefund,
): LedgerOutcome {
  const { event } = recorded;
  const cause = causeOf(recorded);
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
      setCapParameters(books, ledger.municipality, d.year, d.cap, parameters, cause),
    );
  }
  const person = ledger.persons.get(event.data.personId);
  if (!person)
    throw new Error(
      `person ${event.data.personId} of municipality ${ledger.municipality} is not loaded (ledgerScope)`,
    );
  const postings = applyToPerson(ledger, person, event, cause, facts, decide);
  return withCaps(
    facts,
    postings,
    countAgainstCaps(
      books,
      postings.map((p) => p.posting),
      cause,
    ),
  );
}

/**
 * What causes the event's postings: the event, and the booking date it gives (an expense's bookingDate), which
 * books them — cap adjustments too — in that date's period rather than the recorded month (caps/closing.ts).
 * Later events that correct them give none: they are booked when recorded.
 */
function causeOf(recorded: LedgerEvent): Cause {
  const cause: Cause = {
    eventId: recorded.id,
    commandId: recorded.commandId,
    recordedAt: recorded.recordedAt,
  };
  const bookingDate =
    recorded.event.type === 'OfferExpenseRecorded' ? recorded.event.data.bookingDate : undefined;
  if (bookingDate === undefined) return cause;
  return { ...cause, bookingPeriod: bookingDate.slice(0, 7), bookingDate };
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
      return [];
    case 'OfferCancelled': {
      facts.push({ type: 'offer_version', event });
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
      return regroupItems(ofOffer);
    }
    case 'OfferExpenseRecorded': {
      const item = expenseItem(municipality, event.data);
      person.items.set(item.costItemId, item);
      facts.push({ type: 'expense_recorded', item, invoiceRef: event.data.invoiceRef });
      return regroupItems([item]);
    }
    case 'OfferExpenseReversed': {
      const item = person.items.get(expenseItemId(event.data.expenseId));
      if (!item) return [];
      item.reversed = true;
      facts.push({ type: 'cost_item_reversed', costItemId: item.costItemId, reason: event.data.reason });
      return regroupItems([item]);
    }
    case 'MentorAgreementRegistered':
      facts.push({ type: 'mentor_agreement_registered', agreement: event.data });
      return [];
    case 'MentorHoursRecorded': {
      const item = mentorItem(municipality, cause.eventId, event.data);
      person.items.set(item.costItemId, item);
      facts.push({ type: 'mentor_hours_recorded', item, hours: event.data });
      return regroupItems([item]);
    }
  }
}

/** The outcome with the cap stage's adjustments after the event's own postings, and its cap years' figures as facts. */
function withCaps(facts: LedgerFact[], postings: LedgerPosting[], caps: CapRestatement): LedgerOutcome {
  for (const { posting, computation } of caps.adjustments) {
    postings.push({ posting, relatesToClosedYear: null });
    facts.push({ type: 'cap_restated', entryId: posting.entryId, computation });
  }
  for (const c of caps.changed)
    facts.push({
      type: 'cap_year_changed',
      capYear: {
        ...c,
        parameters: c.parameters && { ...c.parameters },
        refundAccount: c.refundAccount && { ...c.refundAccount },
      },
    });
  return { facts, postings };
}

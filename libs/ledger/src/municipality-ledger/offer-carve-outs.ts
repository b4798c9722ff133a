// The administrative part carved out of an offer's own costs (an offer outside a project), as project-carve-outs.ts
// does for a project (VEJ 9584, 000_140518b2c182b2de.txt 3.1 L440-L451; 4 L706: administration on 6.45.53): the
// amount is deducted from the offer's expenses in the overlapping days, in proportion to them (cumulative rounding),
// each deduction a cost item of the offer's person judged like the expense it comes out of; the amount is posted on
// 6.45.53 with no refund, with the offer and its person. The offer's carve-outs come out of its expenses in the order
// recorded, each from what the earlier ones left (carve-outs-in-order.ts of @app/domain). The offer's expenses lie on a stream each, so the decision
// saw them as projected: whatever they cannot carry now — after a concurrent change, a reversal, the offer's
// cancellation — is posted as unresolved, never dropped. Every event that changes the offer's expenses deducts its
// carve-outs again and posts exactly the differences.
import type { DomainEvent } from '@app/domain';
import type { DecideRefund } from '../allocate';
import type { Cause } from '../posting.types';
import { itemKey, keyParts } from './cost-item-keys';
import type { LedgerFact, LedgerPosting } from './ledger-facts';
import type { MunicipalityLedger, PersonLedger, StoredCostItem } from './ledger-state';
import {
  carveOutRecorded,
  carveOutSegments,
  carveOutsStanding,
  restate,
  standsAs,
  type CarveOutCost,
} from './project-carve-outs';
import type { OfferCarveOut } from './project-ledger';
import { postDifference, regroup } from './regroup';

const offerCarveOutKey = (offerId: string, shareId: string) => itemKey('admin-offer', offerId, shareId);
export const offerCarveOutItemId = offerCarveOutKey;
export const offerCarveOutExcessItemId = (offerId: string, shareId: string) =>
  `${offerCarveOutKey(offerId, shareId)}:excess`;
const deductionItemId = (offerId: string, shareId: string, expenseId: string) =>
  `${offerCarveOutKey(offerId, shareId)}:${itemKey('expense', expenseId)}`;

type ShareRecorded = Extract<DomainEvent, { type: 'AdministrativeShareRecorded' }>;

/** The carve-out recorded: kept with the person, deducted and posted. */
export function recordOfferCarveOut(
  ledger: MunicipalityLedger,
  person: PersonLedger,
  event: ShareRecorded,
  cause: Cause,
  facts: LedgerFact[],
  decide: DecideRefund,
): LedgerPosting[] {
  const carveOut: OfferCarveOut = {
    ...carveOutRecorded(event.data, cause.recordedAt),
    offerId: event.data.offerId!,
    personId: event.data.personId!,
  };
  person.offerCarveOuts.push(carveOut);
  return deductOfferCarveOuts(ledger, person, [carveOut], cause, facts, decide);
}

/** The offer's carve-outs whose periods overlap from..to: those a change of its expenses there touches. */
export const offerCarveOutsIn = (person: PersonLedger, offerId: string, from: string, to: string) =>
  person.offerCarveOuts.filter((c) => c.offerId === offerId && c.activityFrom <= to && c.activityTo >= from);

/** What the offer's carve-outs come out of: its own expenses standing, in the order of their ids. */
function costsOf(person: PersonLedger, offerId: string): CarveOutCost[] {
  const costs: CarveOutCost[] = [];
  for (const i of person.items.values()) {
    if (i.offerId !== offerId || i.reversed) continue;
    const [kind, expenseId] = keyParts(i.costItemId);
    if (kind !== 'expense') continue;
    costs.push({
      shareItemId: i.costItemId,
      expenseId,
      offerId,
      personId: i.personId,
      from: i.activityFrom,
      to: i.activityTo,
      amountOere: i.amountOere,
    });
  }
  // The decider orders the expenses the read models give it so too (carveOutsInOrder counts them in this order).
  return costs.sort((a, b) => (a.expenseId < b.expenseId ? -1 : a.expenseId > b.expenseId ? 1 : 0));
}

/** The offer's carve-outs (of the person's) as they come out of its expenses standing now, in the order recorded. */
function offerCarveOutsStanding(person: PersonLedger, offerId: string) {
  const carveOuts = person.offerCarveOuts.filter((c) => c.offerId === offerId);
  const standings = carveOutsStanding(carveOuts, costsOf(person, offerId), (c, cost) =>
    deductionItemId(offerId, c.shareId, cost.expenseId),
  );
  return carveOuts.map((c, n) => ({ c, standing: standings[n] }));
}

/**
 * Deducts `carveOuts` (of the person's offers) again from the expenses as they stand, with every later carve-out of
 * their offers that this moves, and posts the differences.
 */
export function deductOfferCarveOuts(
  ledger: MunicipalityLedger,
  person: PersonLedger,
  carveOuts: readonly OfferCarveOut[],
  cause: Cause,
  facts: LedgerFact[],
  decide: DecideRefund,
): LedgerPosting[] {
  const touched = new Map<string, StoredCostItem>();
  const own: LedgerPosting[] = [];
  // Each carve-out comes out of what the earlier ones of its offer left: one touched moves the later ones.
  const offers = [...new Set(carveOuts.map((c) => c.offerId))];
  const standings = offers.flatMap((offerId) => offerCarveOutsStanding(person, offerId));
  for (const { c, standing } of standings) {
    if (!carveOuts.includes(c) && standsAs(c, standing)) continue;
    for (const d of standing.deductions) {
      const expense = person.items.get(d.shareItemId)!;
      const standingItem = person.items.get(d.costItemId);
      if (
        standingItem &&
        !standingItem.reversed &&
        standingItem.amountOere === d.amountOere &&
        standingItem.activityFrom === d.from &&
        standingItem.activityTo === d.to
      )
        continue;
      const item: StoredCostItem = {
        ...expense,
        costItemId: d.costItemId,
        amountOere: d.amountOere,
        activityFrom: d.from,
        activityTo: d.to,
        reversed: false,
      };
      person.items.set(item.costItemId, item);
      touched.set(item.costItemId, item);
    }
    for (const gone of restate(c, standing)) {
      const item = person.items.get(gone.costItemId);
      if (!item || item.reversed) continue;
      item.reversed = true;
      touched.set(item.costItemId, item);
    }
    facts.push({
      type: 'administrative_share_set',
      projectId: null,
      offerId: c.offerId,
      personId: c.personId,
      carveOut: structuredClone(c),
    });
    const itemId = offerCarveOutItemId(c.offerId, c.shareId);
    const excessItemId = offerCarveOutExcessItemId(c.offerId, c.shareId);
    const desired = carveOutSegments(ledger.municipality, c, standing, {
      itemId,
      excessItemId,
      of: `offer ${c.offerId}`,
      personId: c.personId,
      offerId: c.offerId,
    });
    const history = person.postings.filter((p) => p.costItemId === itemId || p.costItemId === excessItemId);
    const postings = postDifference(history, desired, ledger.books.closedYears, cause);
    person.postings.push(...postings.map((p) => p.posting));
    own.push(...postings);
  }
  for (const item of touched.values()) facts.push({ type: 'carve_out_item_set', item });
  return [...regroup(person, [...touched.values()], ledger.books.closedYears, cause, decide), ...own];
}

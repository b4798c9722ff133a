// How a change of a project is posted: every expense it touches is shared out again over the
// participants as they stand now (project-ledger.ts); each participant's share is a cost item of
// their ledger, judged over their own timeline like an offer expense (regroup.ts); the ledger
// posts exactly the differences — a late joiner's share, and the smaller shares of the others —
// caused by the event that changed the shares. An expense no participant bears any longer is
// posted whole as unresolved, with the reason, never dropped.
import { daysInclusive } from '@app/domain';
import type { DecideRefund } from '../allocate';
import type { Cause, DesiredSegment } from '../posting.types';
import type { LedgerFact, LedgerPosting } from './ledger-facts';
import type { MunicipalityLedger, PersonLedger, StoredCostItem } from './ledger-state';
import {
  projectShareItemId,
  projectUnsharedItemId,
  sharesOf,
  type ProjectExpense,
  type ProjectLedger,
  type ProjectShare,
} from './project-ledger';
import { postDifference, regroup } from './regroup';

export function reallocateProject(
  ledger: MunicipalityLedger,
  project: ProjectLedger,
  expenses: readonly ProjectExpense[],
  cause: Cause,
  facts: LedgerFact[],
  decide: DecideRefund,
): LedgerPosting[] {
  const touched = new Map<string, { person: PersonLedger; items: Map<string, StoredCostItem> }>();
  const touch = (personId: string, item: StoredCostItem) => {
    const person = personOf(ledger, personId);
    let entry = touched.get(personId);
    if (!entry) touched.set(personId, (entry = { person, items: new Map() }));
    entry.items.set(item.costItemId, item);
  };
  const unshared: LedgerPosting[] = [];
  for (const expense of expenses) {
    const before = expense.shares;
    const { totalParticipantDays, shares } = sharesOf(
      expense.amountOere,
      expense.activityFrom,
      expense.activityTo,
      project.participants,
    );
    expense.totalParticipantDays = totalParticipantDays;
    expense.shares = shares;
    const fact = (share: ProjectShare | null, item: StoredCostItem) =>
      facts.push({
        type: 'project_share_set',
        projectId: project.projectId,
        expenseId: expense.expenseId,
        expenseAmountOere: expense.amountOere,
        totalParticipantDays,
        share,
        item,
      });
    for (const share of shares) {
      const item = shareItem(ledger.municipality, project, expense, share);
      const standing = personOf(ledger, share.personId).items.get(item.costItemId);
      if (standing && sameItem(standing, item)) continue;
      personOf(ledger, share.personId).items.set(item.costItemId, item);
      fact(share, item);
      touch(share.personId, item);
    }
    for (const gone of before.filter((b) => !shares.some((s) => s.offerId === b.offerId))) {
      const id = projectShareItemId(project.projectId, expense.expenseId, gone.offerId);
      const item = personOf(ledger, gone.personId).items.get(id);
      if (!item || item.reversed) continue;
      item.reversed = true;
      fact(null, item);
      touch(gone.personId, item);
    }
    unshared.push(...postUnshared(ledger, project, expense, shares.length === 0, cause));
  }
  const postings: LedgerPosting[] = [];
  for (const { person, items } of touched.values())
    postings.push(...regroup(person, [...items.values()], ledger.books.closedYears, cause, decide));
  return [...postings, ...unshared];
}

function personOf(ledger: MunicipalityLedger, personId: string): PersonLedger {
  const person = ledger.persons.get(personId);
  if (!person)
    throw new Error(
      `participant ${personId} of municipality ${ledger.municipality} is not loaded (personsOfProject)`,
    );
  return person;
}

function shareItem(
  municipality: string,
  project: ProjectLedger,
  expense: ProjectExpense,
  share: ProjectShare,
): StoredCostItem {
  return {
    costItemId: projectShareItemId(project.projectId, expense.expenseId, share.offerId),
    personId: share.personId,
    offerId: share.offerId,
    municipality,
    offerKind: project.offerKind,
    cost: { kind: 'expense', expenseType: expense.expenseType },
    amountOere: share.amountOere,
    activityFrom: share.from,
    activityTo: share.to,
    mentorAgreementPeriod: null,
    fundingFrame: project.fundingFrame,
    reversed: false,
  };
}

const sameItem = (a: StoredCostItem, b: StoredCostItem) =>
  !a.reversed &&
  a.amountOere === b.amountOere &&
  a.activityFrom === b.activityFrom &&
  a.activityTo === b.activityTo;

export const NO_PARTICIPANT_REASON = 'no participant of the project takes part in the period of the expense';

/** The expense whole, unresolved, while no participant bears it; reversed once someone does again. */
function postUnshared(
  ledger: MunicipalityLedger,
  project: ProjectLedger,
  expense: ProjectExpense,
  unborne: boolean,
  cause: Cause,
): LedgerPosting[] {
  const costItemId = projectUnsharedItemId(project.projectId, expense.expenseId);
  const history = project.unsharedPostings.filter((p) => p.costItemId === costItemId);
  if (history.length === 0 && !unborne) return [];
  const desired: DesiredSegment[] = unborne
    ? [
        {
          costItemId,
          personId: null,
          offerId: null,
          municipality: ledger.municipality,
          account: null,
          refundAccount: null,
          targetGroup: null,
          activityFrom: expense.activityFrom,
          activityTo: expense.activityTo,
          amountOere: expense.amountOere,
          refundRateBasisPoints: null,
          refundOere: null,
          ruleId: null,
          citations: [],
          cap: null,
          unresolved: {
            outcome: 'no_rule',
            reason: `${NO_PARTICIPANT_REASON} (project ${project.projectId})`,
          },
          daysBefore: 0,
          days: daysInclusive(expense.activityFrom, expense.activityTo),
          totalDays: daysInclusive(expense.activityFrom, expense.activityTo),
          itemAmountOere: expense.amountOere,
        },
      ]
    : [];
  const postings = postDifference(history, desired, ledger.books.closedYears, cause);
  project.unsharedPostings.push(...postings.map((p) => p.posting));
  return postings;
}

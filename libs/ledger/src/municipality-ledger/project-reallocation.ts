// How a change of a project is posted: every expense it touches is shared out again over the
// participants as they stand now (project-ledger.ts); each participant's share is a cost item of
// their ledger, judged over their own timeline like an offer expense (regroup.ts); the carve-outs
// whose periods those expenses touch are deducted again from the shares as they now stand
// (project-carve-outs.ts); the ledger posts exactly the differences — a late joiner's share, and
// the smaller shares of the others — caused by the event that changed the shares. An expense no
// participant bears any longer is posted whole as unresolved, with the reason, never dropped.
import { daysInclusive } from '@app/domain';
import type { DecideRefund } from '../allocate';
import type { Cause, DesiredSegment } from '../posting.types';
import type { LedgerFact, LedgerPosting } from './ledger-facts';
import type { MunicipalityLedger, PersonLedger, StoredCostItem } from './ledger-state';
import {
  carveOutExcessItemId,
  carveOutItemId,
  carveOutSegments,
  projectCarveOutsStanding,
  restate,
  standsAs,
} from './project-carve-outs';
import {
  projectShareItemId,
  projectUnsharedItemId,
  sharesOf,
  type CarveOutDeduction,
  type ProjectCarveOut,
  type ProjectExpense,
  type ProjectLedger,
  type ProjectShare,
} from './project-ledger';
import { postDifference, regroup } from './regroup';

/** Shares `expenses` out again, deducts the carve-outs they touch (and `carveOuts`) again, and posts the differences. */
export function reallocateProject(
  ledger: MunicipalityLedger,
  project: ProjectLedger,
  expenses: readonly ProjectExpense[],
  cause: Cause,
  facts: LedgerFact[],
  decide: DecideRefund,
  carveOuts: readonly ProjectCarveOut[] = [],
): LedgerPosting[] {
  const touched = new Map<string, { person: PersonLedger; items: Map<string, StoredCostItem> }>();
  const touch = (personId: string, item: StoredCostItem) => {
    const person = personOf(ledger, personId);
    let entry = touched.get(personId);
    if (!entry) touched.set(personId, (entry = { person, items: new Map() }));
    entry.items.set(item.costItemId, item);
  };
  /** Sets the participant's item unless it stands so already: whether it is new to the person or changed, or null. */
  const set = (personId: string, item: StoredCostItem): 'created' | 'changed' | null => {
    const standing = personOf(ledger, personId).items.get(item.costItemId);
    if (standing && sameItem(standing, item)) return null;
    personOf(ledger, personId).items.set(item.costItemId, item);
    touch(personId, item);
    return standing ? 'changed' : 'created';
  };
  const unset = (personId: string, costItemId: string): StoredCostItem | null => {
    const item = personOf(ledger, personId).items.get(costItemId);
    if (!item || item.reversed) return null;
    item.reversed = true;
    touch(personId, item);
    return item;
  };
  const own: LedgerPosting[] = [];
  for (const expense of expenses) {
    const before = expense.shares;
    // An expense taken out of the project (a timesheet's corrected revision no longer names it) is no one's.
    const withdrawn = !project.expenses.includes(expense);
    const { totalParticipantDays, shares } = withdrawn
      ? { totalParticipantDays: 0, shares: [] }
      : sharesOf(expense.amountOere, expense.activityFrom, expense.activityTo, project.participants);
    expense.totalParticipantDays = totalParticipantDays;
    expense.shares = shares;
    const fact = (share: ProjectShare | null, item: StoredCostItem, created: boolean) =>
      facts.push({
        type: 'project_share_set',
        projectId: project.projectId,
        expenseId: expense.expenseId,
        expenseAmountOere: expense.amountOere,
        totalParticipantDays,
        share,
        item,
        created,
      });
    for (const share of shares) {
      const item = shareItem(ledger.municipality, project, expense, share);
      const setting = set(share.personId, item);
      if (setting) fact(share, item, setting === 'created');
    }
    for (const gone of before.filter((b) => !shares.some((s) => s.offerId === b.offerId))) {
      const item = unset(gone.personId, projectShareItemId(project.projectId, expense, gone.offerId));
      if (item) fact(null, item, false);
    }
    own.push(...postUnshared(ledger, project, expense, !withdrawn && shares.length === 0, cause));
  }
  const affected = project.carveOuts.filter(
    (c) =>
      carveOuts.includes(c) ||
      expenses.some((e) => e.activityFrom <= c.activityTo && e.activityTo >= c.activityFrom),
  );
  // Each carve-out comes out of what the earlier ones left: one touched moves the later ones that overlap it.
  const standings = affected.length > 0 ? projectCarveOutsStanding(project) : [];
  for (const [n, standing] of standings.entries()) {
    const c = project.carveOuts[n];
    if (!affected.includes(c) && standsAs(c, standing)) continue;
    const itemFact = (item: StoredCostItem, created: boolean) =>
      facts.push({ type: 'project_item_set', projectId: project.projectId, item, created });
    for (const d of standing.deductions) {
      const item = deductionItem(ledger.municipality, project, d);
      const setting = set(d.personId, item);
      if (setting) itemFact(item, setting === 'created');
    }
    for (const gone of restate(c, standing)) {
      const item = unset(gone.personId, gone.costItemId);
      if (item) itemFact(item, false);
    }
    facts.push({
      type: 'administrative_share_set',
      projectId: project.projectId,
      offerId: null,
      personId: null,
      carveOut: structuredClone(c),
    });
    const itemId = carveOutItemId(project.projectId, c.shareId);
    const excessItemId = carveOutExcessItemId(project.projectId, c.shareId);
    const segments = carveOutSegments(ledger.municipality, c, standing, {
      itemId,
      excessItemId,
      of: `project ${project.projectId}`,
    });
    own.push(...postOwn(ledger, project, new Set([itemId, excessItemId]), segments, cause));
  }
  const postings: LedgerPosting[] = [];
  for (const { person, items } of touched.values())
    postings.push(...regroup(person, [...items.values()], ledger.books.closedYears, cause, decide));
  return [...postings, ...own];
}

function personOf(ledger: MunicipalityLedger, personId: string): PersonLedger {
  const person = ledger.persons.get(personId);
  if (!person)
    throw new Error(
      `participant ${personId} of municipality ${ledger.municipality} is not loaded (personsOfProject)`,
    );
  return person;
}

/**
 * A participant's item of the project: a share, or a deduction from one. Where the expense reads the months of
 * unemployment on the offer's start, the item reads them on its participant's (as the participant now stands).
 */
function projectItem(
  municipality: string,
  project: ProjectLedger,
  expense: Pick<ProjectExpense, 'expenseType' | 'unemploymentMonthsAt'>,
  i: { costItemId: string; personId: string; offerId: string; amountOere: number; from: string; to: string },
): StoredCostItem {
  const participant = project.participants.find((p) => p.offerId === i.offerId);
  return {
    costItemId: i.costItemId,
    personId: i.personId,
    offerId: i.offerId,
    municipality,
    offerKind: project.offerKind,
    cost: { kind: 'expense', expenseType: expense.expenseType },
    amountOere: i.amountOere,
    activityFrom: i.from,
    activityTo: i.to,
    mentorAgreementPeriod: null,
    fundingFrame: project.fundingFrame,
    unemploymentMonthsOn: (expense.unemploymentMonthsAt === 'offer_start' && participant?.from) || null,
    reversed: false,
  };
}

const shareItem = (
  municipality: string,
  project: ProjectLedger,
  expense: ProjectExpense,
  share: ProjectShare,
) =>
  projectItem(municipality, project, expense, {
    ...share,
    costItemId: projectShareItemId(project.projectId, expense, share.offerId),
  });

function deductionItem(municipality: string, project: ProjectLedger, d: CarveOutDeduction): StoredCostItem {
  const expense = project.expenses.find((e) => e.expenseId === d.expenseId && e.timesheet === undefined)!;
  return projectItem(municipality, project, expense, d);
}

const sameItem = (a: StoredCostItem, b: StoredCostItem) =>
  !a.reversed &&
  a.amountOere === b.amountOere &&
  a.activityFrom === b.activityFrom &&
  a.activityTo === b.activityTo &&
  (a.unemploymentMonthsOn ?? null) === (b.unemploymentMonthsOn ?? null);

export const NO_PARTICIPANT_REASON = 'no participant of the project takes part in the period of the expense';

/** The project's own postings of `ids` brought to `desired`. */
function postOwn(
  ledger: MunicipalityLedger,
  project: ProjectLedger,
  ids: ReadonlySet<string>,
  desired: DesiredSegment[],
  cause: Cause,
): LedgerPosting[] {
  const history = project.ownPostings.filter((p) => ids.has(p.costItemId));
  if (history.length === 0 && desired.length === 0) return [];
  const postings = postDifference(history, desired, ledger.books.closedYears, cause);
  project.ownPostings.push(...postings.map((p) => p.posting));
  return postings;
}

/** The expense whole, unresolved, while no participant bears it; reversed once someone does again. */
function postUnshared(
  ledger: MunicipalityLedger,
  project: ProjectLedger,
  expense: ProjectExpense,
  unborne: boolean,
  cause: Cause,
): LedgerPosting[] {
  const costItemId = projectUnsharedItemId(project.projectId, expense);
  const days = daysInclusive(expense.activityFrom, expense.activityTo);
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
          days,
          totalDays: days,
          itemAmountOere: expense.amountOere,
        },
      ]
    : [];
  return postOwn(ledger, project, new Set([costItemId]), desired, cause);
}

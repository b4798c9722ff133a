// A Bilag 2 timesheet in the ledger (timesheet-split.ts gives its parts). A project's part is an expense of the
// project (staff_cost), shared by its participants like any project expense (project-reallocation.ts); an offer's
// part is a cost item of its participant, judged like an offer expense; the administration part is posted with no
// person on 6.45.53 with no refund. A corrected revision replaces the parts: every part is set to what the new
// revision gives (a part it no longer has is withdrawn) and exactly the differences are posted.
import type { StaffTimesheetRecorded } from '@app/domain';
import type { Citation } from '@app/rules';
import type { DecideRefund } from '../allocate';
import type { Cause } from '../posting.types';
import type { LedgerFact, LedgerPosting } from './ledger-facts';
import {
  reverseIfOfferCancelled,
  type MunicipalityLedger,
  type PersonLedger,
  type StoredCostItem,
} from './ledger-state';
import { itemKey } from './cost-item-keys';
import { administrationSegment } from './project-carve-outs';
import type { ProjectExpense } from './project-ledger';
import { reallocateProject } from './project-reallocation';
import { postDifference, regroup } from './regroup';
import { timesheetSplit, type TimesheetLedger, type TimesheetPart } from './timesheet-split';

/** The expense id of a timesheet's part in a project. */
export const timesheetExpenseId = (staffId: string, timesheetId: string) =>
  itemKey('timesheet', staffId, timesheetId);
const offerItemId = (staffId: string, timesheetId: string, offerId: string) =>
  itemKey('timesheet', staffId, timesheetId, offerId);
const administrationItemId = (staffId: string, timesheetId: string) =>
  `${itemKey('timesheet', staffId, timesheetId)}:administration`;

const CITATIONS: Citation[] = [
  {
    source: '000_140518b2c182b2de.txt',
    section:
      '6.4 B (L1068-L1073): salary of staff with several functions is split by a time registration, only the part for the employment effort on hovedkonto 5; Bilag 2 (L1614-L1815): the timesheet, "Ikke refusionsberettigende timer, administration"; 4 (L706): administration on 6.45.53',
  },
];

export function applyTimesheet(
  ledger: MunicipalityLedger,
  event: StaffTimesheetRecorded,
  cause: Cause,
  facts: LedgerFact[],
  decide: DecideRefund,
): LedgerPosting[] {
  const d = event.data;
  const parts = timesheetSplit(d);
  const postings: LedgerPosting[] = [];
  const expenseId = timesheetExpenseId(d.staffId, d.timesheetId);
  const projectIds = new Set([
    ...parts.flatMap((p) => (p.target.kind === 'project' ? [p.target.projectId] : [])),
    ...(d.replaces?.projectIds ?? []),
  ]);
  for (const projectId of projectIds) {
    const project = ledger.projects.get(projectId);
    if (!project)
      throw new Error(
        `project ${projectId} of municipality ${ledger.municipality} is not loaded (ledgerScope)`,
      );
    const part = parts.find((p) => p.target.kind === 'project' && p.target.projectId === projectId);
    // A client's expense may bear the same id; the timesheet's part is the one with its timesheet.
    let expense = project.expenses.find((e) => e.expenseId === expenseId && e.timesheet !== undefined);
    if (!expense && !part) continue;
    if (!expense) {
      expense = emptyExpense(expenseId);
      project.expenses.push(expense);
    }
    if (part)
      Object.assign(expense, {
        amountOere: part.amountOere,
        activityFrom: part.from,
        activityTo: part.to,
        timesheet: part,
      });
    else project.expenses.splice(project.expenses.indexOf(expense), 1);
    postings.push(...reallocateProject(ledger, project, [expense], cause, facts, decide));
    facts.push({ type: 'project_changed', project, created: false });
  }
  const touched = new Map<string, { person: PersonLedger; items: StoredCostItem[] }>();
  const touch = (personId: string, item: StoredCostItem) => {
    const person = ledger.persons.get(personId);
    if (!person)
      throw new Error(
        `person ${personId} of municipality ${ledger.municipality} is not loaded (ledgerScope)`,
      );
    const cancelled = reverseIfOfferCancelled(person, item);
    person.items.set(item.costItemId, item);
    const entry = touched.get(personId) ?? { person, items: [] };
    entry.items.push(item);
    touched.set(personId, entry);
    facts.push({
      type: 'timesheet_item_set',
      item,
      ...(cancelled !== null && { reversalReason: cancelled }),
    });
  };
  const offerParts = parts.filter((p) => p.target.kind === 'offer');
  for (const part of offerParts)
    touch((part.target as { personId: string }).personId, offerItem(ledger.municipality, part));
  for (const gone of d.replaces?.offers ?? []) {
    if (offerParts.some((p) => p.target.kind === 'offer' && p.target.offerId === gone.offerId)) continue;
    const item = ledger.persons
      .get(gone.personId)
      ?.items.get(offerItemId(d.staffId, d.timesheetId, gone.offerId));
    if (item && !item.reversed) touch(gone.personId, { ...item, reversed: true });
  }
  for (const { person, items } of touched.values())
    postings.push(...regroup(person, items, ledger.books.closedYears, cause, decide));
  const timesheet: TimesheetLedger = ledger.timesheets.get(d.staffId, d.timesheetId) ?? {
    staffId: d.staffId,
    timesheetId: d.timesheetId,
    revision: d.revision,
    week: d.week,
    staffCategory: d.staffCategory,
    recordedAt: cause.recordedAt,
    parts: [],
    ownPostings: [],
  };
  Object.assign(timesheet, {
    revision: d.revision,
    week: d.week,
    staffCategory: d.staffCategory,
    recordedAt: cause.recordedAt,
    parts,
  });
  const administration = parts.find((p) => p.target.kind === 'administration');
  const costItemId = administrationItemId(d.staffId, d.timesheetId);
  const desired = administration
    ? [
        administrationSegment({
          costItemId,
          municipality: ledger.municipality,
          from: administration.from,
          to: administration.to,
          amountOere: administration.amountOere,
          citations: CITATIONS,
        }),
      ]
    : [];
  const own = postDifference(timesheet.ownPostings, desired, ledger.books.closedYears, cause);
  timesheet.ownPostings.push(...own.map((p) => p.posting));
  ledger.timesheets.set(timesheet);
  facts.push({ type: 'timesheet_changed', timesheet });
  return [...postings, ...own];
}

const emptyExpense = (expenseId: string): ProjectExpense => ({
  expenseId,
  expenseType: 'staff_cost',
  amountOere: 0,
  activityFrom: '',
  activityTo: '',
  invoiceRef: null,
  totalParticipantDays: 0,
  shares: [],
});

/** An offer's part: a cost item of its participant, judged like the offer's own staff_cost expense. */
function offerItem(municipality: string, part: TimesheetPart): StoredCostItem {
  const target = part.target as Extract<TimesheetPart['target'], { kind: 'offer' }>;
  return {
    costItemId: offerItemId(part.staffId, part.timesheetId, target.offerId),
    personId: target.personId,
    offerId: target.offerId,
    municipality,
    offerKind: target.offerKind,
    cost: { kind: 'expense', expenseType: 'staff_cost' },
    amountOere: part.amountOere,
    activityFrom: part.from,
    activityTo: part.to,
    mentorAgreementPeriod: null,
    fundingFrame: target.fundingFrame,
    reversed: false,
  };
}

// A project's part of the municipality's ledger: its participants (their offers' periods), its
// shared expenses with the shares they stand at, and the postings of an expense no participant
// bears. A project expense is shared by the participants active in its period in proportion to
// their participant-days in it (003_…txt L4210-L4213: costs of a project for several target groups
// "skal fordeles/opdeles til flere målgrupper"; VEJ 9584 ch. 4: a fordelingsnøgle per participant),
// by cumulative rounding (participantShares of @app/domain, which a carve-out's decision counts by too), so the
// shares add up to the øre.
import { participantShares, type ExpenseType, type IsoDate, type OfferKind } from '@app/domain';
import { cumulativeShare } from '../day-split';
import type { Posting } from '../posting.types';
import { itemKey, keyPart } from './cost-item-keys';
import type { TimesheetPart } from './timesheet-split';

export interface ProjectParticipant {
  offerId: string;
  personId: string;
  from: IsoDate;
  to: IsoDate;
  cancelled: boolean;
}

/** One participant's share of an expense: the participant-days it is computed from and its øre. */
export interface ProjectShare {
  offerId: string;
  personId: string;
  /** The participant's days within the expense's period. */
  from: IsoDate;
  to: IsoDate;
  participantDays: number;
  /** Participant-days of the participants before this one (cumulative rounding). */
  daysBefore: number;
  amountOere: number;
}

export interface ProjectExpense {
  expenseId: string;
  expenseType: ExpenseType;
  amountOere: number;
  activityFrom: IsoDate;
  activityTo: IsoDate;
  invoiceRef: string | null;
  /**
   * 'offer_start': each share's months of unemployment (the 2014-2018 9- and 24-month rules) are read on its
   * participant's offer start date; absent: on each activity date.
   */
  unemploymentMonthsAt?: 'offer_start';
  /** Every participant's days in the period together; 0 when no one bears it. */
  totalParticipantDays: number;
  shares: ProjectShare[];
  /** A timesheet's offer hours on the project (staff_cost): the split it is the project's part of. */
  timesheet?: TimesheetPart;
}

export interface ProjectLedger {
  projectId: string;
  name: string;
  offerKind: OfferKind;
  fundingFrame: string | null;
  startDate: IsoDate;
  endDate: IsoDate;
  /** When the project was registered (ISO 8601 UTC). */
  registeredAt: string;
  /** In the order they joined. */
  participants: ProjectParticipant[];
  expenses: ProjectExpense[];
  /** The administrative shares carved out of its costs, in the order recorded. */
  carveOuts: ProjectCarveOut[];
  /** The project's postings of no person: expenses no participant bears (unresolved), carve-outs on 6.45.53 and their excess. */
  ownPostings: Posting[];
}

export interface CarveOutLine {
  activity: string;
  count: number;
  hoursEach: string;
  hourlyRateOere: number;
  amountOere: number;
}

/** What a carve-out takes from one share (in the days the share overlaps its period). */
export interface CarveOutDeduction {
  /** The deduction's own cost item (negative), of the participant. */
  costItemId: string;
  /** The share it comes out of. */
  shareItemId: string;
  expenseId: string;
  offerId: string;
  personId: string;
  from: string;
  to: string;
  /** The share's part in the overlapping days (day split of the share). */
  costOere: number;
  /** The costs before this one, for the cumulative rounding. */
  costBeforeOere: number;
  /** Negative: what comes off the share. */
  amountOere: number;
}

/** A carve-out as recorded (its method and arithmetic, for the auditor) and as it stands against the costs. */
export interface ProjectCarveOut {
  shareId: string;
  activityFrom: IsoDate;
  activityTo: IsoDate;
  method: 'standard_price' | 'time_registration' | 'area';
  lines: CarveOutLine[];
  hours: string | null;
  hourlyCostOere: number | null;
  /** area: the rent expense it comes out of alone, and the floor areas (VEJ 9584 6.9). */
  area: { expenseId: string; expenseAmountOere: number; administration: string; total: string } | null;
  amountOere: number;
  priceLevelYear: number;
  methodReference: string;
  /** When it was recorded (ISO 8601 UTC). */
  recordedAt: string;
  /** The period's hovedkonto 5 costs and what they carry, as the shares now stand. */
  costsOere: number;
  carvedOere: number;
  deductions: CarveOutDeduction[];
}

/** A timesheet's part is keyed by its timesheet's key (timesheetExpenseId) as it is; a client's expense id is escaped. */
const expenseKey = (e: Pick<ProjectExpense, 'expenseId' | 'timesheet'>) =>
  e.timesheet ? e.expenseId : keyPart(e.expenseId);
/** A carve-out of an offer outside a project (offer-carve-outs.ts), with the offer and its person. */
export interface OfferCarveOut extends ProjectCarveOut {
  offerId: string;
  personId: string;
}

export const projectShareItemId = (
  projectId: string,
  expense: Pick<ProjectExpense, 'expenseId' | 'timesheet'>,
  offerId: string,
) => `${itemKey('project', projectId)}:${expenseKey(expense)}:${keyPart(offerId)}`;
export const projectUnsharedItemId = (
  projectId: string,
  expense: Pick<ProjectExpense, 'expenseId' | 'timesheet'>,
) => `${itemKey('project', projectId)}:${expenseKey(expense)}`;

/** The persons whose ledgers a change of the project may repost: every participant's. */
export const personsOfProject = (project: ProjectLedger): string[] => [
  ...new Set(project.participants.map((p) => p.personId)),
];

/** The shares of an amount over from..to among the participants, in the order they joined (participantShares). */
export function sharesOf(
  amountOere: number,
  from: IsoDate,
  to: IsoDate,
  participants: readonly ProjectParticipant[],
): { totalParticipantDays: number; shares: ProjectShare[] } {
  const { totalParticipantDays, shares } = participantShares(amountOere, from, to, participants);
  return {
    totalParticipantDays,
    shares: shares.map(({ participant, ...share }) => ({
      offerId: participant.offerId,
      personId: participant.personId,
      ...share,
    })),
  };
}

export interface ShareExplanation {
  participantDays: number;
  totalParticipantDays: number;
  daysBefore: number;
  expenseAmountOere: number;
  shareOere: number;
  formula: string;
}

/** The arithmetic of one share: its participant-days of all, and the cumulative rounding that gives its øre. */
export function explainShare(s: {
  offerId: string;
  from: IsoDate;
  to: IsoDate;
  participantDays: number;
  daysBefore: number;
  totalParticipantDays: number;
  expenseAmountOere: number;
}): ShareExplanation {
  const a = s.expenseAmountOere;
  const d = s.totalParticipantDays;
  const before = cumulativeShare(a, s.daysBefore, d);
  const after = cumulativeShare(a, s.daysBefore + s.participantDays, d);
  return {
    participantDays: s.participantDays,
    totalParticipantDays: d,
    daysBefore: s.daysBefore,
    expenseAmountOere: a,
    shareOere: after - before,
    formula:
      `${s.participantDays} of ${d} participant-days (offer ${s.offerId}, ${s.from}..${s.to}): ` +
      `round(${a} × ${s.daysBefore + s.participantDays} / ${d}) − round(${a} × ${s.daysBefore} / ${d}) = ` +
      `${after} − ${before} = ${after - before} øre`,
  };
}

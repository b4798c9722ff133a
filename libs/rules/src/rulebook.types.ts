// The rulebook's public contract: what the ledger and the offer validation ask, and what they get.
import type { ExpenseType, IsoDate, OfferKind, TargetGroup, TargetGroupAttributes } from '@app/domain';

/** Where a rule comes from: the seed file (shared/seeds) and the section or passage in it. */
export interface Citation {
  source: string; // e.g. '000_140518b2c182b2de.txt'
  section: string; // e.g. 'Bilag 3'
  note?: string;
}

/** A posting account: function (e.g. '5.68.90'), dranst ('1' cost, '2' state refund), grouping (e.g. '097'). */
export interface Account {
  function: string;
  dranst: '1' | '2';
  grouping: string;
}

/** Caps a cost can count against (amounts are parameters finance supplies, never constants). */
export type CapId =
  | 'driftsloft_dagpenge_kontanthjaelp' // 2014-2018: dagpenge / kontanthjælp / uddannelseshjælp
  | 'driftsloft_sygedagpenge_revalidering' // 2014-2018: sygedagpenge / revalidering / ledighedsydelse
  | 'integration_raadighedsloft'
  | 'mentorramme'; // 2014-2015: the separate mentor frame (seed 003, L1955-L1990)

/** What is being costed: an offer expense of a given type, or mentor support. */
export type CostKind = { kind: 'expense'; expenseType: ExpenseType } | { kind: 'mentor' };

export interface RefundQuery {
  /** The activity date the cost relates to. */
  date: IsoDate;
  targetGroup: TargetGroup;
  attributes?: TargetGroupAttributes;
  offerKind: OfferKind;
  cost: CostKind;
  /**
   * The offer's bevillingsramme (seed 002 id, e.g. '17'), when registered. Some frames decide the refund of the offer's
   * operating costs themselves (see cost-category.mapper): 17 is the § 97 a scheme, 14 carries no refund, 5/6/12 are
   * pools with their own grant.
   */
  fundingFrame?: string;
  /** Months into the unemployment spell on `date`, where a rule needs it (9-month rule). */
  monthsUnemployed?: number;
  /** Mentor only: whether `date` lies inside the mentor agreement's refundable window. */
  withinMentorWindow?: boolean;
  /**
   * Mentor only: the person's target group on the day the mentor agreement was made. The rules use it where the
   * sources tie the refund to the agreement rather than to the person's target group on `date`: from 2019 a person in
   * jobafklaring whom the mentor follows into a job or education (`targetGroup: 'none'` on `date`) keeps the
   * jobafklaring mentor refund while the agreement's window runs (VEJ 9584/2025 2 A); 2014-2018 the chart books mentor
   * costs by the agreement's group (groupings 017/019, see data mentorAgreementReading). Without it such a cost is
   * decided by `targetGroup` alone.
   */
  mentorAgreementTargetGroup?: TargetGroup;
  /** Mentor only: the person's attributes on the day the mentor agreement was made (readiness, sygedagpenge kategori). */
  mentorAgreementAttributes?: TargetGroupAttributes;
  /** A scheme outside the offer vocabulary: 'igu' = integrationsgrunduddannelse (allowance and transport, igu § 10). */
  scheme?: 'igu';
}

interface DecisionBase {
  /** The decision holds unchanged for this query on every date from validFrom to validTo (inclusive). */
  validFrom: IsoDate;
  validTo: IsoDate;
  citations: Citation[];
}

export interface RuleDecision extends DecisionBase {
  outcome: 'rule';
  ruleId: string;
  /** Refund rate in basis points: 5000 = 50 %, 0 = explicitly no refund. */
  rateBasisPoints: number;
  cap: CapId | null;
  costAccount: Account; // dranst '1'
  refundAccount: Account | null; // dranst '2'; null when the rate is 0, or when the sources name no dranst-2 grouping (integration, Bilag 1)
}

export interface UnresolvedDecision extends DecisionBase {
  outcome: 'no_rule' | 'ambiguous';
  /** The rulebook row that says so explicitly (absent only outside the rulebook's date range). */
  ruleId?: string;
  reason: string;
  /** The account the cost still books to, when the chart of accounts decides it regardless. */
  costAccount: Account | null;
  /** For 'ambiguous': the rule ids that contradict each other. */
  candidates?: string[];
  /** What the sources do say about the rate when only the account (or a precondition) is missing, for display; never a default. */
  indicatedRateBasisPoints?: number;
  indicatedCap?: CapId | null;
}

export type RefundDecision = RuleDecision | UnresolvedDecision;

export interface OfferValidityQuery {
  offerCategory: string; // afholdelseskategori id
  fundingFrame: string; // bevillingsramme id
  /** When given, the frame must admit the offer kind (a § 97 a education only on frame 17, frame 14 only for activities that are no offer). */
  offerKind?: OfferKind;
  startDate: IsoDate;
  registrationDate: IsoDate;
}

export type OfferValidity =
  { valid: true; citations: Citation[] } | { valid: false; reason: string; citations: Citation[] };

/** A version of the rulebook and its decision function. */
/**
 * Where a cap's adjustment is posted: on the refund account of the cap year's first capped posting
 * (versions before 2026.12-5), or shared over the dranst-2 accounts its capped postings refund on.
 */
export type CapAdjustmentAccounts = 'first_posting_account' | 'per_refund_account';

export interface Rulebook {
  version: string;
  decide: (query: RefundQuery) => RefundDecision;
  capAdjustmentAccounts: CapAdjustmentAccounts;
  /**
   * The cap year a capped posting counts against: its booking year, or for afløb of a 2014-2018 driftsloft booked
   * later the year whose allowance the chart names (from 2026.12-6).
   */
  capYearOf: (cap: CapId, costAccount: Account | null, bookingYear: number) => number;
}

/** Every version this code can judge by: a ledger judges each event under the version in force at its log position. */
export interface Rulebooks {
  /** The version in force where the log holds no RulebookAdopted yet. */
  genesis: string;
  /** The version this code adopts when first deployed. */
  current: string;
  /** Every version this code knows, oldest first. */
  versions: readonly string[];
  /** Throws for a version this code does not know. */
  of(version: string): Rulebook;
}

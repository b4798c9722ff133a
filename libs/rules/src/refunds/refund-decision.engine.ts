// decideRefund: the rulebook's answer for one cost on one activity date. Pure and allocation-free per call:
// every possible answer of a version was built when the version was first asked for (refund-timeline.index; mentor
// agreement readings once per pair, cached); a call finds its timeline and binary-searches it.
import {
  EXPENSE_TYPES,
  OFFER_KINDS,
  TARGET_GROUPS,
  type TargetGroup,
  type TargetGroupAttributes,
} from '@app/domain';
import type { RefundDecision, RefundQuery } from '../rulebook.types';
import { costCategoryOf } from './cost-category.mapper';
import { MentorAgreementReader } from './mentor-agreement.reading';
import type { ConditionDimension, CostCategory, RefundRulesDocument } from './refund-rule.model';
import { monthsBucketOf, RULEBOOK_VERSION, rulesDocument } from './refund-rules.catalog';
import {
  bucketKey,
  buildTimelineIndex,
  segmentAt,
  type DecisionSegment,
  type TimelineIndex,
} from './refund-timeline.index';

const OFFER_KIND_SET: ReadonlySet<string> = new Set(OFFER_KINDS);
const EXPENSE_TYPE_SET: ReadonlySet<string> = new Set(EXPENSE_TYPES);
const TARGET_GROUP_SET: ReadonlySet<string> = new Set(TARGET_GROUPS);

/** The inputs that select a timeline: the query without its date, for one target group and its attributes. */
type Selector = Omit<
  RefundQuery,
  'date' | 'cost' | 'offerKind' | 'fundingFrame' | 'mentorAgreementAttributes'
>;

function conditionValue(
  document: RefundRulesDocument,
  query: Selector,
  dimension: ConditionDimension,
): string {
  switch (dimension) {
    case 'readiness':
      return query.attributes?.readiness ?? 'unknown';
    case 'sickPayCategory':
      return query.attributes?.sickPayCategory === undefined
        ? 'unknown'
        : String(query.attributes.sickPayCategory);
    case 'months':
      return monthsBucketOf(query.monthsUnemployed, document);
    case 'mentorWindow':
      return query.withinMentorWindow === undefined ? 'unknown' : query.withinMentorWindow ? 'yes' : 'no';
    case 'mentorAgreement':
      return query.mentorAgreementTargetGroup === undefined
        ? 'unknown'
        : query.mentorAgreementTargetGroup === 'jobafklaring'
          ? 'jobafklaring'
          : 'other';
    case 'scheme':
      return query.scheme ?? 'none';
    case 'programmeExpired':
      return query.attributes?.programmeExpired ? 'yes' : 'no';
    case 'selfSupporting':
      return query.attributes?.selfSupporting === undefined
        ? 'unknown'
        : query.attributes.selfSupporting
          ? 'yes'
          : 'no';
  }
}

function assertWellFormed(query: RefundQuery): void {
  const date = query.date;
  if (typeof date !== 'string' || date.length !== 10 || date[4] !== '-' || date[7] !== '-')
    throw new RangeError(`date must be YYYY-MM-DD, got '${String(date)}'`);
  if (!OFFER_KIND_SET.has(query.offerKind))
    throw new RangeError(`unknown offer kind '${String(query.offerKind)}'`);
  if (
    query.cost?.kind !== 'mentor' &&
    !(query.cost?.kind === 'expense' && EXPENSE_TYPE_SET.has(query.cost.expenseType))
  ) {
    throw new RangeError(`unknown cost ${JSON.stringify(query.cost)}`);
  }
  const agreement = query.mentorAgreementTargetGroup;
  if (agreement !== undefined && !TARGET_GROUP_SET.has(agreement))
    throw new RangeError(`unknown mentor agreement target group '${String(agreement)}'`);
}

/** The same mentor query as asked for the target group and attributes the person had when the agreement was made. */
function asOfAgreement(
  query: RefundQuery,
  targetGroup: TargetGroup,
  attributes: TargetGroupAttributes | undefined,
): Selector {
  return {
    targetGroup,
    attributes,
    monthsUnemployed: query.monthsUnemployed,
    withinMentorWindow: query.withinMentorWindow,
    scheme: query.scheme,
  };
}

/** One version of the rulebook: its timelines, built once. */
class RefundDecisionEngine {
  private readonly index: TimelineIndex;
  private readonly agreementReader: MentorAgreementReader;

  constructor(private readonly document: RefundRulesDocument) {
    this.index = buildTimelineIndex(document.rules);
    this.agreementReader = new MentorAgreementReader(document.mentorAgreementReading);
  }

  decide(asked: RefundQuery): RefundDecision {
    assertWellFormed(asked);
    // An igu offer's costs are the igu scheme's (igu § 10), whoever asks.
    const query =
      asked.offerKind === 'igu' && asked.scheme === undefined ? { ...asked, scheme: 'igu' as const } : asked;
    const category = costCategoryOf(query.offerKind, query.cost, query.fundingFrame);
    let timeline = this.timelineOf(query, category);
    const agreement = query.mentorAgreementTargetGroup;
    if (category === 'mentor' && this.agreementReader.applies(query.targetGroup, agreement)) {
      const byAgreement = this.timelineOf(
        asOfAgreement(query, agreement, query.mentorAgreementAttributes),
        category,
      );
      timeline = this.agreementReader.timeline(query.targetGroup, timeline, byAgreement);
    }
    return segmentAt(timeline, query.date).decision;
  }

  private timelineOf(query: Selector, category: CostCategory): readonly DecisionSegment[] {
    const bucket = this.index.get(bucketKey(query.scheme ?? 'none', query.targetGroup, category));
    if (!bucket)
      throw new RangeError(
        `unknown target group '${String(query.targetGroup)}' or scheme '${String(query.scheme)}'`,
      );
    const dimensions = bucket.dimensions;
    const value = (d: ConditionDimension) => conditionValue(this.document, query, d);
    const key =
      dimensions.length === 0
        ? ''
        : dimensions.length === 1
          ? value(dimensions[0])
          : dimensions.map(value).join('|');
    const timeline = bucket.timelines.get(key);
    if (!timeline) throw new RangeError(`unsupported attribute values '${key}' for ${query.targetGroup}`);
    return timeline;
  }
}

const DECIDERS = new Map<string, (query: RefundQuery) => RefundDecision>();

/** The decision function of a rulebook version (built on first use; throws for a version this code does not know). */
export function decideRefundUnder(version: string): (query: RefundQuery) => RefundDecision {
  let decide = DECIDERS.get(version);
  if (!decide) {
    const engine = new RefundDecisionEngine(rulesDocument(version));
    DECIDERS.set(version, (decide = (query) => engine.decide(query)));
  }
  return decide;
}

const decideCurrent = decideRefundUnder(RULEBOOK_VERSION);

/**
 * The refund decision of the current rulebook for a cost on `query.date`: a rule (rate, cap, accounts, citation), or
 * an explicit `no_rule` / `ambiguous` with its reason. validFrom/validTo is the maximal interval around the date with
 * the same decision for the same inputs. Decisions are shared frozen objects: do not mutate them.
 */
export function decideRefund(query: RefundQuery): RefundDecision {
  return decideCurrent(query);
}

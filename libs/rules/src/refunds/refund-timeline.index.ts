// Precomputes, at load, for every (scheme, target group, cost category, relevant condition values) the complete
// timeline of decisions from the beginning to the end of time: rule rows in date order, gaps filled with an explicit
// no_rule. A decision is then one map lookup and a binary search, and its validFrom/validTo are the segment bounds.
import {
  TARGET_GROUPS,
  type IsoDate,
  BEGINNING_OF_TIME,
  END_OF_TIME,
  nextDay,
  previousDay,
} from '@app/domain';
import { accountOf } from '../accounts/account-groupings.catalog';
import type { RefundDecision } from '../rulebook.types';
import {
  COST_CATEGORIES,
  CONDITION_DIMENSIONS,
  CONDITION_VALUES,
  type ConditionDimension,
  type RefundRule,
} from './refund-rule.model';
import { acceptedValues } from './refund-rules.validator';

export interface DecisionSegment {
  from: IsoDate;
  to: IsoDate;
  decision: RefundDecision;
}

/** The timelines of one (scheme, target group, category): keyed by the values of the dimensions its rows constrain. */
export interface TimelineBucket {
  dimensions: readonly ConditionDimension[];
  timelines: ReadonlyMap<string, readonly DecisionSegment[]>;
}

export type TimelineIndex = ReadonlyMap<string, TimelineBucket>;

export const GAP_REASON =
  'No rule row covers this date for this combination (the rulebook covers activity dates from 2014-01-01)';

export function bucketKey(scheme: string, targetGroup: string, category: string): string {
  return `${scheme}|${targetGroup}|${category}`;
}

function decisionFor(rule: RefundRule | null, from: IsoDate, to: IsoDate): RefundDecision {
  if (rule === null)
    return {
      outcome: 'no_rule',
      reason: GAP_REASON,
      costAccount: null,
      validFrom: from,
      validTo: to,
      citations: [],
    };
  const base = { validFrom: from, validTo: to, citations: rule.sources };
  if (rule.outcome === 'rule') {
    return {
      ...base,
      outcome: 'rule',
      ruleId: rule.id,
      rateBasisPoints: rule.rateBasisPoints,
      cap: rule.cap,
      costAccount: accountOf(rule.costAccount),
      refundAccount: rule.refundAccount === null ? null : accountOf(rule.refundAccount),
    };
  }
  return {
    ...base,
    outcome: rule.outcome,
    ruleId: rule.id,
    reason: rule.reason,
    costAccount: rule.costAccount === undefined ? null : accountOf(rule.costAccount),
    ...(rule.candidates && { candidates: rule.candidates }),
    ...(rule.indicatedRateBasisPoints !== undefined && {
      indicatedRateBasisPoints: rule.indicatedRateBasisPoints,
    }),
    ...(rule.indicatedCap !== undefined && { indicatedCap: rule.indicatedCap }),
  };
}

function timelineOf(rules: readonly RefundRule[]): DecisionSegment[] {
  const segments: DecisionSegment[] = [];
  const push = (rule: RefundRule | null, from: IsoDate, to: IsoDate) =>
    segments.push(Object.freeze({ from, to, decision: Object.freeze(decisionFor(rule, from, to)) }));
  let cursor = BEGINNING_OF_TIME;
  for (const rule of [...rules].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))) {
    if (rule.validFrom > cursor) push(null, cursor, previousDay(rule.validFrom));
    const to = rule.validTo ?? END_OF_TIME;
    push(rule, rule.validFrom, to);
    cursor = to === END_OF_TIME ? END_OF_TIME : nextDay(to);
    if (to === END_OF_TIME) return segments;
  }
  push(null, cursor, END_OF_TIME);
  return segments;
}

function combinations(dimensions: readonly ConditionDimension[]): string[][] {
  return dimensions.reduce<string[][]>(
    (combos, d) => combos.flatMap((combo) => CONDITION_VALUES[d].map((value) => [...combo, value])),
    [[]],
  );
}

function bucketOf(rules: readonly RefundRule[]): TimelineBucket {
  const dimensions = CONDITION_DIMENSIONS.filter(
    (d) => d !== 'scheme' && rules.some((rule) => rule.when[d] !== undefined),
  );
  const timelines = new Map<string, readonly DecisionSegment[]>();
  for (const combo of combinations(dimensions)) {
    const matching = rules.filter((rule) =>
      dimensions.every((d, i) => acceptedValues(rule, d).includes(combo[i])),
    );
    timelines.set(combo.join('|'), Object.freeze(timelineOf(matching)));
  }
  return Object.freeze({ dimensions, timelines });
}

/** The segment of a timeline (ordered, gapless, from the beginning of time) that contains `date`. */
export function segmentAt(segments: readonly DecisionSegment[], date: IsoDate): DecisionSegment {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (segments[mid].from <= date) low = mid;
    else high = mid - 1;
  }
  return segments[low];
}

export function buildTimelineIndex(rules: readonly RefundRule[]): TimelineIndex {
  const index = new Map<string, TimelineBucket>();
  for (const scheme of CONDITION_VALUES.scheme) {
    const schemeRules = rules.filter((rule) => acceptedValues(rule, 'scheme').includes(scheme));
    for (const targetGroup of TARGET_GROUPS) {
      for (const category of COST_CATEGORIES) {
        const bucketRules = schemeRules.filter(
          (rule) => rule.when.targetGroups.includes(targetGroup) && rule.when.categories.includes(category),
        );
        index.set(bucketKey(scheme, targetGroup, category), bucketOf(bucketRules));
      }
    }
  }
  return index;
}

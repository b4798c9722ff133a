// Exhaustive checks of the whole rulebook:
// 1. the rule rows partition every (scheme × target group × cost category × condition values) from 2014-01-01 on:
//    no overlaps and no gap that would fall to the engine's "no row" default;
// 2. decideRefund for every target group × offer kind × cost × funding frame (none, and every seed 002 frame) × the
//    attribute values a group uses, by a walk over every decision segment 2014-01-01..2030-12-31 (every boundary date,
//    both sides): validFrom ≤ date ≤ validTo, the same decision at both ends and in the middle, and a different decision
//    on each side (maximal interval);
// 3. a fast-check property over random queries.
import fc from 'fast-check';
import {
  EXPENSE_TYPES,
  OFFER_KINDS,
  READINESS,
  TARGET_GROUPS,
  type IsoDate,
  nextDay,
  previousDay,
} from '@app/domain';
import type { CostKind, RefundDecision, RefundQuery } from '../rulebook.types';
import { FUNDING_FRAME_IDS } from '../offers/offer-validity.checker';
import { decideRefund } from './refund-decision.engine';
import { COST_CATEGORIES, CONDITION_DIMENSIONS, CONDITION_VALUES } from './refund-rule.model';
import { refundRules } from './refund-rules.catalog';
import { acceptedValues } from './refund-rules.validator';
import { GAP_REASON } from './refund-timeline.index';

const FIRST_DAY = '2014-01-01';
const LAST_DAY = '2030-12-31';
const COSTS: CostKind[] = [
  ...EXPENSE_TYPES.map((expenseType) => ({ kind: 'expense' as const, expenseType })),
  { kind: 'mentor' },
];
const FRAMES: (string | undefined)[] = [undefined, ...FUNDING_FRAME_IDS];

function middleOf(from: IsoDate, to: IsoDate): IsoDate {
  const [a, b] = [Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`)];
  return new Date(a + Math.floor((b - a) / 172_800_000) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Walks the decisions of one query without its date from 2014-01-01 to 2030-12-31, segment by segment, checking each
 * segment's first, middle and last day and the days just outside it; throws on a bad segment, returns how many.
 */
function walkSegments(query: Omit<RefundQuery, 'date'>): number {
  const asked: RefundQuery = { ...query, date: FIRST_DAY };
  const ask = (date: IsoDate) => {
    asked.date = date;
    return decideRefund(asked);
  };
  let segments = 0;
  for (let date = FIRST_DAY; date <= LAST_DAY;) {
    const decision = ask(date);
    const { validFrom, validTo } = decision;
    const ok =
      validFrom <= date &&
      date <= validTo &&
      ask(validFrom) === decision &&
      ask(middleOf(validFrom, validTo)) === decision &&
      ask(validTo) === decision &&
      (validFrom === FIRST_DAY || !sameDecision(ask(previousDay(validFrom)), decision)) &&
      (validTo >= LAST_DAY || ask(nextDay(validTo)).validFrom === nextDay(validTo)) &&
      !(decision.outcome === 'no_rule' && decision.reason === GAP_REASON);
    if (!ok) throw new Error(`${JSON.stringify(query)} on ${date}: ${JSON.stringify(decision)}`);
    segments++;
    date = nextDay(validTo);
  }
  return segments;
}

function sameDecision(a: RefundDecision, b: RefundDecision): boolean {
  const strip = ({ validFrom: _f, validTo: _t, ...rest }: RefundDecision) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

describe('rulebook coverage (rows)', () => {
  it('every combination from 2014-01-01 is covered by exactly one row per day, open-ended', () => {
    const rules = refundRules();
    const problems: string[] = [];
    // Every value of the dimensions the bucket's rows constrain (a dimension no row constrains accepts every value
    // alike, so one value of it stands for all), and both schemes.
    const combosOf = (dimensions: readonly (typeof CONDITION_DIMENSIONS)[number][]) =>
      dimensions.reduce<string[][]>(
        (acc, d) => acc.flatMap((c) => CONDITION_VALUES[d].map((v) => [...c, v])),
        [[]],
      );
    for (const targetGroup of TARGET_GROUPS) {
      for (const category of COST_CATEGORIES) {
        const bucket = rules.filter(
          (r) => r.when.targetGroups.includes(targetGroup) && r.when.categories.includes(category),
        );
        const dimensions = CONDITION_DIMENSIONS.filter(
          (d) => d === 'scheme' || bucket.some((r) => r.when[d] !== undefined),
        );
        for (const combo of combosOf(dimensions)) {
          const rows = bucket
            .filter((r) => dimensions.every((d, i) => acceptedValues(r, d).includes(combo[i])))
            .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
          let expectedStart = FIRST_DAY;
          for (const row of rows) {
            if (row.validFrom !== expectedStart)
              problems.push(
                `${targetGroup}/${category}/${combo.join(',')}: ${row.id} starts ${row.validFrom}, expected ${expectedStart}`,
              );
            expectedStart = row.validTo === null ? 'open' : nextDay(row.validTo);
          }
          if (expectedStart !== 'open')
            problems.push(`${targetGroup}/${category}/${combo.join(',')}: not covered from ${expectedStart}`);
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

describe('decideRefund over time', () => {
  it('every target group × offer kind × cost × funding frame × the attribute values a group uses: walking the decision boundaries 2014-2030, one decision per day', () => {
    // The decisions of one query are segments of a timeline; walking from segment to segment and checking each one's
    // first, middle and last day, and the days just outside it, proves one decision for every day without asking each.
    // readiness and months matter for kontant-/uddannelseshjælp, the category for sygedagpenge, the window for mentor,
    // the agreement's target group for mentor of a person in no target group
    // (which rows use which condition is checked for all values by the coverage test above)
    const readinessFor = (tg: string) =>
      tg === 'kontanthjaelp' || tg === 'ung_kontanthjaelp' ? [undefined, ...READINESS] : [undefined];
    const monthsFor = (tg: string) =>
      tg === 'kontanthjaelp' || tg === 'ung_kontanthjaelp' ? [undefined, 3, 12, 30] : [undefined];
    const sickPayFor = (tg: string) =>
      tg === 'sygedagpenge' ? ([undefined, 1, 2, 3] as const) : [undefined];
    const windowFor = (cost: CostKind, offerKind: string) =>
      cost.kind === 'mentor' || offerKind === 'mentor' ? [undefined, true, false] : [undefined];
    const agreementFor = (tg: string, cost: CostKind, offerKind: string) =>
      tg === 'none' && (cost.kind === 'mentor' || offerKind === 'mentor')
        ? ([undefined, 'jobafklaring', 'kontanthjaelp'] as const)
        : [undefined];
    const selfSupportingFor = (tg: string) =>
      tg === 'integration_programme' ? [undefined, true, false] : [undefined];
    const programmeExpiredFor = (tg: string) =>
      tg === 'integration_programme' ? [undefined, true] : [undefined];
    let segments = 0;
    for (const targetGroup of TARGET_GROUPS)
      for (const offerKind of OFFER_KINDS)
        for (const cost of COSTS)
          for (const fundingFrame of FRAMES)
            for (const readiness of readinessFor(targetGroup))
              for (const sickPayCategory of sickPayFor(targetGroup))
                for (const monthsUnemployed of monthsFor(targetGroup))
                  for (const withinMentorWindow of windowFor(cost, offerKind))
                    for (const mentorAgreementTargetGroup of agreementFor(targetGroup, cost, offerKind))
                      for (const scheme of [undefined, 'igu'] as const)
                        for (const selfSupporting of selfSupportingFor(targetGroup))
                          for (const programmeExpired of programmeExpiredFor(targetGroup)) {
                            const query = {
                              targetGroup,
                              offerKind,
                              cost,
                              fundingFrame,
                              attributes: { readiness, sickPayCategory, selfSupporting, programmeExpired },
                              monthsUnemployed,
                              withinMentorWindow,
                              mentorAgreementTargetGroup,
                              scheme,
                            };
                            segments += walkSegments(query);
                          }
    expect(segments).toBeGreaterThan(
      TARGET_GROUPS.length * OFFER_KINDS.length * COSTS.length * FRAMES.length,
    );
  });

  it('mentor of every target group × the target group and attributes when the agreement was made: walking the decision boundaries, one decision per day', () => {
    const attributeProfiles = [
      undefined,
      { readiness: 'aktivitetsparat', sickPayCategory: 2 },
      { readiness: 'jobparat', sickPayCategory: 1 },
    ] as const;
    let segments = 0;
    for (const targetGroup of TARGET_GROUPS)
      for (const attributes of attributeProfiles)
        for (const mentorAgreementTargetGroup of [undefined, ...TARGET_GROUPS])
          for (const mentorAgreementAttributes of attributeProfiles)
            for (const withinMentorWindow of [undefined, true, false]) {
              const query = {
                targetGroup,
                offerKind: 'mentor' as const,
                cost: { kind: 'mentor' as const },
                attributes,
                mentorAgreementTargetGroup,
                mentorAgreementAttributes,
                withinMentorWindow,
              };
              segments += walkSegments(query);
            }
    expect(segments).toBeGreaterThan(TARGET_GROUPS.length ** 2);
  });

  it('property: random queries get one decision valid on its date, identical across its interval', () => {
    const day = fc
      .integer({ min: 0, max: 6208 })
      .map((n) => new Date(Date.UTC(2014, 0, 1 + n)).toISOString().slice(0, 10));
    const query = fc.record({
      date: day,
      targetGroup: fc.constantFrom(...TARGET_GROUPS),
      offerKind: fc.constantFrom(...OFFER_KINDS),
      cost: fc.constantFrom(...COSTS),
      attributes: fc.record({
        readiness: fc.option(fc.constantFrom(...READINESS), { nil: undefined }),
        sickPayCategory: fc.option(fc.constantFrom(1 as const, 2 as const, 3 as const), { nil: undefined }),
      }),
      monthsUnemployed: fc.option(fc.double({ min: 0, max: 120, noNaN: true }), { nil: undefined }),
      withinMentorWindow: fc.option(fc.boolean(), { nil: undefined }),
      mentorAgreementTargetGroup: fc.option(fc.constantFrom(...TARGET_GROUPS), { nil: undefined }),
      fundingFrame: fc.option(fc.constantFrom(...FUNDING_FRAME_IDS), { nil: undefined }),
    });
    fc.assert(
      fc.property(query, fc.integer({ min: 0, max: 10_000 }), (q, offset) => {
        const decision = decideRefund(q);
        expect(decision.validFrom <= q.date && q.date <= decision.validTo).toBe(true);
        const inside = new Date(Date.UTC(2014, 0, 1));
        inside.setTime(
          Math.min(
            Date.parse(`${decision.validTo}T00:00:00Z`),
            Date.parse(`${decision.validFrom}T00:00:00Z`) + offset * 86_400_000,
          ),
        );
        expect(decideRefund({ ...q, date: inside.toISOString().slice(0, 10) })).toBe(decision);
        if (decision.outcome === 'rule') {
          expect(decision.costAccount.dranst).toBe('1');
          if (decision.rateBasisPoints === 0) expect(decision.refundAccount).toBeNull();
        } else {
          expect(decision.reason.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

// 2014-2018 mentor costs: the chart books them by the target group the person had when the mentor agreement was made
// (groupings 017/019), seed 003 by the group on the activity date. Given both timelines of decisions (activity-date
// group, agreement group), this composes the timeline the rulebook answers with: outside the reading's period the
// activity date decides; inside it, for a person in no target group the agreement's group decides, and for anyone
// else the two must agree or the answer is `ambiguous`. Composed timelines are built once per pair and cached.
import { type IsoDate, type TargetGroup, END_OF_TIME, nextDay, previousDay } from '@app/domain';
import type { RefundDecision, UnresolvedDecision } from '../rulebook.types';
import type { MentorAgreementReading } from './refund-rule.model';
import { segmentAt, type DecisionSegment } from './refund-timeline.index';

type Timeline = readonly DecisionSegment[];
type Content = Omit<RefundDecision, 'validFrom' | 'validTo'>;

function contentOf({ validFrom: _from, validTo: _to, ...content }: RefundDecision): Content {
  return content;
}

/** What a decision posts: two readings agree when they post the same (any two unresolved answers withhold the refund alike). */
function effectOf(decision: RefundDecision): string {
  if (decision.outcome !== 'rule') return 'unresolved';
  return JSON.stringify([
    decision.rateBasisPoints,
    decision.cap,
    decision.costAccount,
    decision.refundAccount,
  ]);
}

export class MentorAgreementReader {
  private readonly cache = new WeakMap<Timeline, WeakMap<Timeline, Timeline>>();
  private readonly followCitations;

  constructor(private readonly reading: MentorAgreementReading) {
    this.followCitations = reading.sources.map((c, i) => (i === 0 ? { ...c, note: reading.followNote } : c));
  }

  /** Whether the reading can change the answer for a mentor cost of a person in `targetGroup` with this agreement group. */
  applies(targetGroup: TargetGroup, agreementGroup: TargetGroup | undefined): agreementGroup is TargetGroup {
    return (
      agreementGroup !== undefined &&
      agreementGroup !== targetGroup &&
      this.reading.agreementGroups.includes(agreementGroup)
    );
  }

  /** The composed timeline for a person in `targetGroup` (decisions `byDate`) whose agreement was made in another group (`byAgreement`). */
  timeline(targetGroup: TargetGroup, byDate: Timeline, byAgreement: Timeline): Timeline {
    let inner = this.cache.get(byDate);
    if (!inner) this.cache.set(byDate, (inner = new WeakMap()));
    let composed = inner.get(byAgreement);
    if (!composed)
      inner.set(
        byAgreement,
        (composed = this.compose(
          this.reading.followsAgreementFor.includes(targetGroup),
          byDate,
          byAgreement,
        )),
      );
    return composed;
  }

  private contentOn(follows: boolean, date: IsoDate, byDate: Timeline, byAgreement: Timeline): Content {
    const own = segmentAt(byDate, date).decision;
    if (date < this.reading.validFrom || date > this.reading.validTo) return contentOf(own);
    const agreed = segmentAt(byAgreement, date).decision;
    if (follows) return { ...contentOf(agreed), citations: [...agreed.citations, ...this.followCitations] };
    if (effectOf(own) === effectOf(agreed)) return contentOf(own);
    const ambiguous: Omit<UnresolvedDecision, 'validFrom' | 'validTo'> = {
      outcome: 'ambiguous',
      ruleId: this.reading.id,
      reason: this.reading.reason,
      costAccount: null,
      candidates: [own.ruleId, agreed.ruleId].filter((id): id is string => id !== undefined),
      citations: this.reading.sources,
    };
    return ambiguous;
  }

  private compose(follows: boolean, byDate: Timeline, byAgreement: Timeline): Timeline {
    const starts = [
      ...new Set(
        [...byDate, ...byAgreement]
          .map((s) => s.from)
          .concat(this.reading.validFrom, nextDay(this.reading.validTo)),
      ),
    ].sort();
    const pieces = starts.map((from) => {
      const content = this.contentOn(follows, from, byDate, byAgreement);
      return { from, content, key: JSON.stringify(content) };
    });
    const joined = pieces.filter((piece, i) => i === 0 || piece.key !== pieces[i - 1].key);
    return Object.freeze(
      joined.map(({ from, content }, i) => {
        const to = i + 1 < joined.length ? previousDay(joined[i + 1].from) : END_OF_TIME;
        return Object.freeze({
          from,
          to,
          decision: Object.freeze({ ...content, validFrom: from, validTo: to } as RefundDecision),
        });
      }),
    );
  }
}

// The chain behind one posting (API.md "Queries"): the events, the timeline segment, the rule
// with its citation, the arithmetic, and where a cap applied.
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { formatOere, staffTimesheetStream } from '@app/domain';
import type { EventStore, RecordedEvent } from '@app/event-store';
import {
  explainSegment,
  explainShare,
  keyParts,
  refundAccountKey,
  type CapAccountShare,
  type Posting,
} from '@app/ledger';
import { adoptionOf, LedgerQueries, RULEBOOK_STREAM, StatementQueries, capJson } from '@app/read-models';
import { ruleById, type RefundRule } from '@app/rules';
import { EVENT_STORE } from '../api.tokens';
import { citationJson, entryJson } from './ledger-json';
import { NotFoundError } from './not-found.error';
import { carveOutJson, percentOf } from './project.query';
import { timesheetJson } from './timesheet-json';

export class ExplainEntry extends Query<Record<string, unknown>> {
  constructor(
    readonly municipality: string,
    readonly entryId: string,
    readonly asOf: string,
  ) {
    super();
  }
}

/** A posting as read, with the log position of the event that caused it. */
type PositionedPosting = Posting & { position: string };

const eventJson = (e: RecordedEvent) => ({
  id: e.id,
  type: e.type,
  stream: e.stream,
  revision: e.revision,
  position: e.position.toString(),
  data: e.data,
  metadata: e.metadata,
});

/** Why this share: the participant's days of all participants' days in the expense's period, and its øre. */
function projectShareJson(s: Record<string, unknown>) {
  const base = {
    projectId: s.project_id as string,
    expenseId: s.expense_id as string,
    offerId: s.offer_id as string,
    expenseAmount: formatOere(BigInt(s.expense_amount_oere as string)),
    totalParticipantDays: Number(s.total_participant_days),
  };
  if (s.share_oere === null) return { ...base, share: null, note: 'no longer a participant in the period' };
  const explained = explainShare({
    offerId: s.offer_id as string,
    from: s.share_from as string,
    to: s.share_to as string,
    participantDays: Number(s.participant_days),
    daysBefore: Number(s.days_before),
    totalParticipantDays: Number(s.total_participant_days),
    expenseAmountOere: Number(s.expense_amount_oere),
  });
  return {
    ...base,
    participantDays: explained.participantDays,
    daysBefore: explained.daysBefore,
    percentage: percentOf(explained.participantDays, explained.totalParticipantDays),
    share: formatOere(explained.shareOere),
    formula: explained.formula,
    source:
      '003_ba212cd929ee8ae7.txt L4210-L4213 (costs for several target groups are divided between them); shares by participant-days',
  };
}

/** A posting's carve-out is the one it was made from (a reversal's, the one the reversed posting was made from). */
const POSTED = 'as it stood when the posting was made';

const ruleJson = (rule: RefundRule) => ({ ...rule, sources: rule.sources.map(citationJson) });

/** What the explanation endpoint answers as JSON: the union of the handler's answers. */
export type Explanation = Awaited<ReturnType<ExplainEntryHandler['execute']>>;

@QueryHandler(ExplainEntry)
export class ExplainEntryHandler implements IQueryHandler<ExplainEntry> {
  constructor(
    @Inject(LedgerQueries) private readonly queries: LedgerQueries,
    @Inject(StatementQueries) private readonly statements: StatementQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ municipality: m, entryId, asOf }: ExplainEntry) {
    const entry = await this.queries.entry(m, entryId, asOf);
    if (!entry) throw new NotFoundError(`no ledger entry ${entryId} in municipality ${m}`);
    if (entry.kind === 'cap_adjustment') return this.explainCapAdjustment(entry);
    // A posting of no cost item: a project's of no person, or an offer's carve-out on 6.45.53 or its excess.
    const personId = entry.personId;
    const item = personId === null ? null : await this.queries.costItem(m, entry.costItemId);
    if (personId === null || !item) return this.explainOwn(m, entry);
    const carveOut = await this.carveOutOf(m, entry);
    const share =
      item.project_id && !carveOut
        ? await this.queries.projectShareOf(m, entry.costItemId, entry.reverses ?? entry.entryId)
        : null;
    const timesheet = await this.timesheetOf(
      m,
      entry.costItemId,
      item.project_id as string | null,
      entry.offerId,
    );
    const timeline = await this.queries.timeline(m, personId, entry.recordedAt);
    const segment =
      timeline.find(
        (s) => s.from !== null && s.from <= entry.activityFrom && (s.to === null || s.to >= entry.activityTo),
      ) ?? null;
    const [itemKind, ...ids] = keyParts(entry.costItemId);
    // An offer's carve-out's deduction (admin-offer:{offerId}:{shareId}:expense:{expenseId}) comes out of that expense.
    const stream = item.project_id
      ? `project-${m}-${item.project_id}`
      : itemKind === 'admin-offer'
        ? `expense-${m}-${ids[3]}`
        : item.kind === 'expense'
          ? `expense-${m}-${ids[0]}`
          : `mentor-agreement-${m}-${item.agreement_id}`;
    const related = [
      ...(await this.store.readStream(stream)),
      ...(await this.store.readStream(`person-${m}-${entry.personId}`)),
      ...(entry.offerId && !item.project_id
        ? await this.store.readStream(`offer-${m}-${entry.offerId}`)
        : []),
      ...(timesheet ? await this.store.readStream(staffTimesheetStream(m, timesheet.staffId)) : []),
      ...(await this.store.readStream(RULEBOOK_STREAM)),
    ];
    const adoption = related.find((e) => e.id === entry.causedBy.commandId && adoptionOf(e));
    const wanted = new Set([
      item.event_id,
      entry.causedBy.eventId,
      item.reversal_event_id,
      share?.event_id,
      adoption?.id,
    ]);
    const found = related.filter((e) => wanted.has(e.id));
    const events = [...found, ...(await this.causeBesides(entry, found))].map(eventJson);
    // A share's postings were made from the share standing then, not from the item's current amount.
    const basis = share
      ? { amount: share.share_oere, from: share.share_from, to: share.share_to }
      : { amount: item.amount_oere, from: item.activity_from, to: item.activity_to };
    const rule = entry.ruleId ? ruleById(entry.ruleId, entry.rulebookVersion ?? undefined) : undefined;
    const arithmetic = explainSegment({
      itemAmountOere: Number(basis.amount),
      itemFrom: basis.from as string,
      itemTo: basis.to as string,
      from: entry.activityFrom,
      to: entry.activityTo,
      rateBasisPoints: entry.refundRateBasisPoints,
    });
    return {
      entry: entryJson(entry),
      costItem: {
        costItemId: entry.costItemId,
        kind: item.kind as 'expense' | 'mentor',
        expenseType: (item.expense_type as string | null) ?? null,
        offerId: entry.offerId,
        invoiceRef: (item.invoice_ref as string | null) ?? null,
        amount: formatOere(BigInt(basis.amount as string)),
        activityFrom: basis.from as string,
        activityTo: basis.to as string,
        unemploymentMonthsOn: (item.unemployment_months_on as string | null) ?? null,
      },
      projectShare: share && projectShareJson(share),
      ...(carveOut && { administrativeShare: carveOut }),
      ...(timesheet && { timesheet }),
      events,
      timelineSegment: segment,
      rule: rule ? ruleJson(rule) : null,
      rulebookAdoption: adoption ? adoptionJson(adoption) : null,
      unresolved: entry.unresolved,
      arithmetic:
        entry.kind === 'reversal'
          ? { ...arithmetic, note: `a reversal negates ${entry.reverses} exactly` }
          : arithmetic,
      cap: entry.cap === null ? null : await this.capOf(m, entry, asOf),
    };
  }

  /** Where a cap applied: the cap of the posting's booking year as of asOf, and the adjustment that last restated it. */
  private async capOf(m: string, entry: Posting, asOf: string) {
    const year = Number(entry.bookingPeriod.slice(0, 4));
    const { computation, lastAdjustment } = await this.statements.capAsOf(m, year, entry.cap!, asOf);
    return {
      bookingYear: year,
      note: 'the posting carries its uncapped refund; the cap of its booking year is applied by cap_adjustment postings',
      ...capJson(computation),
      lastAdjustment: lastAdjustment && {
        entryId: lastAdjustment.entryId,
        ...capJson(lastAdjustment.computation),
      },
    };
  }

  /**
   * A posting of no cost item: of a project with no person, an expense no participant bore (the whole amount,
   * unresolved), a carve-out of a project's or an offer's costs on 6.45.53 and its excess, with the carve-out's
   * method and arithmetic, or a timesheet's administration part.
   */
  private async explainOwn(m: string, entry: PositionedPosting) {
    const carveOut = await this.carveOutOf(m, entry);
    const timesheet = await this.timesheetOf(m, entry.costItemId, null, null);
    const [kind, id] = keyParts(entry.costItemId);
    const stream = timesheet
      ? staffTimesheetStream(m, timesheet.staffId)
      : kind === 'project' || kind === 'admin'
        ? `project-${m}-${id}`
        : kind === 'admin-offer'
          ? `offer-${m}-${id}`
          : null;
    const found = stream
      ? (await this.store.readStream(stream)).filter((e) => e.id === entry.causedBy.eventId)
      : [];
    const events = [...found, ...(await this.causeBesides(entry, found))];
    return {
      entry: entryJson(entry),
      costItem: {
        costItemId: entry.costItemId,
        kind: 'expense' as const,
        expenseType: timesheet ? 'staff_cost' : null,
        offerId: entry.offerId,
        invoiceRef: null,
        amount: formatOere(entry.amountOere),
        activityFrom: entry.activityFrom,
        activityTo: entry.activityTo,
        unemploymentMonthsOn: null,
      },
      events: events.map(eventJson),
      timelineSegment: null,
      rule: null,
      unresolved: entry.unresolved,
      arithmetic: null,
      cap: null,
      ...(carveOut && { administrativeShare: carveOut }),
      ...(timesheet && { timesheet }),
    };
  }

  /** The timesheet a posting's item is a part of (a project's share of it, an offer's part, its administration). */
  private async timesheetOf(m: string, costItemId: string, projectId: string | null, offerId: string | null) {
    const t = await this.queries.timesheetOf(m, costItemId);
    if (!t) return null;
    return timesheetJson(t, (p) =>
      projectId !== null
        ? p.target.kind === 'project' && p.target.projectId === projectId
        : offerId !== null
          ? p.target.kind === 'offer' && p.target.offerId === offerId
          : p.target.kind === 'administration',
    );
  }

  /**
   * The carve-out an item of `admin:{projectId}:{shareId}…` or `admin-offer:{offerId}:{shareId}…` belongs to, as it
   * stood when the posting was made, and what the posting is of it: the carve-out itself, its excess or a deduction.
   */
  private async carveOutOf(m: string, entry: Posting) {
    const [kind, ofId, shareId, ...rest] = keyParts(entry.costItemId);
    if ((kind !== 'admin' && kind !== 'admin-offer') || shareId === undefined) return null;
    const postedAt = entry.reverses ?? entry.entryId;
    const of = kind === 'admin' ? { projectId: ofId } : { offerId: ofId };
    const carveOut = await this.queries.carveOutOf(m, of, shareId, postedAt);
    if (!carveOut) return null;
    const role =
      rest.length === 0 ? 'carve_out' : rest.length === 1 && rest[0] === 'excess' ? 'excess' : 'deduction';
    return {
      ...carveOutJson(carveOut, POSTED, of),
      role: role as 'carve_out' | 'excess' | 'deduction',
    };
  }

  /**
   * The event that caused the posting unless it is among `found`: read at the posting's log position, which is its
   * causing event's (the first event after the one before it). A cause may lie on none of the streams an explanation
   * reads: an expense reversed on its own stream moves the carve-outs of its offer and their excess.
   */
  private async causeBesides(
    entry: PositionedPosting,
    found: readonly RecordedEvent[],
  ): Promise<RecordedEvent[]> {
    if (found.some((e) => e.id === entry.causedBy.eventId)) return [];
    const [cause] = await this.store.readAll(BigInt(entry.position) - 1n, 1);
    return cause?.id === entry.causedBy.eventId ? [cause] : [];
  }

  /** A cap adjustment: the computation it was posted from, and the event that caused it. */
  private async explainCapAdjustment(entry: PositionedPosting) {
    const computation = await this.statements.capComputationOf(entry.entryId);
    return {
      entry: entryJson(entry),
      costItem: null,
      events: (await this.causeBesides(entry, [])).map(eventJson),
      causedBy: entry.causedBy,
      timelineSegment: null,
      rule: null,
      unresolved: null,
      arithmetic: null,
      cap: computation && {
        bookingYear: computation.year,
        note: `adjustment = capped refund − refund before cap − adjustments already booked = ${formatOere(computation.requiredAdjustmentOere)} − ${formatOere(computation.adjustmentsBeforeOere)} = ${formatOere(computation.deltaOere)}`,
        ...capJson(computation),
        adjustmentsBefore: formatOere(computation.adjustmentsBeforeOere),
        delta: formatOere(computation.deltaOere),
        ...(computation.account && { account: accountShareJson(computation.account) }),
      },
    };
  }
}

/** A cap adjustment's part on one refund account: its weight, its share and what was on it before. */
function accountShareJson(a: CapAccountShare) {
  const account = refundAccountKey(a.refundAccount) || null;
  return {
    refundAccount: account,
    refundBeforeCap: formatOere(a.refundBeforeCapOere),
    totalRefundBeforeCap: formatOere(a.totalRefundBeforeCapOere),
    adjustment: formatOere(a.adjustmentOere),
    adjustmentsBefore: formatOere(a.adjustmentsBeforeOere),
    delta: formatOere(a.deltaOere),
    formula:
      `the adjustment is shared over the cap's refund accounts by their refund before the cap, rounded cumulatively: ` +
      `${account ?? 'no account'} carries ${formatOere(a.refundBeforeCapOere)} of ${formatOere(a.totalRefundBeforeCapOere)}, its share ${formatOere(a.adjustmentOere)}; ` +
      `${formatOere(a.adjustmentsBeforeOere)} already adjusted on it, so ${formatOere(a.deltaOere)}`,
  };
}

/** Why a posting a rulebook adoption caused was made: the versions, where and when. */
function adoptionJson(adoption: RecordedEvent) {
  const { version, previous } = adoptionOf(adoption)!;
  return {
    version,
    previous,
    position: adoption.position.toString(),
    adoptedAt: adoption.metadata.recordedAt,
    note: `posted when rulebook ${version} was adopted: it judges this cost otherwise than ${previous} did, so the difference is reversed and rebooked in the adoption's booking period`,
  };
}

// cost_item: the ledger's cost items (an offer's expense, or costed mentor hours) and their reversals.
import type { CostItem, LedgerFact, StoredCostItem } from '@app/ledger';
import { tableColumns } from '../sql-rows';
import type { SourceEvent } from './event-row';

export interface CostItemRow {
  municipality: string;
  recorded_at: string;
  event_id: string;
  cost_item_id: string;
  kind: 'expense' | 'mentor';
  person_id: string;
  offer_id: string | null;
  agreement_id: string | null;
  offer_kind: CostItem['offerKind'];
  expense_type: string | null;
  amount_oere: number;
  activity_from: string;
  activity_to: string;
  invoice_ref: string | null;
  mentor_window_from: string | null;
  mentor_window_to: string | null;
  agreement_start_date: string | null;
  funding_frame: string | null;
  unemployment_months_on: string | null;
  contact_hours: string | null;
  preparation_hours: string | null;
  hourly_cost_oere: number | null;
  fee_oere: number | null;
}

export interface CostItemReversalRow {
  municipality: string;
  cost_item_id: string;
  reversed_at: string;
  reversal_event_id: string;
  reversal_reason: string;
}

export const COST_ITEM = tableColumns<CostItemRow>('cost_item', [
  'municipality',
  'recorded_at',
  'event_id',
  'cost_item_id',
  'kind',
  'person_id',
  'offer_id',
  'agreement_id',
  'offer_kind',
  'expense_type',
  'amount_oere',
  'activity_from',
  'activity_to',
  'invoice_ref',
  'mentor_window_from',
  'mentor_window_to',
  'agreement_start_date',
  'funding_frame',
  'unemployment_months_on',
  'contact_hours',
  'preparation_hours',
  'hourly_cost_oere',
  'fee_oere',
]);

type ItemFact = Extract<LedgerFact, { type: 'expense_recorded' | 'mentor_hours_recorded' }>;

export function costItemRow(f: ItemFact, e: SourceEvent): CostItemRow {
  const i = f.item;
  const row: CostItemRow = {
    municipality: e.metadata.municipality,
    recorded_at: e.metadata.recordedAt,
    event_id: e.id,
    cost_item_id: i.costItemId,
    kind: i.cost.kind,
    person_id: i.personId,
    offer_id: i.offerId,
    agreement_id: null,
    offer_kind: i.offerKind,
    expense_type: i.cost.kind === 'expense' ? i.cost.expenseType : null,
    amount_oere: i.amountOere,
    activity_from: i.activityFrom,
    activity_to: i.activityTo,
    invoice_ref: null,
    mentor_window_from: null,
    mentor_window_to: null,
    agreement_start_date: null,
    funding_frame: i.fundingFrame ?? null,
    unemployment_months_on: i.unemploymentMonthsOn ?? null,
    contact_hours: null,
    preparation_hours: null,
    hourly_cost_oere: null,
    fee_oere: null,
  };
  // Set member by member: an object spread of a row is many times slower in V8, for every item written.
  if (f.type === 'expense_recorded') {
    row.invoice_ref = f.invoiceRef;
    return row;
  }
  const h = f.hours;
  row.agreement_id = h.agreementId;
  row.mentor_window_from = i.mentorAgreementPeriod?.from ?? null;
  row.mentor_window_to = i.mentorAgreementPeriod?.to ?? null;
  row.agreement_start_date = h.agreementStartDate;
  row.contact_hours = h.contactHours;
  row.preparation_hours = h.preparationHours;
  row.hourly_cost_oere = h.hourlyCostOere;
  row.fee_oere = h.feeOere;
  return row;
}

export function costItemReversalRow(
  f: Extract<LedgerFact, { type: 'cost_item_reversed' }>,
  e: SourceEvent,
): CostItemReversalRow {
  return {
    municipality: e.metadata.municipality,
    cost_item_id: f.costItemId,
    reversed_at: e.metadata.recordedAt,
    reversal_event_id: e.id,
    reversal_reason: f.reason,
  };
}

/** A row as the ledger reads it back (bigint columns as text). */
export interface StoredCostItemRow {
  municipality: string;
  person_id: string;
  cost_item_id: string;
  kind: 'expense' | 'mentor';
  offer_id: string | null;
  offer_kind: CostItem['offerKind'];
  expense_type: string | null;
  amount_oere: string;
  activity_from: string;
  activity_to: string;
  mentor_window_from: string | null;
  mentor_window_to: string | null;
  agreement_start_date: string | null;
  funding_frame: string | null;
  unemployment_months_on: string | null;
  reversed_at: Date | null;
}

export function storedCostItemOf(i: StoredCostItemRow): StoredCostItem {
  return {
    costItemId: i.cost_item_id,
    personId: i.person_id,
    offerId: i.offer_id,
    municipality: i.municipality,
    offerKind: i.offer_kind,
    cost:
      i.kind === 'mentor' ? { kind: 'mentor' } : { kind: 'expense', expenseType: i.expense_type as never },
    amountOere: Number(i.amount_oere),
    activityFrom: i.activity_from,
    activityTo: i.activity_to,
    // mentor_window_*: the agreement's period (rows written by rulebook 2025.06-3 and before hold the
    // window then derived from it: for company and education mentors at most 6 months from the start)
    mentorAgreementPeriod: i.mentor_window_from
      ? { from: i.mentor_window_from, to: i.mentor_window_to! }
      : null,
    // Rows from before the column have none; their window starts on the agreement's start (mentorRefundWindow).
    mentorAgreementStartDate: i.kind === 'mentor' ? (i.agreement_start_date ?? i.mentor_window_from) : null,
    fundingFrame: i.funding_frame,
    unemploymentMonthsOn: i.unemployment_months_on,
    reversed: i.reversed_at !== null,
  };
}

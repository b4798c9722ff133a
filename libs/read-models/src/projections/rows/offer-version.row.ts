// offer_version: every registration, period change and cancellation of an offer.
import type { LedgerFact } from '@app/ledger';
import { tableColumns } from '../sql-rows';
import type { SourceEvent } from './event-row';

export interface OfferVersionRow {
  municipality: string;
  recorded_at: string;
  event_id: string;
  position: string;
  event_type: string;
  offer_id: string;
  person_id: string;
  offer_kind: string;
  start_date: string;
  end_date: string;
  offer_category: string | null;
  funding_frame: string | null;
  provider: unknown;
  status: 'registered' | 'cancelled';
  reason: string | null;
}

export const OFFER_VERSION = tableColumns<OfferVersionRow>(
  'offer_version',
  [
    'municipality',
    'recorded_at',
    'event_id',
    'position',
    'event_type',
    'offer_id',
    'person_id',
    'offer_kind',
    'start_date',
    'end_date',
    'offer_category',
    'funding_frame',
    'provider',
    'status',
    'reason',
  ],
  ['provider'],
);

export function offerVersionRow(
  { event }: Extract<LedgerFact, { type: 'offer_version' }>,
  e: SourceEvent,
): OfferVersionRow {
  const d = event.data;
  const registered = event.type === 'OfferRegistered' ? event.data : null;
  return {
    municipality: e.metadata.municipality,
    recorded_at: e.metadata.recordedAt,
    event_id: e.id,
    position: e.position.toString(),
    event_type: event.type,
    offer_id: d.offerId,
    person_id: d.personId,
    offer_kind: d.offerKind,
    start_date: d.startDate,
    end_date: d.endDate,
    offer_category: registered?.offerCategory ?? null,
    funding_frame: registered?.fundingFrame ?? null,
    provider: registered?.provider ?? null,
    status: event.type === 'OfferCancelled' ? 'cancelled' : 'registered',
    reason: event.type === 'OfferCancelled' ? event.data.reason : null,
  };
}

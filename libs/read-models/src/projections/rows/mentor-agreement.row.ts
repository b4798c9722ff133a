// mentor_agreement: the registered mentor agreements.
import type { LedgerFact } from '@app/ledger';
import { tableColumns } from '../sql-rows';
import type { SourceEvent } from './event-row';

export interface MentorAgreementRow {
  municipality: string;
  recorded_at: string;
  event_id: string;
  agreement_id: string;
  person_id: string;
  offer_id: string | null;
  mentor_type: string;
  mentor_kind: string;
  start_date: string;
  end_date: string;
}

export const MENTOR_AGREEMENT = tableColumns<MentorAgreementRow>('mentor_agreement', [
  'municipality',
  'recorded_at',
  'event_id',
  'agreement_id',
  'person_id',
  'offer_id',
  'mentor_type',
  'mentor_kind',
  'start_date',
  'end_date',
]);

export function mentorAgreementRow(
  { agreement: d }: Extract<LedgerFact, { type: 'mentor_agreement_registered' }>,
  e: SourceEvent,
): MentorAgreementRow {
  return {
    municipality: e.metadata.municipality,
    recorded_at: e.metadata.recordedAt,
    event_id: e.id,
    agreement_id: d.agreementId,
    person_id: d.personId,
    offer_id: d.offerId,
    mentor_type: d.mentorType,
    mentor_kind: d.mentorKind,
    start_date: d.startDate,
    end_date: d.endDate,
  };
}

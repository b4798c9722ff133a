// ledger_cause: who and what caused postings — one row per event that posted anything, with
// the command's actor, its reason and the person it concerns, for "what changed".
import type { RecordedEvent } from '@app/event-store';
import type { LedgerPosting } from '@app/ledger';
import { tableColumns } from '../sql-rows';

export interface LedgerCauseRow {
  event_id: string;
  position: string;
  municipality: string;
  command_id: string;
  command_type: string | null;
  actor: string;
  reason: string | null;
  person_id: string | null;
  recorded_at: string;
}

export const LEDGER_CAUSE = tableColumns<LedgerCauseRow>('ledger_cause', [
  'event_id',
  'position',
  'municipality',
  'command_id',
  'command_type',
  'actor',
  'reason',
  'person_id',
  'recorded_at',
]);

/** The person a cause concerns: the event's own, else the one person of its postings (none or several: null). */
function personOf(data: Record<string, unknown>, postings: readonly LedgerPosting[]): string | null {
  if (typeof data.personId === 'string') return data.personId;
  const persons = new Set(postings.map((p) => p.posting.personId).filter((p) => p !== null));
  return persons.size === 1 ? [...persons][0] : null;
}

export function ledgerCauseRow(
  e: Pick<RecordedEvent, 'id' | 'position' | 'metadata' | 'data'>,
  postings: readonly LedgerPosting[],
): LedgerCauseRow {
  return {
    event_id: e.id,
    position: e.position.toString(),
    municipality: e.metadata.municipality,
    command_id: e.metadata.commandId,
    command_type: e.metadata.commandType ?? null,
    actor: e.metadata.actor,
    reason: typeof e.data.reason === 'string' ? e.data.reason : null,
    person_id: personOf(e.data, postings),
    recorded_at: e.metadata.recordedAt,
  };
}

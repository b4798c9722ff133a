// ledger_cause: who and what caused postings — one row per event that posted anything, with
// the command's actor, its reason and the person it concerns, for "what changed".
import type { RecordedEvent } from '@app/event-store';
import type { LedgerPosting } from '@app/ledger';
import { tableColumns } from '../sql-rows';

export interface LedgerCauseRow {
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
  'position',
  'municipality',
  'command_id',
  'command_type',
  'actor',
  'reason',
  'person_id',
  'recorded_at',
]);

/** The persons of postings, as far as a cause needs them: none, one, or (the first) two. */
export function personsOf(postings: readonly LedgerPosting[], persons = new Set<string>()): Set<string> {
  for (const { posting } of postings) {
    if (persons.size === 2) break;
    if (posting.personId !== null) persons.add(posting.personId);
  }
  return persons;
}

/** The person a cause concerns: the event's own, else the one person of its postings (none or several: null). */
function personOf(data: Record<string, unknown>, persons: ReadonlySet<string>): string | null {
  if (typeof data.personId === 'string') return data.personId;
  return persons.size === 1 ? [...persons][0] : null;
}

/** The cause of an event's postings; `persons`: those of its postings (personsOf). */
export function ledgerCauseRow(
  e: Pick<RecordedEvent, 'position' | 'metadata' | 'data'>,
  persons: ReadonlySet<string>,
): LedgerCauseRow {
  return {
    position: e.position.toString(),
    municipality: e.metadata.municipality,
    command_id: e.metadata.commandId,
    command_type: e.metadata.commandType ?? null,
    actor: e.metadata.actor,
    reason: typeof e.data.reason === 'string' ? e.data.reason : null,
    person_id: personOf(e.data, persons),
    recorded_at: e.metadata.recordedAt,
  };
}

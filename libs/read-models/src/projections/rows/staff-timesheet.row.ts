// staff_timesheet: each timesheet's ledger state, read back when a corrected revision of it arrives; and a part of
// it on an offer outside a project, written whole as its cost item (a revision re-sets it).
import type { LedgerFact, TimesheetLedger } from '@app/ledger';
import type { EntityManager } from 'typeorm';
import type { SourceEvent } from './event-row';

export interface StaffTimesheetRow {
  municipality: string;
  staff_id: string;
  timesheet_id: string;
  state: TimesheetLedger;
  recorded_at: string;
  event_id: string;
  position: string;
}

export const STAFF_TIMESHEET_KEY: (keyof StaffTimesheetRow)[] = ['municipality', 'staff_id', 'timesheet_id'];

export function staffTimesheetRow(
  f: Extract<LedgerFact, { type: 'timesheet_changed' }>,
  e: SourceEvent,
): StaffTimesheetRow {
  return {
    municipality: e.metadata.municipality,
    staff_id: f.timesheet.staffId,
    timesheet_id: f.timesheet.timesheetId,
    state: f.timesheet,
    recorded_at: e.metadata.recordedAt,
    event_id: e.id,
    position: e.position.toString(),
  };
}

export const timesheetKey = (municipality: string, staffId: string, timesheetId: string) =>
  `${municipality}/${staffId}/${timesheetId}`;

/** The timesheets' ledgers, by timesheetKey. */
export async function loadTimesheetLedgers(
  tx: Pick<EntityManager, 'query'>,
  keys: { municipality: string; staffId: string; timesheetId: string }[],
): Promise<Map<string, TimesheetLedger>> {
  const out = new Map<string, TimesheetLedger>();
  if (keys.length === 0) return out;
  const rows: { municipality: string; state: TimesheetLedger }[] = await tx.query(
    `SELECT municipality, state FROM staff_timesheet
     WHERE (municipality, staff_id, timesheet_id) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`,
    [keys.map((k) => k.municipality), keys.map((k) => k.staffId), keys.map((k) => k.timesheetId)],
  );
  for (const r of rows) out.set(timesheetKey(r.municipality, r.state.staffId, r.state.timesheetId), r.state);
  return out;
}

/** How much a timesheet's ledger holds (parts, postings), for the cache's budget. */
export const timesheetLedgerSize = (t: TimesheetLedger) => 1 + t.parts.length + t.ownPostings.length;

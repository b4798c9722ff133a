// accounting_year: the closed accounting years of each municipality.
import type { LedgerFact } from '@app/ledger';
import { tableColumns } from '../sql-rows';
import type { SourceEvent } from './event-row';

export interface AccountingYearRow {
  municipality: string;
  year: number;
  closed_at: string;
  event_id: string;
  command_id: string;
  reason: string | null;
}

export const ACCOUNTING_YEAR = tableColumns<AccountingYearRow>('accounting_year', [
  'municipality',
  'year',
  'closed_at',
  'event_id',
  'command_id',
  'reason',
]);

export function accountingYearRow(
  f: Extract<LedgerFact, { type: 'accounting_year_closed' }>,
  e: SourceEvent,
): AccountingYearRow {
  return {
    municipality: e.metadata.municipality,
    year: f.year,
    closed_at: e.metadata.recordedAt,
    event_id: e.id,
    command_id: e.metadata.commandId,
    reason: f.reason,
  };
}

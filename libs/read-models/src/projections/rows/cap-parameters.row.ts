// cap_parameters: every setting of a cap's parameters (the statement reads the one standing as of its instant).
import type { LedgerFact } from '@app/ledger';
import type { CapId } from '@app/rules';
import { tableColumns } from '../sql-rows';
import type { SourceEvent } from './event-row';

export interface CapParametersRow {
  municipality: string;
  year: number;
  cap: CapId;
  position: string;
  amount_per_full_year_person_oere: number;
  full_year_persons_hundredths: number;
  reason: string | null;
  recorded_at: string;
  event_id: string;
  command_id: string;
}

export const CAP_PARAMETERS = tableColumns<CapParametersRow>('cap_parameters', [
  'municipality',
  'year',
  'cap',
  'position',
  'amount_per_full_year_person_oere',
  'full_year_persons_hundredths',
  'reason',
  'recorded_at',
  'event_id',
  'command_id',
]);

export function capParametersRow(
  f: Extract<LedgerFact, { type: 'cap_parameters_set' }>,
  e: SourceEvent,
): CapParametersRow {
  const { municipality, recordedAt, commandId } = e.metadata;
  return {
    municipality,
    year: f.year,
    cap: f.cap,
    position: e.position.toString(),
    amount_per_full_year_person_oere: f.parameters.amountPerFullYearPersonOere,
    full_year_persons_hundredths: f.parameters.fullYearPersonsHundredths,
    reason: f.reason,
    recorded_at: recordedAt,
    event_id: e.id,
    command_id: commandId,
  };
}

// cap_computation: the computation behind each cap adjustment (for its explanation).
import type { LedgerFact } from '@app/ledger';
import type { CapId } from '@app/rules/rulebook.types';
import { tableColumns } from '../sql-rows';
import type { SourceEvent } from './event-row';

export interface CapComputationRow {
  entry_id: string;
  municipality: string;
  year: number;
  cap: CapId;
  computation: unknown;
  recorded_at: string;
}

export const CAP_COMPUTATION = tableColumns<CapComputationRow>('cap_computation', ['entry_id', 'municipality', 'year', 'cap', 'computation', 'recorded_at'], ['computation']);

export function capComputationRow({ entryId, computation: c }: Extract<LedgerFact, { type: 'cap_restated' }>, e: SourceEvent): CapComputationRow {
  return { entry_id: entryId, municipality: c.municipality, year: c.year, cap: c.cap, computation: c, recorded_at: e.metadata.recordedAt };
}

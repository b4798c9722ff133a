// target_group_change: a person's registered target-group changes, and their retractions.
import type { LedgerFact, TargetGroupChangeRecord } from '@app/ledger';
import { tableColumns } from '../sql-rows';
import { iso, type SourceEvent } from './event-row';

export interface TargetGroupChangeRow {
  municipality: string;
  recorded_at: string;
  event_id: string;
  change_command_id: string;
  person_id: string;
  target_group: TargetGroupChangeRecord['targetGroup'];
  attributes: TargetGroupChangeRecord['attributes'];
  effective_from: string;
  reason: string | null;
}

export interface RetractionRow {
  municipality: string;
  change_command_id: string;
  retracted_at: string;
  retraction_event_id: string;
  retraction_reason: string | null;
}

export const TARGET_GROUP_CHANGE = tableColumns<TargetGroupChangeRow>(
  'target_group_change',
  [
    'municipality',
    'recorded_at',
    'event_id',
    'change_command_id',
    'person_id',
    'target_group',
    'attributes',
    'effective_from',
    'reason',
  ],
  ['attributes'],
);

export function targetGroupChangeRow(
  f: Extract<LedgerFact, { type: 'target_group_changed' }>,
  e: SourceEvent,
): TargetGroupChangeRow {
  const c = f.change;
  return {
    municipality: e.metadata.municipality,
    recorded_at: c.recordedAt,
    event_id: e.id,
    change_command_id: c.changeCommandId,
    person_id: f.personId,
    target_group: c.targetGroup,
    attributes: c.attributes,
    effective_from: c.effectiveFrom,
    reason: f.reason,
  };
}

export function retractionRow(
  f: Extract<LedgerFact, { type: 'target_group_change_retracted' }>,
  e: SourceEvent,
): RetractionRow {
  return {
    municipality: e.metadata.municipality,
    change_command_id: f.changeCommandId,
    retracted_at: e.metadata.recordedAt,
    retraction_event_id: e.id,
    retraction_reason: f.reason,
  };
}

/** A row as the ledger reads it back. */
export interface StoredChangeRow {
  municipality: string;
  person_id: string;
  change_command_id: string;
  target_group: TargetGroupChangeRecord['targetGroup'];
  attributes: TargetGroupChangeRecord['attributes'];
  effective_from: string;
  recorded_at: Date;
  retracted_at: Date | null;
}

export function changeRecordOf(c: StoredChangeRow): TargetGroupChangeRecord {
  return {
    changeCommandId: c.change_command_id,
    targetGroup: c.target_group,
    attributes: c.attributes,
    effectiveFrom: c.effective_from,
    recordedAt: iso(c.recorded_at),
    retractedAt: c.retracted_at ? iso(c.retracted_at) : null,
  };
}

// project: each project's ledger state, read back when an event touches the project;
// project_share: every share a participant was given (by log position), for explanations;
// administrative_share_version: every state a carve-out stood at (by log position), likewise;
// and a share's cost item, written whole, as its amount and period change with the shares.
import type { LedgerFact, ProjectCarveOut, ProjectLedger } from '@app/ledger';
import type { EntityManager } from 'typeorm';
import { tableColumns } from '../sql-rows';
import { COST_ITEM, costItemRow, type CostItemRow } from './cost-item.row';
import type { SourceEvent } from './event-row';

export interface ProjectRow {
  municipality: string;
  project_id: string;
  state: ProjectLedger;
  recorded_at: string;
  event_id: string;
  position: string;
}

export const PROJECT_KEY: (keyof ProjectRow)[] = ['municipality', 'project_id'];

/** A project registered by the batch: its last state inserted (the others' upserted). */
export const PROJECT = tableColumns<ProjectRow>(
  'project',
  ['municipality', 'project_id', 'state', 'recorded_at', 'event_id', 'position'],
  ['state'],
);

export function projectRow(f: Extract<LedgerFact, { type: 'project_changed' }>, e: SourceEvent): ProjectRow {
  return {
    municipality: e.metadata.municipality,
    project_id: f.project.projectId,
    state: f.project,
    recorded_at: e.metadata.recordedAt,
    event_id: e.id,
    position: e.position.toString(),
  };
}

export interface ProjectShareRow {
  municipality: string;
  cost_item_id: string;
  position: string;
  event_id: string;
  recorded_at: string;
  project_id: string;
  expense_id: string;
  offer_id: string;
  person_id: string;
  expense_amount_oere: number;
  total_participant_days: number;
  participant_days: number | null;
  days_before: number | null;
  share_oere: number | null;
  share_from: string | null;
  share_to: string | null;
}

export const PROJECT_SHARE = tableColumns<ProjectShareRow>('project_share', [
  'municipality',
  'cost_item_id',
  'position',
  'event_id',
  'recorded_at',
  'project_id',
  'expense_id',
  'offer_id',
  'person_id',
  'expense_amount_oere',
  'total_participant_days',
  'participant_days',
  'days_before',
  'share_oere',
  'share_from',
  'share_to',
]);

export interface AdministrativeShareVersionRow {
  municipality: string;
  /** The project whose costs it comes out of, or null for an offer's (offer_id, person_id). */
  project_id: string | null;
  offer_id: string | null;
  person_id: string | null;
  share_id: string;
  position: string;
  event_id: string;
  recorded_at: string;
  state: ProjectCarveOut;
}

export const ADMINISTRATIVE_SHARE_VERSION = tableColumns<AdministrativeShareVersionRow>(
  'administrative_share_version',
  [
    'municipality',
    'project_id',
    'offer_id',
    'person_id',
    'share_id',
    'position',
    'event_id',
    'recorded_at',
    'state',
  ],
  ['state'],
);

export function administrativeShareVersionRow(
  f: Extract<LedgerFact, { type: 'administrative_share_set' }>,
  e: SourceEvent,
): AdministrativeShareVersionRow {
  return {
    municipality: e.metadata.municipality,
    project_id: f.projectId,
    offer_id: f.offerId,
    person_id: f.personId,
    share_id: f.carveOut.shareId,
    position: e.position.toString(),
    event_id: e.id,
    recorded_at: e.metadata.recordedAt,
    state: f.carveOut,
  };
}

type ShareFact = Extract<LedgerFact, { type: 'project_share_set' }>;

export function projectShareRow(f: ShareFact, e: SourceEvent): ProjectShareRow {
  return {
    municipality: e.metadata.municipality,
    cost_item_id: f.item.costItemId,
    position: e.position.toString(),
    event_id: e.id,
    recorded_at: e.metadata.recordedAt,
    project_id: f.projectId,
    expense_id: f.expenseId,
    offer_id: f.item.offerId!,
    person_id: f.item.personId,
    expense_amount_oere: f.expenseAmountOere,
    total_participant_days: f.totalParticipantDays,
    participant_days: f.share?.participantDays ?? null,
    days_before: f.share?.daysBefore ?? null,
    share_oere: f.share?.amountOere ?? null,
    share_from: f.share?.from ?? null,
    share_to: f.share?.to ?? null,
  };
}

/** A share's cost item as it now stands (an upsert: a share is re-set whenever the shares change). */
export type ShareItemRow = CostItemRow & {
  project_id: string | null;
  reversed_at: string | null;
  reversal_event_id: string | null;
  reversal_reason: string | null;
};

/** A share's cost item new to its person, inserted with the others of the batch (the rest are upserts). */
export const SHARE_ITEM = tableColumns<ShareItemRow>('cost_item', [
  ...COST_ITEM.columns,
  'project_id',
  'reversed_at',
  'reversal_event_id',
  'reversal_reason',
]);

export function shareItemRow(
  f:
    | ShareFact
    | Extract<LedgerFact, { type: 'project_item_set' | 'timesheet_item_set' | 'carve_out_item_set' }>,
  e: SourceEvent,
): ShareItemRow {
  const reversed = f.item.reversed;
  // The item's row with the share's columns added (not spread: see costItemRow).
  const row = costItemRow({ type: 'expense_recorded', item: f.item, invoiceRef: null }, e) as ShareItemRow;
  row.project_id = 'projectId' in f ? f.projectId : null;
  row.reversed_at = reversed ? e.metadata.recordedAt : null;
  row.reversal_event_id = reversed ? e.id : null;
  row.reversal_reason = reversed ? reversalReason(f) : null;
  return row;
}

function reversalReason(f: Parameters<typeof shareItemRow>[0]): string {
  if (f.type === 'timesheet_item_set' && f.reversalReason) return f.reversalReason;
  if (f.type === 'carve_out_item_set')
    return 'no longer carved out of the offer’s expenses as they stand now';
  return 'no longer part of the project’s costs as they are shared now';
}

type Reader = Pick<EntityManager, 'query'>;

/** The projects' ledgers, by key `${municipality}/${projectId}`. */
export async function loadProjectLedgers(
  tx: Reader,
  keys: { municipality: string; projectId: string }[],
): Promise<Map<string, ProjectLedger>> {
  const out = new Map<string, ProjectLedger>();
  if (keys.length === 0) return out;
  const rows: { municipality: string; project_id: string; state: ProjectLedger }[] = await tx.query(
    `SELECT municipality, project_id, state FROM project
     WHERE (municipality, project_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [keys.map((k) => k.municipality), keys.map((k) => k.projectId)],
  );
  for (const r of rows) out.set(projectKey(r.municipality, r.project_id), r.state);
  return out;
}

export const projectKey = (municipality: string, projectId: string) => `${municipality}/${projectId}`;

/** How much a project's ledger holds (participants, shares, deductions, postings), for the cache's budget. */
export const projectLedgerSize = (p: ProjectLedger) => {
  let size = 1 + p.participants.length + p.ownPostings.length;
  for (const e of p.expenses) size += 1 + e.shares.length;
  for (const c of p.carveOuts) size += 1 + c.deductions.length;
  return size;
};

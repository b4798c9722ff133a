// cap_computation: the computation behind each cap adjustment (for its explanation).
import type { CapComputation, LedgerFact } from '@app/ledger';
import type { CapId } from '@app/rules';
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

export const CAP_COMPUTATION = tableColumns<CapComputationRow>(
  'cap_computation',
  ['entry_id', 'municipality', 'year', 'cap', 'computation', 'recorded_at'],
  ['computation'],
);

export function capComputationRow(
  { entryId, computation: c }: Extract<LedgerFact, { type: 'cap_restated' }>,
  e: SourceEvent,
): CapComputationRow {
  return {
    entry_id: entryId,
    municipality: c.municipality,
    year: c.year,
    cap: c.cap,
    computation: storedComputation(c),
    recorded_at: e.metadata.recordedAt,
  };
}

const MONEY = [
  'allowanceOere',
  'eligibleCostsOere',
  'limitOere',
  'refundBeforeCapOere',
  'cappedRefundOere',
  'requiredAdjustmentOere',
  'adjustmentsBeforeOere',
  'deltaOere',
] as const;
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The computation as stored in jsonb: øre as JSON numbers, or as decimal strings where a number would not be exact. */
function storedComputation(c: CapComputation): unknown {
  return JSON.parse(
    JSON.stringify(c, (_key, v: unknown) =>
      typeof v === 'bigint' ? (v <= SAFE && v >= -SAFE ? Number(v) : String(v)) : v,
    ),
  );
}

const ACCOUNT_MONEY = [
  'refundBeforeCapOere',
  'totalRefundBeforeCapOere',
  'adjustmentOere',
  'adjustmentsBeforeOere',
  'deltaOere',
] as const;

/** A stored computation read back, its øre exact again (its account's part too). */
export function computationOf(stored: Record<string, unknown>): CapComputation {
  const c = { ...stored } as Record<string, unknown>;
  for (const key of MONEY) c[key] = c[key] === null ? null : BigInt(c[key] as number | string);
  if (c.account) {
    const account = { ...(c.account as Record<string, unknown>) };
    for (const key of ACCOUNT_MONEY) account[key] = BigInt(account[key] as number | string);
    c.account = account;
  }
  return c as unknown as CapComputation;
}

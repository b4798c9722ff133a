// The state of one municipality's ledger that an event may touch: its books (closed years, cap
// years) and the ledgers of its persons — each person's timeline changes, cost items and
// postings. Persons are loaded lazily: ledgerScope tells which ones an event needs.
import type { DomainEvent } from '@app/domain';
import type { MunicipalityBooks } from '../caps/cap-restatement';
import type { CostItem, Posting } from '../posting.types';
import type { TargetGroupChangeRecord } from '../timeline';

/** A cost item and whether it has been reversed (a reversed item is posted as nothing). */
export interface StoredCostItem extends CostItem {
  reversed: boolean;
}

/** Everything about one person that their postings depend on. */
export interface PersonLedger {
  changes: TargetGroupChangeRecord[];
  items: Map<string, StoredCostItem>;
  /** Every posting of the person's cost items, in log order. */
  postings: Posting[];
}

export const emptyPersonLedger = (): PersonLedger => ({ changes: [], items: new Map(), postings: [] });

/** One municipality's ledger, as far as it is loaded. */
export interface MunicipalityLedger {
  municipality: string;
  books: MunicipalityBooks;
  /** The persons loaded; applyToLedger needs those ledgerScope names. */
  persons: { get(personId: string): PersonLedger | undefined };
}

/** What of a municipality's ledger an event reads and changes (besides its books). */
interface LedgerScope {
  personIds: string[];
}

export function ledgerScope(event: DomainEvent): LedgerScope {
  if (event.type === 'CapParametersSet' || event.type === 'AccountingYearClosed') return { personIds: [] };
  return { personIds: [event.data.personId] };
}

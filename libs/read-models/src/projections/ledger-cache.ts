// The ledgers (persons, projects, timesheets) the ledger projection keeps between batches, so that
// one seen in recent batches is not read back — bounded, so that memory does not grow with the log.
// What is evicted is read back from the read models when an event touches it again: every change a
// batch makes to a ledger is written in that batch, so a ledger is only evicted once it committed.

interface Entry<T> {
  ledger: T;
  /** The last batch that used it. */
  batch: number;
  /** What it held when last measured (after the last batch that used it committed). */
  size: number;
}

/**
 * Ledgers of recent batches, least recently used first. Entries a batch touched stay until that
 * batch committed; then the least recently used go while they hold more than `budget` (by `sizeOf`).
 */
export class LedgerCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Entries used since they were last measured: only they can have grown or shrunk. */
  private readonly unmeasured = new Set<Entry<T>>();
  private held = 0;
  /** From startingEmpty() until a rollback: every key put since, evicted or not. */
  private everPut: Set<string> | null = null;

  constructor(
    private readonly budget: number,
    private readonly sizeOf: (ledger: T) => number,
  ) {}

  /** The ledger, marked as used by `batch` (or undefined: read it and put it). */
  take(key: string, batch: number): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    entry.batch = batch;
    this.entries.set(key, entry);
    this.unmeasured.add(entry);
    return entry.ledger;
  }

  put(key: string, ledger: T, batch: number): void {
    this.remove(key);
    const entry = { ledger, batch, size: 0 };
    this.entries.set(key, entry);
    this.unmeasured.add(entry);
    this.everPut?.add(key);
  }

  /**
   * No ledger of this kind is stored yet and only the ledgers put here will be written: from now
   * on a key never put has nothing stored (knownEmpty).
   */
  startingEmpty(): void {
    this.everPut = new Set();
  }

  /** Whether nothing is stored under the key, so there is nothing to read. */
  knownEmpty(key: string): boolean {
    return this.everPut !== null && !this.everPut.has(key);
  }

  /** Batches through `committedThrough` committed: evicts their ledgers, least recently used first, down to the budget. */
  evict(committedThrough: number): void {
    for (const entry of this.unmeasured) {
      if (entry.batch > committedThrough) continue;
      const size = this.sizeOf(entry.ledger);
      this.held += size - entry.size;
      entry.size = size;
      this.unmeasured.delete(entry);
    }
    for (const [key, entry] of this.entries) {
      if (this.held <= this.budget || entry.batch > committedThrough) break;
      this.remove(key);
    }
  }

  /** A rollback: nothing held, and what was written is no longer known. */
  clear(): void {
    this.entries.clear();
    this.unmeasured.clear();
    this.held = 0;
    this.everPut = null;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.unmeasured.delete(entry);
    this.held -= entry.size;
  }
}

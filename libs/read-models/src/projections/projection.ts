import type { RecordedEvent } from '@app/event-store';
import type { DataSource, EntityManager } from 'typeorm';

/** Writes a prepared batch into the read models, inside the runner's transaction. */
export type BatchWriter = (tx: EntityManager) => Promise<void>;

/**
 * A projection applies a batch of log events to its tables, inside the runner's transaction.
 *
 * A projection may keep state in memory across batches (e.g. what it would otherwise read back
 * for every batch); then the runner tells it when a batch it applied committed or rolled back,
 * in log order, and it must forget what it holds on a rollback.
 */
export interface Projection {
  readonly name: string;
  apply(events: RecordedEvent[], tx: EntityManager): Promise<void>;
  /**
   * Optional, for pipelined bulk loads: folds the batch into its writes without writing; the
   * runner runs the writer in the batch's transaction once the previous batch committed, and may
   * prepare the next batch meanwhile. `reader` reads committed state only, so whatever the
   * batches in flight change must be held in memory. apply(events, tx) must equal
   * prepare(events, tx) followed by its writer on tx. A batch with a rulebook adoption's copy for a
   * municipality is committed before the next one is prepared: the ledger re-judges the adoption
   * as it writes it.
   */
  prepare?(events: RecordedEvent[], reader: DataSource | EntityManager): Promise<BatchWriter>;
  /** The batches applied or prepared so far committed up to and including the oldest uncommitted one. */
  committed?(): void;
  /** A batch failed: forget every state held in memory (it is read again). */
  rolledBack?(): void;
  /**
   * Optional: called before the first batch when the projection's tables start empty and only
   * this runner writes them until it ends (a rebuild into a fresh schema). What the projection
   * has not seen since is not stored, so it need not read it back — until a rollback.
   */
  startingEmpty?(): void;
  /**
   * Optional: called once such a load has committed its last batch, while its deferred indexes
   * are being built (by other connections): what the projection sums up once at the end instead
   * of batch by batch.
   */
  bulkLoaded?(db: DataSource): Promise<void>;
}

// Follows the log and applies each batch to every projection together with the checkpoint, in
// one transaction: a crash at any moment leaves the read models at a batch boundary, so a
// restart neither loses nor doubles anything.
import type { EventStore, RecordedEvent, Subscription } from '@app/event-store/event-store.port';
import type { DataSource, EntityManager } from 'typeorm';
import type { BatchWriter, Projection } from '../projections/projection';

export interface RunnerOptions {
  name?: string;
  batchSize?: number;
  idleDelayMs?: number;
  /**
   * A bulk load into a schema no one reads yet (rebuild, replay): commits do not wait for the
   * WAL flush. A crash can then lose the last batches, never half a batch — data and checkpoint
   * commit together — and a rebuild starts afresh anyway.
   */
  bulkLoad?: boolean;
  /** Told after each batch of catchUp how far it got (for a progress bar). */
  onProgress?: (progress: CatchUpProgress) => void;
  /** Told after each batch the running projector applied (for logs and metrics). */
  onBatch?: (batch: AppliedBatch) => void;
}

export interface AppliedBatch {
  events: number;
  through: bigint;
  /** From the batch's arrival to its commit. */
  seconds: number;
}

export interface CatchUpProgress {
  /** Events applied so far. */
  applied: number;
  /** The position catchUp started after, the one it has reached, and the one it goes to. */
  from: bigint;
  through: bigint;
  head: bigint;
}

export interface ProjectionLag {
  checkpoint: string | null;
  head: string | null;
  eventsBehind: number;
  lastRecordedAt: string | null;
}

export async function readCheckpoint(db: DataSource | EntityManager, name = 'main'): Promise<bigint | null> {
  const rows: { position: string }[] = await db.query('SELECT position FROM projection_checkpoint WHERE name = $1', [name]);
  return rows.length ? BigInt(rows[0].position) : null;
}

export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private readonly name: string;
  private readonly batchSize: number;

  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly projections: Projection[],
    private readonly options: RunnerOptions = {},
  ) {
    this.name = options.name ?? 'main';
    this.batchSize = options.batchSize ?? 1000;
  }

  /** Follows the log from the stored checkpoint until stop(). */
  async start(): Promise<void> {
    let checkpoint = await readCheckpoint(this.db, this.name);
    this.subscription = this.store.subscribe(checkpoint, async (batch) => {
      const started = performance.now();
      await this.applyBatch(batch, checkpoint);
      checkpoint = batch[batch.length - 1].position;
      this.options.onBatch?.({ events: batch.length, through: checkpoint, seconds: (performance.now() - started) / 1000 });
    }, {
      batchSize: this.batchSize,
      idleDelayMs: this.options.idleDelayMs,
    });
    this.subscription.done.catch(() => undefined);
  }

  /** Resolves when the subscription ends; rejects if a batch failed (the process should exit). */
  get done(): Promise<void> {
    return this.subscription?.done ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
  }

  /**
   * Applies the log from the checkpoint to its current head (or `until`), then returns the
   * number of events applied. `accept` skips events (e.g. recorded after an audit instant).
   *
   * Pipelined: the next batch is read while the current one is applied, and projections that
   * can prepare a batch (fold it in memory) prepare the next one while the current one is
   * written and committed. Batches still commit one by one, in log order, each with its
   * checkpoint; a batch is written only after the previous one committed.
   */
  async catchUp(until: bigint | null = null, accept: (e: RecordedEvent) => boolean = () => true): Promise<number> {
    const head = until ?? (await this.store.headPosition());
    let checkpoint = await readCheckpoint(this.db, this.name);
    const from = checkpoint ?? 0n;
    let applied = 0;
    const read = (after: bigint | null) => {
      const reading = this.store.readAll(after, this.batchSize);
      reading.catch(() => undefined); // awaited below; not unhandled if a batch fails first
      return reading;
    };
    let next = head !== null && (checkpoint ?? 0n) < head ? read(checkpoint) : null;
    let writing: Promise<void> | null = null;
    try {
      while (next !== null) {
        const batch = (await next).filter((e) => e.position <= head!);
        if (batch.length === 0) break;
        const through = batch[batch.length - 1].position;
        next = through < head! ? read(through) : null;
        const accepted = batch.filter(accept);
        const writers = accepted.length === 0 ? [] : await this.prepare(accepted);
        if (writing) await writing;
        writing = this.commitBatch(writers, accepted, checkpoint, through);
        writing.catch(() => undefined); // awaited at the next batch or below
        applied += accepted.length;
        checkpoint = through;
        this.options.onProgress?.({ applied, from, through, head: head! });
      }
      if (writing) await writing;
    } catch (error) {
      // Whatever the projections prepared in memory rests on batches that did not commit.
      for (const projection of this.projections) projection.rolledBack?.();
      throw error;
    }
    return applied;
  }

  /** Each projection's writer of the batch: prepared now where the projection can, else its apply. */
  private async prepare(events: RecordedEvent[]): Promise<BatchWriter[]> {
    const writers: BatchWriter[] = [];
    for (const projection of this.projections) {
      writers.push(projection.prepare ? await projection.prepare(events, this.db) : (tx) => projection.apply(events, tx));
    }
    return writers;
  }

  async lag(): Promise<ProjectionLag> {
    const [head, rows] = await Promise.all([
      this.store.headPosition(),
      this.db.query('SELECT position, recorded_at FROM projection_checkpoint WHERE name = $1', [this.name]) as Promise<
        { position: string; recorded_at: Date | null }[]
      >,
    ]);
    const checkpoint = rows.length ? BigInt(rows[0].position) : null;
    return {
      checkpoint: checkpoint?.toString() ?? null,
      head: head?.toString() ?? null,
      eventsBehind: Number((head ?? 0n) - (checkpoint ?? 0n)),
      lastRecordedAt: rows[0]?.recorded_at?.toISOString() ?? null,
    };
  }

  /**
   * One transaction: the projections, then the checkpoint moved from `from` to `through`. The
   * checkpoint row is locked and compared first, so a second projector on the same read models
   * (a misconfiguration) fails loudly instead of applying a batch twice.
   */
  private async applyBatch(events: RecordedEvent[], from: bigint | null, through = events[events.length - 1]?.position): Promise<void> {
    if (through === undefined) return;
    try {
      await this.commitBatch(events.length ? this.projections.map((p): BatchWriter => (tx) => p.apply(events, tx)) : [], events, from, through);
    } catch (error) {
      for (const projection of this.projections) projection.rolledBack?.();
      throw error;
    }
  }

  /** The transaction of one batch: lock and compare the checkpoint, run the writers, move the checkpoint. */
  private async commitBatch(writers: BatchWriter[], events: RecordedEvent[], from: bigint | null, through: bigint): Promise<void> {
    const last = events[events.length - 1];
    await this.db.transaction(async (tx) => {
      if (this.options.bulkLoad) await tx.query('SET LOCAL synchronous_commit = off');
      await tx.query('INSERT INTO projection_checkpoint (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING', [this.name]);
      const [{ position }]: { position: string }[] = await tx.query('SELECT position FROM projection_checkpoint WHERE name = $1 FOR UPDATE', [this.name]);
      if (BigInt(position) !== (from ?? 0n)) throw new CheckpointMovedError(this.name, from, BigInt(position));
      for (const write of writers) await write(tx);
      await tx.query(
        `UPDATE projection_checkpoint SET position = $2, recorded_at = coalesce($3, recorded_at), updated_at = now() WHERE name = $1`,
        [this.name, through.toString(), last?.metadata.recordedAt ?? null],
      );
    });
    if (writers.length) for (const projection of this.projections) projection.committed?.();
  }
}

/** Another projector moved the checkpoint under this one. */
export class CheckpointMovedError extends Error {
  constructor(name: string, expected: bigint | null, actual: bigint) {
    super(`projection checkpoint ${name} is at ${actual}, expected ${expected ?? 0}: is a second projector running on these read models?`);
    this.name = 'CheckpointMovedError';
  }
}

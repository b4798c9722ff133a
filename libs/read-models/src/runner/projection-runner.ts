// Follows the log and applies each batch to every projection together with the checkpoint, in
// one transaction: a crash at any moment leaves the read models at a batch boundary, so a
// restart neither loses nor doubles anything.
import type { EventStore, RecordedEvent, Subscription } from '@app/event-store/event-store.port';
import type { DataSource, EntityManager } from 'typeorm';
import type { Projection } from '../projections/projection';

export interface RunnerOptions {
  name?: string;
  batchSize?: number;
  idleDelayMs?: number;
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
      await this.applyBatch(batch, checkpoint);
      checkpoint = batch[batch.length - 1].position;
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
   */
  async catchUp(until: bigint | null = null, accept: (e: RecordedEvent) => boolean = () => true): Promise<number> {
    const head = until ?? (await this.store.headPosition());
    let checkpoint = await readCheckpoint(this.db, this.name);
    let applied = 0;
    while (head !== null && (checkpoint ?? 0n) < head) {
      const batch = (await this.store.readAll(checkpoint, this.batchSize)).filter((e) => e.position <= head);
      if (batch.length === 0) break;
      const accepted = batch.filter(accept);
      await this.applyBatch(accepted, checkpoint, batch[batch.length - 1].position);
      applied += accepted.length;
      checkpoint = batch[batch.length - 1].position;
    }
    return applied;
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
    const last = events[events.length - 1];
    await this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO projection_checkpoint (name, position) VALUES ($1, 0) ON CONFLICT (name) DO NOTHING', [this.name]);
      const [{ position }]: { position: string }[] = await tx.query('SELECT position FROM projection_checkpoint WHERE name = $1 FOR UPDATE', [this.name]);
      if (BigInt(position) !== (from ?? 0n)) throw new CheckpointMovedError(this.name, from, BigInt(position));
      for (const projection of this.projections) if (events.length) await projection.apply(events, tx);
      await tx.query(
        `UPDATE projection_checkpoint SET position = $2, recorded_at = coalesce($3, recorded_at), updated_at = now() WHERE name = $1`,
        [this.name, through.toString(), last?.metadata.recordedAt ?? null],
      );
    });
  }
}

/** Another projector moved the checkpoint under this one. */
export class CheckpointMovedError extends Error {
  constructor(name: string, expected: bigint | null, actual: bigint) {
    super(`projection checkpoint ${name} is at ${actual}, expected ${expected ?? 0}: is a second projector running on these read models?`);
    this.name = 'CheckpointMovedError';
  }
}

// Follows the log and applies each batch to every projection together with the checkpoints, in
// one transaction: a crash at any moment leaves the read models at a batch boundary, so a
// restart neither loses nor doubles anything.
//
// Progress is kept per municipality (the partition key). When an event cannot be applied, the
// batch is bisected down to that event, which is parked with its municipality: the others go on,
// the parked municipality's later events wait until an operator's decision in the log (resume or
// skip) lets the runner read them again from that municipality's checkpoint.
import type { EventStore, RecordedEvent, Subscription } from '@app/event-store';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../projections/prepared-query';
import type { BatchWriter, Projection } from '../projections/projection';
import { owns, partitionOf, SINGLE_WORKER, unseenFloor, workerName, type WorkerSlot } from './partition';
import { projectedThrough } from './progress';
import { decisionOf, DECISIONS_STREAM, PARKED_EVENT_SKIPPED } from './projector-decisions';
import { adoptionOf, fanOut, logEventOf } from './rulebook-adoption';

export interface RunnerOptions {
  /** Which municipalities this runner projects (default: all, as the only worker). */
  worker?: WorkerSlot;
  batchSize?: number;
  idleDelayMs?: number;
  /** Told of every event parked (for the log). */
  onParked?: (event: RecordedEvent, error: Error) => void;
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
  /** Events in the log after the checkpoint, where the log can count them cheaply (PostgreSQL); else null. */
  eventsBehind: number | null;
  /** head − checkpoint in log positions (on EventStoreDB byte offsets, not events). */
  positionDistance: string;
}

export async function projectionLag(
  store: EventStore,
  db: DataSource | EntityManager,
): Promise<ProjectionLag> {
  const [head, checkpoint] = await Promise.all([store.headPosition(), projectedThrough(db)]);
  const distance = (head ?? 0n) - (checkpoint ?? 0n);
  return {
    checkpoint: checkpoint?.toString() ?? null,
    head: head?.toString() ?? null,
    eventsBehind: store.densePositions ? Number(distance) : null,
    positionDistance: distance.toString(),
  };
}

interface Parked {
  eventId: string;
  /** Held events are counted once each, also when the log is read again. */
  heldThrough: bigint;
}

const minPosition = (a: bigint | null, b: bigint | null) => (a === null || b === null ? null : a < b ? a : b);
const maxPosition = (a: bigint | null, b: bigint) => (a === null || b > a ? b : a);

/** The read models were rebuilt, or another projector works on them: restart from the stored checkpoints. */
export class CheckpointMovedError extends Error {
  constructor(what: string, expected: bigint | null, actual: bigint | null) {
    super(
      `projection checkpoint ${what} is at ${actual ?? 'none'}, expected ${expected ?? 'none'}: is a second projector running on these read models?`,
    );
    this.name = 'CheckpointMovedError';
  }
}

/** A decision unparked a municipality: its held events are read again from its checkpoint. */
class Rewind extends Error {}

/**
 * A rulebook adoption could not be applied (a version this code does not know, a defect): not
 * parked — the ledger would go on under a rulebook it did not adopt — but the runner stops.
 */
export class RulebookAdoptionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RulebookAdoptionError';
  }
}

/**
 * A failure the event itself causes (bad data, a defect in a projection): it is parked. Lost
 * connections, deadlocks, a database shutting down and moved checkpoints are not the event's
 * doing: they stop the runner, which resumes from its checkpoints.
 */
function isEventDefect(error: unknown): boolean {
  if (
    error instanceof CheckpointMovedError ||
    error instanceof Rewind ||
    error instanceof RulebookAdoptionError
  )
    return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (/^(08|40|53|57|58)/.test(code) || /^E[A-Z]+$/.test(code))) return false;
  return !/connection|terminat|not connected|timeout/i.test((error as Error).message ?? '');
}

/** A rulebook adoption's copy for one of the worker's municipalities (not the announcement). */
const adoptsForMunicipality = (event: RecordedEvent) =>
  adoptionOf(event) !== null && event.metadata.municipality !== '';

/** What one transaction changes in the runner's memory of its progress, applied once it committed. */
interface Progress {
  scan: bigint;
  partitions: Map<string, bigint | null>;
  recordedAt: Map<string, string>;
  parked: { partition: string; event: RecordedEvent; error: Error } | null;
  unparked: string[];
  decisions: RecordedEvent[];
  held: Map<string, { count: number; through: bigint }>;
}

/**
 * A batch's transaction. Its commit does not wait for the WAL flush: read models and checkpoints
 * commit together, so a crash can only lose the last batches whole, checkpoints included, and the
 * runner projects them again from the log on restart; nothing is lost or doubled (the log's own
 * appends keep waiting for the flush).
 */
async function inBatchTransaction(db: DataSource, work: (tx: EntityManager) => Promise<void>): Promise<void> {
  const runner = db.createQueryRunner();
  try {
    // One round trip (a simple query of two statements), where TypeORM's transaction() would take two.
    await runner.query('BEGIN; SET LOCAL synchronous_commit = off');
    await work(runner.manager);
    await runner.query('COMMIT');
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

export class ProjectionRunner {
  private subscription: Subscription | null = null;
  private following: Promise<void> | null = null;
  private stopped = false;
  private readonly slot: WorkerSlot;
  private readonly name: string;
  private readonly batchSize: number;
  /** Loaded from the read models by load(). */
  private scan: bigint | null = null;
  private floor: bigint | null = null;
  private readonly checkpoints = new Map<string, bigint | null>();
  private readonly parked = new Map<string, Parked>();
  private readonly skipped = new Set<string>();
  private readonly decided = new Set<string>();
  private otherWorkerRows = false;
  private rewind = false;
  /** The municipalities of the events this runner was given since it last loaded its checkpoints. */
  private readonly met = new Set<string>();

  constructor(
    private readonly store: EventStore,
    private readonly db: DataSource,
    private readonly projections: Projection[],
    private readonly options: RunnerOptions = {},
  ) {
    this.slot = options.worker ?? SINGLE_WORKER;
    this.name = workerName(this.slot);
    this.batchSize = options.batchSize ?? 1000;
  }

  /** Follows the log from the stored checkpoints until stop(). */
  async start(): Promise<void> {
    await this.load(null);
    this.following = this.follow();
    this.following.catch(() => undefined);
  }

  /** Resolves when following ends; rejects if a batch failed for a reason other than its events (the process should exit). */
  get done(): Promise<void> {
    return this.following ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.stop();
    await this.following?.catch(() => undefined);
    this.subscription = null;
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      this.rewind = false;
      const subscription = this.store.subscribe(this.readFrom(), (batch) => this.handle(batch), {
        batchSize: this.batchSize,
        idleDelayMs: this.options.idleDelayMs,
      });
      this.subscription = subscription;
      try {
        await subscription.done;
        return;
      } catch (error) {
        if (!(error instanceof Rewind)) throw error;
      }
    }
  }

  private async handle(batch: RecordedEvent[]): Promise<void> {
    const started = performance.now();
    const applied = await this.applyBisecting(batch);
    this.options.onBatch?.({
      events: applied,
      through: batch[batch.length - 1].position,
      seconds: (performance.now() - started) / 1000,
    });
    if (this.rewind) throw new Rewind();
  }

  /**
   * Applies the log from the checkpoints to its current head (or `until`), then returns the
   * number of events applied. `accept` leaves events out (e.g. recorded after an audit instant).
   *
   * Pipelined: the next batch is read while the current one is applied, and projections that
   * can prepare a batch (fold it in memory) prepare the next one while the current one is
   * written and committed. Batches still commit one by one, in log order, each with its
   * checkpoints; a batch is written only after the previous one committed.
   */
  async catchUp(
    until: bigint | null = null,
    accept: (e: RecordedEvent) => boolean = () => true,
  ): Promise<number> {
    const head = until ?? (await this.store.headPosition());
    await this.load(head);
    if (head === null) return 0;
    let applied = 0;
    const started = this.readFrom() ?? 0n;
    const report = (through: bigint, more: number) =>
      this.options.onProgress?.({ applied: applied + more, from: started, through, head });
    for (;;) {
      this.rewind = false;
      const from = this.readFrom();
      if (from !== null && from >= head) return applied;
      applied += await this.catchUpFrom(from, head, accept, report);
      if (!this.rewind) return applied;
    }
  }

  private async catchUpFrom(
    from: bigint | null,
    head: bigint,
    accept: (e: RecordedEvent) => boolean,
    report: (through: bigint, applied: number) => void,
  ): Promise<number> {
    const read = (after: bigint | null) => {
      const reading = this.store.readAll(after, this.batchSize);
      reading.catch(() => undefined); // awaited below; not unhandled if a batch fails first
      return reading;
    };
    let next: Promise<RecordedEvent[]> | null = read(from);
    let inFlight: { batch: RecordedEvent[]; commit: Promise<number>; adopts: boolean } | null = null;
    let applied = 0;
    /** Waits for the batch in flight; false if it had to be applied again event by event. */
    const settle = async (): Promise<boolean> => {
      if (!inFlight) return true;
      const { batch, commit } = inFlight;
      inFlight = null;
      try {
        applied += await commit;
        return true;
      } catch (error) {
        if (!isEventDefect(error)) throw error;
        this.rolledBack();
        applied += await this.applyBisecting(batch, accept);
        return false;
      }
    };
    try {
      while (next !== null) {
        const batch: RecordedEvent[] = (await next).filter((e: RecordedEvent) => e.position <= head);
        if (batch.length === 0) break;
        const through: bigint = batch[batch.length - 1].position;
        next = through < head ? read(through) : null;
        // A municipality's rulebook adoption is re-judged as its batch is written: nothing is prepared on it before.
        if (inFlight?.adopts) {
          await settle();
          if (this.rewind) {
            this.rolledBack();
            return applied;
          }
        }
        const relevant = this.relevantOf(batch, accept);
        let writers: BatchWriter[];
        try {
          writers = relevant.length === 0 ? [] : await this.prepare(relevant);
        } catch (error) {
          if (!isEventDefect(error)) throw error;
          await settle();
          this.rolledBack();
          if (this.rewind) return applied;
          applied += await this.applyBisecting(batch, accept);
          if (this.rewind) return applied;
          continue;
        }
        // What was prepared rests on the batch in flight: if that one had to be split, prepare again.
        if (!(await settle()) || this.rewind) {
          this.rolledBack();
          if (this.rewind) return applied;
          applied += await this.applyBisecting(batch, accept);
          if (this.rewind) return applied;
          continue;
        }
        const commit = this.commit(batch, relevant, writers, null);
        commit.catch(() => undefined); // awaited at the next batch or below
        inFlight = { batch, commit, adopts: relevant.some(adoptsForMunicipality) };
        report(through, applied + relevant.length);
      }
      await settle();
      return applied;
    } catch (error) {
      // Whatever the projections prepared in memory rests on batches that did not commit.
      this.rolledBack();
      throw error;
    }
  }

  /**
   * Applies a stretch of the log in one transaction; if an event in it cannot be applied, the
   * stretch is split in halves until that event stands alone, and that event is parked. Stops
   * early when a decision unparked a municipality (its held events come first).
   */
  private async applyBisecting(
    events: RecordedEvent[],
    accept: (e: RecordedEvent) => boolean = () => true,
  ): Promise<number> {
    if (events.length === 0 || this.rewind) return 0;
    const relevant = this.relevantOf(events, accept);
    try {
      // Each projection reads what it needs in the batch's own transaction: one connection a batch.
      const writers =
        relevant.length === 0
          ? []
          : this.projections.map((p) => (tx: EntityManager) => p.apply(relevant, tx));
      return await this.commit(events, relevant, writers, null);
    } catch (error) {
      if (!isEventDefect(error) || relevant.length === 0) throw error;
      this.rolledBack();
      if (relevant.length > 1 && relevant.every((e) => logEventOf(e) === logEventOf(relevant[0])))
        throw new RulebookAdoptionError(`the rulebook adoption at ${relevant[0].position} failed`, {
          cause: error,
        });
      if (relevant.length === 1) {
        this.options.onParked?.(relevant[0], error as Error);
        await this.commit(events, [], [], { event: relevant[0], error: error as Error });
        return 0;
      }
      const middle = events.indexOf(logEventOf(relevant[relevant.length >> 1]));
      const left = await this.applyBisecting(events.slice(0, middle), accept);
      return left + (await this.applyBisecting(events.slice(middle), accept));
    }
  }

  /** Each projection's writer of the batch: prepared now where the projection can, else its apply. */
  private async prepare(events: RecordedEvent[]): Promise<BatchWriter[]> {
    const writers: BatchWriter[] = [];
    for (const projection of this.projections) {
      writers.push(
        projection.prepare ? await projection.prepare(events, this.db) : (tx) => projection.apply(events, tx),
      );
    }
    return writers;
  }

  private rolledBack(): void {
    for (const projection of this.projections) projection.rolledBack?.();
  }

  async lag(): Promise<ProjectionLag> {
    return projectionLag(this.store, this.db);
  }

  /**
   * The events of a stretch this runner applies now, in log order. A rulebook adoption belongs
   * to every municipality: every worker is given it (the original, or else its announcement),
   * and a copy per municipality it projects that has not applied it yet — not parked, with no
   * checkpoint at or past it, and known: with a checkpoint, or met in this stretch or in one
   * still in flight (prepared before the one before it committed).
   */
  private relevantOf(events: RecordedEvent[], accept: (e: RecordedEvent) => boolean): RecordedEvent[] {
    const relevant: RecordedEvent[] = [];
    for (const event of events) {
      if (adoptionOf(event)) {
        const own = this.applies(event) ? event : fanOut(event, '');
        if (accept(own)) relevant.push(own);
        const municipalities = new Set([...this.checkpoints.keys(), ...this.met]);
        municipalities.delete(partitionOf(event));
        for (const municipality of [...municipalities].sort()) {
          const checkpoint = this.checkpoints.get(municipality);
          if (this.parked.has(municipality) || (checkpoint != null && checkpoint >= event.position)) continue;
          const copy = fanOut(event, municipality);
          if (accept(copy)) relevant.push(copy);
        }
      } else if (this.applies(event) && accept(event)) {
        relevant.push(event);
        if (!decisionOf(event)) this.met.add(partitionOf(event));
      }
    }
    return relevant;
  }

  /** Whether this runner applies the event now: its municipality is this worker's, not parked, not past it, and the event not skipped. */
  private applies(event: RecordedEvent): boolean {
    const partition = partitionOf(event);
    if (!owns(this.slot, partition)) return false;
    if (decisionOf(event)) return !this.decided.has(event.id);
    if (this.parked.has(partition) || this.skipped.has(event.id)) return false;
    const checkpoint = this.checkpoints.get(partition);
    return checkpoint === undefined || checkpoint === null || event.position > checkpoint;
  }

  /** Where to read the log from: the lowest checkpoint of this worker's municipalities (parked ones wait). */
  private readFrom(): bigint | null {
    let from = this.scan ?? this.floor;
    for (const [partition, checkpoint] of this.checkpoints)
      if (!this.parked.has(partition)) from = minPosition(from, checkpoint);
    return from;
  }

  /** This worker's checkpoints, parked events and the decisions so far (of the log up to `until`, for a rebuild). */
  private async load(until: bigint | null): Promise<void> {
    const [workers, checkpoints, parked, decisions, decisionEvents] = await Promise.all([
      this.db.query('SELECT name, position FROM projection_checkpoint') as Promise<
        { name: string; position: string }[]
      >,
      this.db.query('SELECT municipality, position FROM municipality_checkpoint') as Promise<
        { municipality: string; position: string | null }[]
      >,
      this.db.query('SELECT municipality, event_id, position FROM parked_event') as Promise<
        { municipality: string; event_id: string; position: string }[]
      >,
      this.db.query('SELECT event_id, decision, parked_event_id FROM projector_decision') as Promise<
        { event_id: string; decision: string; parked_event_id: string }[]
      >,
      this.store.readStream(DECISIONS_STREAM),
    ]);
    const own = workers.find((w) => w.name === this.name);
    this.scan = own ? BigInt(own.position) : null;
    this.floor = unseenFloor(workers);
    this.otherWorkerRows = workers.some((w) => w.name !== this.name);
    this.checkpoints.clear();
    for (const c of checkpoints)
      if (owns(this.slot, c.municipality))
        this.checkpoints.set(c.municipality, c.position === null ? null : BigInt(c.position));
    this.parked.clear();
    this.met.clear();
    for (const p of parked)
      if (owns(this.slot, p.municipality))
        this.parked.set(p.municipality, { eventId: p.event_id, heldThrough: BigInt(p.position) });
    this.decided.clear();
    this.skipped.clear();
    for (const d of decisions) {
      this.decided.add(d.event_id);
      if (d.decision === 'skip') this.skipped.add(d.parked_event_id);
    }
    // A rebuild meets a skipped event before the decision that skips it: it skips it as the live projector did.
    for (const e of decisionEvents)
      if (e.type === PARKED_EVENT_SKIPPED && (until === null || e.position <= until))
        this.skipped.add(decisionOf(e)?.eventId ?? '');
  }

  /**
   * One transaction: compare and set this worker's checkpoint and its municipalities'
   * checkpoints, run the writers, record decisions and a parked event. The checkpoint rows are
   * locked and compared first, so a second projector on the same read models (a
   * misconfiguration) fails loudly instead of applying a batch twice. Returns the events applied.
   */
  private async commit(
    batch: RecordedEvent[],
    applied: RecordedEvent[],
    writers: BatchWriter[],
    park: { event: RecordedEvent; error: Error } | null,
  ): Promise<number> {
    const progress = this.progressOf(batch, applied, park);
    await inBatchTransaction(this.db, async (tx) => {
      await this.claimCheckpoint(tx, progress.scan, batch[batch.length - 1]?.metadata.recordedAt ?? null);
      await this.moveCheckpoints(tx, progress);
      for (const write of writers) await write(tx);
      await this.recordDecisions(tx, progress);
      if (progress.parked) {
        const { partition, event, error } = progress.parked;
        await tx.query(
          `INSERT INTO parked_event (municipality, position, event_id, event_type, stream, error) VALUES ($1, $2, $3, $4, $5, $6)`,
          [
            partition,
            event.position.toString(),
            event.id,
            event.type,
            event.stream,
            (error.message || String(error)).slice(0, 2000),
          ],
        );
      }
      for (const [partition, { count }] of progress.held) {
        await tx.query('UPDATE parked_event SET held_events = held_events + $2 WHERE municipality = $1', [
          partition,
          count,
        ]);
      }
    });
    this.remember(progress);
    if (writers.length) for (const projection of this.projections) projection.committed?.();
    if (this.otherWorkerRows) await this.forgetOtherWorkerCounts();
    return applied.length;
  }

  /**
   * Compares and sets this worker's checkpoint in one statement (its row stays locked until the
   * batch commits): a second projector's batch in between leaves it elsewhere, and the batch fails.
   * The row is made by this worker's first batch.
   */
  private async claimCheckpoint(tx: EntityManager, next: bigint, recordedAt: string | null): Promise<void> {
    const expected = this.scan ?? 0n;
    // The statements of every batch are prepared ones: planned once per connection, not per batch.
    const claimed = await preparedQuery(
      tx,
      'checkpoint-claim',
      `UPDATE projection_checkpoint SET position = $3, recorded_at = coalesce($4, recorded_at), updated_at = now()
       WHERE name = $1 AND position = $2 RETURNING 1`,
      [this.name, expected.toString(), next.toString(), recordedAt],
    );
    if (claimed.length) return;
    const created =
      this.scan === null &&
      (
        await tx.query(
          'INSERT INTO projection_checkpoint (name, position, recorded_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING 1',
          [this.name, next.toString(), recordedAt],
        )
      ).length > 0;
    if (created) return;
    const [stored]: { position: string }[] = await tx.query(
      'SELECT position FROM projection_checkpoint WHERE name = $1',
      [this.name],
    );
    throw new CheckpointMovedError(this.name, this.scan, stored ? BigInt(stored.position) : null);
  }

  /** The checkpoints after the batch: every municipality of this worker not parked is through the batch. */
  private progressOf(
    batch: RecordedEvent[],
    applied: RecordedEvent[],
    park: { event: RecordedEvent; error: Error } | null,
  ): Progress {
    const through = batch[batch.length - 1].position;
    const progress: Progress = {
      scan: maxPosition(this.scan, through),
      partitions: new Map(),
      recordedAt: new Map(),
      parked: null,
      unparked: [],
      decisions: [],
      held: new Map(),
    };
    const parkedPartition = park ? partitionOf(park.event) : null;
    for (const [partition, checkpoint] of this.checkpoints) {
      if (this.parked.has(partition) || partition === parkedPartition) continue;
      progress.partitions.set(partition, maxPosition(checkpoint, through));
    }
    for (const event of batch) {
      const partition = partitionOf(event);
      if (!owns(this.slot, partition)) continue;
      const parked = this.parked.get(partition);
      if (parked && !decisionOf(event) && event.position > parked.heldThrough) {
        const held = progress.held.get(partition) ?? { count: 0, through };
        held.count++;
        progress.held.set(partition, held);
      }
      if (!this.checkpoints.has(partition) && !this.parked.has(partition) && partition !== parkedPartition)
        progress.partitions.set(partition, through);
    }
    for (const event of applied) {
      const decision = decisionOf(event);
      if (decision) progress.decisions.push(event);
      if (decision && this.parked.get(decision.municipality)?.eventId === decision.eventId)
        progress.unparked.push(decision.municipality);
      if (!decision) progress.recordedAt.set(partitionOf(event), event.metadata.recordedAt);
    }
    if (park && parkedPartition) {
      // Everything of the municipality before the parked event is applied: its checkpoint is the event before it in the log,
      // whatever the batches were (the one before the batch is where the municipality's or this worker's checkpoint stands).
      const index = batch.indexOf(logEventOf(park.event));
      const before = this.checkpoints.has(parkedPartition)
        ? this.checkpoints.get(parkedPartition)!
        : (this.scan ?? this.floor);
      const checkpoint = index > 0 ? batch[index - 1].position : before;
      progress.partitions.set(parkedPartition, checkpoint);
      progress.parked = { partition: parkedPartition, event: park.event, error: park.error };
    }
    return progress;
  }

  private async moveCheckpoints(tx: EntityManager, progress: Progress): Promise<void> {
    const moved = [...progress.partitions]
      .filter(([p, next]) => this.checkpoints.has(p) && this.checkpoints.get(p) !== next)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    if (moved.length) {
      const [{ count }] = await preparedQuery<{ count: number }>(
        tx,
        'municipality-checkpoints-move',
        `WITH moved AS (
           UPDATE municipality_checkpoint c SET position = m.next, recorded_at = coalesce(m.recorded_at, c.recorded_at), updated_at = now()
           FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::timestamptz[]) AS m(municipality, expected, next, recorded_at)
           WHERE c.municipality = m.municipality AND c.position IS NOT DISTINCT FROM m.expected RETURNING 1)
         SELECT count(*)::int AS count FROM moved`,
        [
          moved.map(([p]) => p),
          moved.map(([p]) => this.checkpoints.get(p)?.toString() ?? null),
          moved.map(([, n]) => n?.toString() ?? null),
          moved.map(([p]) => progress.recordedAt.get(p) ?? null),
        ],
      );
      if (count !== moved.length)
        throw new CheckpointMovedError(`of ${moved.length} municipalities`, null, null);
    }
    const created = [...progress.partitions].filter(([p]) => !this.checkpoints.has(p));
    if (created.length) {
      const [{ count }]: { count: number }[] = await tx.query(
        `WITH created AS (
           INSERT INTO municipality_checkpoint (municipality, position, recorded_at) SELECT * FROM unnest($1::text[], $2::bigint[], $3::timestamptz[])
           ON CONFLICT (municipality) DO NOTHING RETURNING 1)
         SELECT count(*)::int AS count FROM created`,
        [
          created.map(([p]) => p),
          created.map(([, n]) => n?.toString() ?? null),
          created.map(([p]) => progress.recordedAt.get(p) ?? null),
        ],
      );
      if (count !== created.length)
        throw new CheckpointMovedError(`of ${created.length} new municipalities`, null, null);
    }
  }

  private async recordDecisions(tx: EntityManager, progress: Progress): Promise<void> {
    for (const event of progress.decisions) {
      const d = decisionOf(event)!;
      await tx.query(
        `INSERT INTO projector_decision (event_id, position, decision, municipality, parked_event_id, parked_position, reason, actor, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          event.id,
          event.position.toString(),
          d.decision,
          d.municipality,
          d.eventId,
          d.position,
          d.reason,
          d.actor,
          event.metadata.recordedAt,
        ],
      );
    }
    if (progress.unparked.length)
      await tx.query('DELETE FROM parked_event WHERE municipality = ANY($1)', [progress.unparked]);
  }

  /** The committed transaction's progress becomes the runner's. */
  private remember(progress: Progress): void {
    this.scan = progress.scan;
    for (const [partition, checkpoint] of progress.partitions) this.checkpoints.set(partition, checkpoint);
    for (const event of progress.decisions) {
      const d = decisionOf(event)!;
      this.decided.add(event.id);
      if (d.decision === 'skip') this.skipped.add(d.eventId);
    }
    for (const [partition, { through }] of progress.held) this.parked.get(partition)!.heldThrough = through;
    for (const partition of progress.unparked) this.parked.delete(partition);
    if (progress.unparked.length) this.rewind = true;
    if (progress.parked) {
      this.parked.set(progress.parked.partition, {
        eventId: progress.parked.event.id,
        heldThrough: progress.parked.event.position,
      });
    }
  }

  /**
   * Rows of workers of another worker count (before PROJECTOR_WORKERS changed, or a rebuild's)
   * keep the low-water mark down; once every worker of this count has its row, they go.
   */
  private async forgetOtherWorkerCounts(): Promise<void> {
    const names = Array.from({ length: this.slot.workers }, (_, index) =>
      workerName({ index, workers: this.slot.workers }),
    );
    const [{ present }]: { present: string }[] = await this.db.query(
      'SELECT count(*) AS present FROM projection_checkpoint WHERE name = ANY($1)',
      [names],
    );
    if (Number(present) < names.length) return;
    await this.db.query('DELETE FROM projection_checkpoint WHERE NOT (name = ANY($1))', [names]);
    this.otherWorkerRows = false;
  }
}

// Audit jobs (API.md "Audit jobs"): a replay of one municipality's events up to an instant or a
// log position into a scratch schema of the job's own, then a comparison with the live as-of
// figures. A job reads the log and writes only its scratch schema and its record in the
// audit_job table, so the job and its verdict outlive the api process. Jobs run one at a time
// per process (a replay is heavy); the process running a job holds an advisory lock on it, so a
// job whose process died (still `running`, nobody holding the lock) is run again by the next start.
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@app/event-store';
import type { Rulebooks } from '@app/rules';
import type { DataSource } from 'typeorm';
import { openReadModels } from '../read-model-data-source';
import { parseUntil, replayInto, verifyReplay } from './replay';

export type AuditJobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface AuditJob {
  jobId: string;
  municipality: string;
  until: string;
  status: AuditJobStatus;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: { applied: number; position: string | null; head: string | null };
  /** When done: what the replay covered and how it compared. */
  result: {
    identical: boolean;
    asOf: string;
    throughPosition: string | null;
    eventsReplayed: number;
    compared: number;
    differences: string[];
  } | null;
  error: string | null;
}

interface AuditJobRow {
  job_id: string;
  municipality: string;
  until: string;
  status: AuditJobStatus;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  progress: AuditJob['progress'];
  result: AuditJob['result'];
  error: string | null;
}

/** Key class of the session advisory lock a process holds on the job it runs (one key per job). */
const AUDIT_JOB_LOCK_CLASS = 7_461_003;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NO_PROGRESS: AuditJob['progress'] = { applied: 0, position: null, head: null };

export const scratchSchemaOf = (jobId: string) => `audit_${jobId.replace(/-/g, '')}`;

const toJob = (row: AuditJobRow): AuditJob => ({
  jobId: row.job_id,
  municipality: row.municipality,
  until: row.until,
  status: row.status,
  createdAt: row.created_at.toISOString(),
  startedAt: row.started_at?.toISOString() ?? null,
  finishedAt: row.finished_at?.toISOString() ?? null,
  progress: row.progress,
  result: row.result,
  error: row.error,
});

export class AuditJobs {
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly live: DataSource,
    private readonly databaseUrl: string,
    private readonly rulebooks: Rulebooks,
  ) {}

  /** Records a job for `until` (an instant or a log position, as parseUntil reads it) and queues it. */
  async start(municipality: string, until: string): Promise<AuditJob> {
    parseUntil(until);
    const [row]: AuditJobRow[] = await this.live.query(
      `INSERT INTO audit_job (job_id, municipality, until, status, created_at, progress)
       VALUES ($1, $2, $3, 'queued', now(), $4) RETURNING *`,
      [randomUUID(), municipality, until, NO_PROGRESS],
    );
    this.enqueue(row.job_id);
    return toJob(row);
  }

  /** A job of this municipality (another municipality's job is not found). */
  async get(municipality: string, jobId: string): Promise<AuditJob | null> {
    if (!UUID.test(jobId)) return null;
    const [row]: AuditJobRow[] = await this.live.query(
      'SELECT * FROM audit_job WHERE job_id = $1 AND municipality = $2',
      [jobId, municipality],
    );
    return row ? toJob(row) : null;
  }

  /** Queues every unfinished job, oldest first: those a stopped process left queued or running. */
  async resumeUnfinished(): Promise<number> {
    const rows: { job_id: string }[] = await this.live.query(
      `SELECT job_id FROM audit_job WHERE status IN ('queued', 'running') ORDER BY created_at`,
    );
    rows.forEach((r) => this.enqueue(r.job_id));
    return rows.length;
  }

  /** Resolves once every job queued so far has ended. */
  async idle(): Promise<void> {
    await this.queue;
  }

  private enqueue(jobId: string): void {
    // A failure to reach the database leaves the job unfinished, for the next start to resume.
    this.queue = this.queue.then(() => this.runUnlessTaken(jobId)).catch(() => {});
  }

  private async runUnlessTaken(jobId: string): Promise<void> {
    const lock = this.live.createQueryRunner();
    await lock.connect();
    try {
      const [{ taken }]: { taken: boolean }[] = await lock.query(
        'SELECT NOT pg_try_advisory_lock($1, hashtext($2)) AS taken',
        [AUDIT_JOB_LOCK_CLASS, jobId],
      );
      if (taken) return; // another process runs it
      try {
        await this.run(jobId);
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1, hashtext($2))', [AUDIT_JOB_LOCK_CLASS, jobId]);
      }
    } finally {
      await lock.release();
    }
  }

  private async run(jobId: string): Promise<void> {
    // TypeORM answers an UPDATE with [rows, count]
    const [[job]]: [AuditJobRow[], number] = await this.live.query(
      `UPDATE audit_job SET status = 'running', started_at = now(), progress = $2
       WHERE job_id = $1 AND status IN ('queued', 'running') RETURNING *`,
      [jobId, NO_PROGRESS],
    );
    if (!job) return; // ended meanwhile
    const schema = scratchSchemaOf(jobId);
    let progressWrites = Promise.resolve();
    const onProgress = (progress: AuditJob['progress']) => {
      progressWrites = progressWrites
        .then(() =>
          this.live.query('UPDATE audit_job SET progress = $2 WHERE job_id = $1', [jobId, progress]),
        )
        .then(() => {});
    };
    let outcome: { result: AuditJob['result']; error: null } | { result: null; error: string };
    try {
      outcome = { result: await this.replayAndVerify(job, schema, onProgress), error: null };
    } catch (error) {
      outcome = { result: null, error: (error as Error).message };
    }
    await progressWrites.catch(() => {});
    // The job has ended only once its scratch read models are gone.
    try {
      await this.live.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } catch (error) {
      outcome = {
        result: null,
        error: `the scratch schema ${schema} could not be dropped: ${(error as Error).message}`,
      };
    }
    await this.live.query(
      `UPDATE audit_job SET status = $2, result = $3, error = $4, finished_at = now() WHERE job_id = $1`,
      [jobId, outcome.result ? 'done' : 'failed', outcome.result, outcome.error],
    );
  }

  private async replayAndVerify(
    job: AuditJobRow,
    schema: string,
    onProgress: (progress: AuditJob['progress']) => void,
  ): Promise<AuditJob['result']> {
    const replay = await replayInto(
      this.store,
      this.databaseUrl,
      parseUntil(job.until),
      this.rulebooks,
      schema,
      (p) => onProgress({ applied: p.applied, position: p.through.toString(), head: p.head.toString() }),
      job.municipality,
    );
    const replayed = await openReadModels(this.databaseUrl, schema, 2);
    try {
      const verdict = await verifyReplay(this.live, replayed, replay.asOf, job.municipality);
      return {
        identical: verdict.differences.length === 0,
        asOf: verdict.asOf,
        throughPosition: replay.throughPosition,
        eventsReplayed: replay.applied,
        compared: verdict.compared,
        differences: verdict.differences,
      };
    } finally {
      await replayed.destroy();
    }
  }
}

// Audit jobs (API.md "Audit jobs"): a replay of one municipality's events up to an instant or a
// log position into a scratch schema of the job's own, then a comparison with the live as-of
// figures. A job reads the log and writes only its scratch schema, which is dropped when the job
// ends; it runs one at a time (a replay is heavy) and its record stays in this process's memory.
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@app/event-store';
import type { DecideRefund } from '@app/ledger';
import type { DataSource } from 'typeorm';
import { openReadModels } from '../read-model-data-source';
import { replayInto, verifyReplay, type ReplayTarget } from './replay';

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

const KEPT_JOBS = 200;

export class AuditJobs {
  private readonly jobs = new Map<string, AuditJob>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly live: DataSource,
    private readonly databaseUrl: string,
    private readonly decide: DecideRefund,
  ) {}

  start(municipality: string, until: string, target: ReplayTarget): AuditJob {
    const job: AuditJob = {
      jobId: randomUUID(),
      municipality,
      until,
      status: 'queued',
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      progress: { applied: 0, position: null, head: null },
      result: null,
      error: null,
    };
    this.jobs.set(job.jobId, job);
    for (const old of this.jobs.keys()) if (this.jobs.size > KEPT_JOBS) this.jobs.delete(old);
    this.queue = this.queue.then(() => this.run(job, target));
    return { ...job };
  }

  /** A job of this municipality (another municipality's job is not found). */
  get(municipality: string, jobId: string): AuditJob | null {
    const job = this.jobs.get(jobId);
    return job && job.municipality === municipality ? structuredClone(job) : null;
  }

  private async run(job: AuditJob, target: ReplayTarget): Promise<void> {
    job.status = 'running';
    job.startedAt = new Date().toISOString();
    const schema = `audit_${job.jobId.replace(/-/g, '')}`;
    try {
      const replay = await replayInto(
        this.store,
        this.databaseUrl,
        target,
        this.decide,
        schema,
        (p) => {
          job.progress = { applied: p.applied, position: p.through.toString(), head: p.head.toString() };
        },
        job.municipality,
      );
      const replayed = await openReadModels(this.databaseUrl, schema, 2);
      try {
        const verdict = await verifyReplay(this.live, replayed, replay.asOf, job.municipality);
        job.result = {
          identical: verdict.differences.length === 0,
          asOf: verdict.asOf,
          throughPosition: replay.throughPosition,
          eventsReplayed: replay.applied,
          compared: verdict.compared,
          differences: verdict.differences,
        };
        job.status = 'done';
      } finally {
        await replayed.destroy();
      }
    } catch (error) {
      job.status = 'failed';
      job.error = (error as Error).message;
    } finally {
      job.finishedAt = new Date().toISOString();
      await this.live.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    }
  }
}

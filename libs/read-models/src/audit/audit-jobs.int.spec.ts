// Audit jobs on a real PostgreSQL: their records live in the read models (a second process, or
// the next start, reads them), a job a stopped process left unfinished runs again, a job another
// process holds is left to it, and no job is marked ended while its scratch schema still exists.
import type { PostgresEventStore } from '@app/event-store';
import type { TestDatabase } from '@app/platform/testing';
import { checkOfferValidity, rulebooks } from '@app/rules';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { allProjections } from '../projections/all-projections';
import { ProjectionRunner } from '../runner/projection-runner';
import { DomainLog } from '../testing/domain-log';
import { closeLogAndReadModels, openLogAndReadModels } from '../testing/log-and-read-models';
import { AuditJobs, scratchSchemaOf } from './audit-jobs';

let db: TestDatabase;
let store: PostgresEventStore;
let live: DataSource;
let eventsOf101 = 0;

beforeAll(async () => {
  ({ db, store, live } = await openLogAndReadModels());
  const copenhagen = new DomainLog(store, checkOfferValidity, '101');
  await copenhagen.run(
    'ChangeTargetGroup',
    { personId: 'P1', targetGroup: 'jobafklaring', effectiveFrom: '2025-01-01' },
    '2025-02-01T09:00:00Z',
  );
  await copenhagen.run(
    'RegisterOffer',
    {
      offerId: 'O1',
      personId: 'P1',
      offerKind: 'ordinary_education',
      startDate: '2025-03-01',
      endDate: '2025-05-31',
    },
    '2025-02-01T09:01:00Z',
  );
  await copenhagen.run(
    'RecordOfferExpense',
    {
      expenseId: 'E1',
      offerId: 'O1',
      expenseType: 'course_fee',
      amount: '12000.00',
      activityFrom: '2025-03-01',
      activityTo: '2025-05-31',
    },
    '2025-03-10T09:00:00Z',
  );
  await new DomainLog(store, checkOfferValidity, '751').run(
    'ChangeTargetGroup',
    { personId: 'A1', targetGroup: 'sygedagpenge', effectiveFrom: '2025-01-01' },
    '2025-02-01T09:00:00Z',
  );
  eventsOf101 = (await store.readAll(0n, 100)).filter((e) => e.metadata.municipality === '101').length;
  await new ProjectionRunner(store, live, allProjections(rulebooks)).catchUp();
  // Ending a job (done or failed) while its scratch schema exists is refused outright.
  await live.query(`
    CREATE FUNCTION audit_job_ends_clean() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF to_regnamespace('audit_' || replace(NEW.job_id::text, '-', '')) IS NOT NULL THEN
        RAISE EXCEPTION 'audit job % ended with its scratch schema in place', NEW.job_id;
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER audit_job_ends_clean BEFORE UPDATE ON audit_job
      FOR EACH ROW WHEN (NEW.status IN ('done', 'failed')) EXECUTE FUNCTION audit_job_ends_clean();
  `);
});
afterAll(() => closeLogAndReadModels({ db, store, live }));

const jobsOfAProcess = () => new AuditJobs(store, live, db.url, rulebooks);
const schemaExists = async (jobId: string) =>
  (
    (await live.query('SELECT to_regnamespace($1) IS NOT NULL AS found', [scratchSchemaOf(jobId)])) as {
      found: boolean;
    }[]
  )[0].found;

it("keeps a job's record and verdict for another process, and for its own municipality only", async () => {
  const jobs = jobsOfAProcess();
  const started = await jobs.start('101', '2025-12-31T23:59:59Z');
  expect(started).toMatchObject({ municipality: '101', status: 'queued', result: null });
  await jobs.idle();

  const after = jobsOfAProcess(); // e.g. the api after a restart
  const job = await after.get('101', started.jobId);
  expect(job).toMatchObject({
    status: 'done',
    until: '2025-12-31T23:59:59Z',
    error: null,
    progress: { applied: eventsOf101 },
    result: {
      identical: true,
      asOf: '2025-12-31T23:59:59.000Z',
      eventsReplayed: eventsOf101,
      compared: 2, // the 2025 statement and the summary of 101
      differences: [],
    },
  });
  expect(Date.parse(job!.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(job!.startedAt!));
  expect(await after.get('751', started.jobId)).toBeNull();
  expect(await after.get('101', 'not-a-uuid')).toBeNull();
  expect(await schemaExists(started.jobId)).toBe(false);
});

it('runs again a job that a stopped process left running, from a fresh scratch schema', async () => {
  const jobId = randomUUID();
  await live.query(
    `INSERT INTO audit_job (job_id, municipality, until, status, created_at, started_at, progress)
     VALUES ($1, '101', '2025-02-01T09:00:30Z', 'running', now(), now(), '{"applied":1,"position":"1","head":"5"}')`,
    [jobId],
  );
  // the half-built read models the stopped process left behind
  await live.query(
    `CREATE SCHEMA ${scratchSchemaOf(jobId)}; CREATE TABLE ${scratchSchemaOf(jobId)}.junk (x int)`,
  );

  const jobs = jobsOfAProcess();
  expect(await jobs.resumeUnfinished()).toBe(1);
  await jobs.idle();
  expect(await jobs.get('101', jobId)).toMatchObject({
    status: 'done',
    result: { identical: true, eventsReplayed: 1, differences: [] }, // the first change only
  });
  expect(await schemaExists(jobId)).toBe(false);
});

it('leaves a job to the process that holds it', async () => {
  const jobs = jobsOfAProcess();
  const { jobId } = await live
    .query(
      `INSERT INTO audit_job (job_id, municipality, until, status, created_at, progress)
       VALUES ($1, '101', '2025-12-31T23:59:59Z', 'queued', now(), '{"applied":0,"position":null,"head":null}')
       RETURNING job_id AS "jobId"`,
      [randomUUID()],
    )
    .then((rows: { jobId: string }[]) => rows[0]);
  const other = new Client({ connectionString: db.url });
  await other.connect();
  try {
    await other.query('SELECT pg_advisory_lock(7461003, hashtext($1))', [jobId]);
    await jobs.resumeUnfinished();
    await jobs.idle();
    expect(await jobs.get('101', jobId)).toMatchObject({ status: 'queued' });
  } finally {
    await other.end(); // the holder stops: the job is free again
  }
  await jobs.resumeUnfinished();
  await jobs.idle();
  expect(await jobs.get('101', jobId)).toMatchObject({ status: 'done' });
});

it('fails a job whose replay fails, after dropping its scratch schema, with the reason', async () => {
  const jobs = jobsOfAProcess();
  const { jobId } = await jobs.start('101', '999999'); // no event at that position
  await jobs.idle();
  expect(await jobs.get('101', jobId)).toMatchObject({
    status: 'failed',
    result: null,
    error: 'no event at log position 999999',
  });
  expect(await schemaExists(jobId)).toBe(false);
});

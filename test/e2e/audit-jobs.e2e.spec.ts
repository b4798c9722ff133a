// Audit jobs over HTTP (API.md "Audit jobs"): a replay of one municipality up to an instant or a
// log position into read models of the job's own, compared with the live as-of figures; scoped to
// the caller's municipality, never writing to the log.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { TestSystem } from '../support/test-system';
import { M, startWebScenarioSystem, type WebScenario, type WebScenarioSystem } from '../web/web-scenario';

let system: TestSystem;
let scenario: WebScenario;

beforeAll(async () => {
  let setClock: WebScenarioSystem['setClock'];
  ({ system, scenario, setClock } = await startWebScenarioSystem());
  // another municipality's events, which a job of 101 must neither replay nor compare
  setClock('2025-03-01T09:00:00Z');
  await request(system.http)
    .post('/v1/commands/ChangeTargetGroup')
    .set('authorization', `Bearer ${system.token('jobcentre', '751')}`)
    .send({
      commandId: randomUUID(),
      municipality: '751',
      personId: 'aarhus-1',
      targetGroup: 'jobafklaring',
      effectiveFrom: '2025-01-01',
    })
    .expect(201);
  setClock(null);
});
afterAll(() => system?.close());

const as = (role: 'auditor' | 'finance' | 'jobcentre', m = M) => `Bearer ${system.token(role, m)}`;
const start = (until: string, role: 'auditor' | 'finance' | 'jobcentre' = 'auditor') =>
  request(system.http)
    .post(`/v1/municipalities/${M}/audit/replays`)
    .set('authorization', as(role))
    .send({ until });

async function finished(jobId: string) {
  for (let i = 0; i < 600; i++) {
    const res = await request(system.http)
      .get(`/v1/municipalities/${M}/audit/replays/${jobId}`)
      .set('authorization', as('auditor'))
      .expect(200);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`audit job ${jobId} did not finish`);
}

describe('audit jobs', () => {
  it('replays the municipality to an instant and finds the figures identical to the live as-of figures', async () => {
    const head = await system.store.headPosition();
    const res = await start(scenario.beforeRetraction).expect(202);
    const job = await finished(res.body.jobId);
    expect(job).toMatchObject({
      jobId: res.body.jobId,
      municipality: M,
      until: scenario.beforeRetraction,
      status: 'done',
      error: null,
    });
    // the events of 101 recorded by then: all of the scenario's but the retraction (20 May)
    const events = (await system.store.readAll(0n, 10_000)).filter(
      (e) =>
        e.metadata.municipality === M &&
        Date.parse(e.metadata.recordedAt) <= Date.parse(scenario.beforeRetraction),
    );
    expect(job.result).toEqual({
      identical: true,
      asOf: scenario.beforeRetraction,
      throughPosition: head!.toString(),
      eventsReplayed: events.length,
      compared: 2,
      differences: [],
    }); // the 2025 statement (everything is booked in 2025) and the summary
    expect(await system.store.headPosition()).toBe(head); // nothing written to the log
    const schemas = await system.readModels.query(
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'audit_%'`,
    );
    expect(schemas).toEqual([]); // the scratch read models are gone
  });

  it("replays to a log position, standing for that event's recorded time", async () => {
    const [first] = await system.store.readAll(0n, 1);
    const job = await finished((await start(first.position.toString(), 'finance').expect(202)).body.jobId);
    expect(job.result).toMatchObject({
      identical: true,
      asOf: new Date(first.metadata.recordedAt).toISOString(),
      throughPosition: first.position.toString(),
      eventsReplayed: 1,
    });
  });

  it('is seen only from its own municipality and started only by auditor, finance or admin', async () => {
    const { jobId } = (await start('2025-06-30T23:59:59Z').expect(202)).body;
    await request(system.http)
      .get(`/v1/municipalities/751/audit/replays/${jobId}`)
      .set('authorization', as('auditor', '751'))
      .expect(404);
    await request(system.http)
      .get(`/v1/municipalities/${M}/audit/replays/${jobId}`)
      .set('authorization', as('auditor', '751'))
      .expect(403);
    await start('2025-06-30T23:59:59Z', 'jobcentre').expect(403);
    await finished(jobId);
  });

  it('refuses an until that is neither an instant nor a position of the log with 400', async () => {
    for (const until of ['yesterday', '2025-13-45T00:00:00Z', '99999999']) {
      const res = await start(until).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'until' })]);
    }
    await request(system.http)
      .post(`/v1/municipalities/${M}/audit/replays`)
      .set('authorization', as('auditor'))
      .send({})
      .expect(400);
    await request(system.http)
      .get(`/v1/municipalities/${M}/audit/replays/${randomUUID()}`)
      .set('authorization', as('auditor'))
      .expect(404);
  });
});

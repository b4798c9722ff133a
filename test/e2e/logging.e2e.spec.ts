// The api's logs: one JSON line per request with an ISO time, the level, the request id, who
// asked, the municipality, the command type and id, and for a refusal the problem's status, type
// and code; the request id becomes the correlation id of the events a command appends; Nest's
// start-up lines (modules, every route mapped) are not at info; LOG_LEVEL=warn leaves requests out.
// The projector logs its lag at info and every batch at debug.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createLogger } from '@app/platform';
import { allProjections } from '@app/read-models';
import { rulebooks } from '@app/rules';
import request from 'supertest';
import { createProjectorApp } from '../../apps/projector/src/create-projector-app';
import { startTestSystem, type TestSystem } from '../support/test-system';

function memoryLog(level: string): {
  lines: Record<string, unknown>[];
  logger: ReturnType<typeof createLogger>;
} {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger(level, sink) };
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let system: TestSystem;
const log = memoryLog('info');
beforeAll(async () => {
  process.env.LOG_REQUESTS = '1';
  system = await startTestSystem({ projector: false, logger: log.logger });
});
afterAll(async () => {
  await system.close();
});

const offer = (commandId: string, offerId: string) => ({
  commandId,
  municipality: '101',
  offerId,
  personId: 'log-p-1',
  offerKind: 'ordinary_education',
  startDate: '2025-03-01',
  endDate: '2025-05-31',
});

/** The request line of a request id (pino writes synchronously here, but the line follows the answer). */
async function lineOf(requestId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 50; i++) {
    const line = log.lines.find((l) => l.requestId === requestId && l.msg === 'request answered');
    if (line) return line;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no log line for ${requestId}`);
}

it('logs an accepted command with time, level, request id, actor, municipality, command type and id, status', async () => {
  const token = system.token('jobcentre', '101');
  const commandId = randomUUID();
  const res = await request(system.http)
    .post('/v1/commands/RegisterOffer')
    .set('authorization', `Bearer ${token}`)
    .set('x-request-id', 'req-accepted-1')
    .send(offer(commandId, `log-o-${commandId}`))
    .expect(201);
  expect(res.headers['x-request-id']).toBe('req-accepted-1');
  const line = await lineOf('req-accepted-1');
  expect(line).toMatchObject({
    level: 'info',
    app: 'api',
    component: 'http',
    requestId: 'req-accepted-1',
    req: { method: 'POST' },
    res: { status: 201 },
    path: '/v1/commands/RegisterOffer',
    actor: 'test-jobcentre',
    role: 'jobcentre',
    municipality: '101',
    commandType: 'RegisterOffer',
    commandId,
  });
  expect(line.time).toMatch(ISO_TIME);
  expect(typeof line.responseTime).toBe('number');
  expect(line.problem).toBeUndefined();

  // The request id is the correlation id of the events (no X-Correlation-Id was given).
  const [event] = await system.store.readStream(`offer-101-log-o-${commandId}`);
  expect(event.metadata).toMatchObject({ commandId, correlationId: 'req-accepted-1' });
});

it('logs a refusal with the problem status, type and code; a given X-Correlation-Id wins over the request id', async () => {
  const token = system.token('jobcentre', '101');
  const offerId = `log-o-${randomUUID()}`;
  const first = randomUUID();
  await request(system.http)
    .post('/v1/commands/RegisterOffer')
    .set('authorization', `Bearer ${token}`)
    .set('x-correlation-id', 'case-42')
    .send(offer(first, offerId))
    .expect(201);
  expect((await system.store.readStream(`offer-101-${offerId}`))[0].metadata.correlationId).toBe('case-42');

  const again = randomUUID();
  await request(system.http)
    .post('/v1/commands/RegisterOffer')
    .set('authorization', `Bearer ${token}`)
    .set('x-request-id', 'req-refused-1')
    .send(offer(again, offerId))
    .expect(422);
  expect(await lineOf('req-refused-1')).toMatchObject({
    level: 'info',
    res: { status: 422 },
    commandType: 'RegisterOffer',
    commandId: again,
    problem: { status: 422, type: '/problems/domain-rule-violation', code: 'offer.already_registered' },
  });

  await request(system.http)
    .get('/v1/municipalities/102/ledger/entries')
    .set('authorization', `Bearer ${token}`)
    .set('x-request-id', 'req-forbidden-1')
    .expect(403);
  expect(await lineOf('req-forbidden-1')).toMatchObject({
    res: { status: 403 },
    municipality: '102',
    actor: 'test-jobcentre',
    problem: { status: 403, type: '/problems/forbidden' },
  });
});

it('warns at start that the configured AUTH_JWT_SECRET is short', () => {
  expect(log.lines).toContainEqual(
    expect.objectContaining({
      level: 'warn',
      msg: expect.stringMatching(/^AUTH_JWT_SECRET has 11 characters: .* at least 32/),
    }),
  );
});

it('gives a request without an id one of its own, and keeps Nest start-up lines below info', async () => {
  const res = await request(system.http).get('/health').expect(200);
  const id = res.headers['x-request-id'];
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(await lineOf(id)).toMatchObject({ path: '/health', res: { status: 200 } });
  expect(
    log.lines.filter((l) =>
      ['RoutesResolver', 'RouterExplorer', 'InstanceLoader'].includes(String(l.context)),
    ),
  ).toEqual([]);
});

it('LOG_LEVEL=warn writes no request lines, and an unknown LOG_LEVEL is refused by name', async () => {
  const quiet = memoryLog('warn');
  const other = await startTestSystem({ projector: false, logger: quiet.logger });
  try {
    await request(other.http).get('/health').expect(200);
    expect(quiet.lines.filter((l) => l.component === 'http')).toEqual([]);
    expect(quiet.lines.map((l) => l.level)).toEqual(['warn']); // the short-secret warning only
  } finally {
    await other.close();
  }
  expect(() => createLogger('verbose')).toThrow(
    'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "verbose"',
  );
});

it('the projector logs its lag at info when it starts and each applied batch at debug', async () => {
  const projectorLog = memoryLog('debug');
  const projector = await createProjectorApp(
    {
      store: system.store,
      readModels: system.readModels,
      projections: allProjections(rulebooks),
      idleDelayMs: 5,
    },
    { logger: projectorLog.logger },
  );
  await projector.init();
  try {
    const head = (await system.store.headPosition())!.toString();
    for (
      let i = 0;
      i < 200 && !projectorLog.lines.some((l) => l.msg === 'batch applied' && l.through === head);
      i++
    )
      await new Promise((r) => setTimeout(r, 25));
    expect(projectorLog.lines).toContainEqual(
      expect.objectContaining({
        level: 'info',
        app: 'projector',
        msg: 'projector following the log',
        lag: expect.objectContaining({ head, eventsBehind: expect.any(Number) }),
      }),
    );
    expect(projectorLog.lines).toContainEqual(
      expect.objectContaining({
        level: 'debug',
        msg: 'batch applied',
        events: expect.any(Number),
        through: head,
        seconds: expect.any(Number),
      }),
    );
  } finally {
    await projector.close();
  }
});

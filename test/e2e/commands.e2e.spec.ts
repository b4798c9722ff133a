// The command API of API.md over HTTP against the embedded PostgreSQL log.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { describeIdempotencyRaces } from './scenarios/idempotency-races';

let system: TestSystem;
let jobcentre101: string;
beforeAll(async () => {
  system = await startTestSystem({ projector: false });
  jobcentre101 = system.token('jobcentre', '101');
});
afterAll(() => system.close());

const send = (type: string, body: object, token = jobcentre101) =>
  request(system.http).post(`/v1/commands/${type}`).set('authorization', `Bearer ${token}`).send(body);

const offer = (offerId = `o-${randomUUID()}`) => ({
  commandId: randomUUID(),
  municipality: '101',
  offerId,
  personId: 'p-1',
  offerKind: 'ordinary_education',
  startDate: '2025-03-01',
  endDate: '2025-05-31',
});

async function logSize(): Promise<bigint> {
  return (await system.store.headPosition()) ?? 0n;
}

describe('POST /v1/commands/{CommandType}', () => {
  it('appends the events of every command and answers 201 with position and events', async () => {
    const o = offer();
    const agreementId = `a-${randomUUID()}`;
    const steps: [string, object][] = [
      [
        'ChangeTargetGroup',
        {
          commandId: randomUUID(),
          municipality: '101',
          personId: 'p-1',
          targetGroup: 'jobafklaring',
          effectiveFrom: '2025-01-01',
          attributes: { readiness: 'aktivitetsparat' },
        },
      ],
      ['RegisterOffer', o],
      [
        'ChangeOfferPeriod',
        {
          commandId: randomUUID(),
          municipality: '101',
          offerId: o.offerId,
          startDate: '2025-03-01',
          endDate: '2025-06-30',
        },
      ],
      [
        'RecordOfferExpense',
        {
          commandId: randomUUID(),
          municipality: '101',
          expenseId: `e-${randomUUID()}`,
          offerId: o.offerId,
          expenseType: 'course_fee',
          amount: '4200.00',
          activityFrom: '2025-03-01',
          activityTo: '2025-03-31',
          invoiceRef: 'F-1',
        },
      ],
      [
        'RegisterMentorAgreement',
        {
          commandId: randomUUID(),
          municipality: '101',
          agreementId,
          personId: 'p-1',
          mentorType: 'social',
          mentorKind: 'external_consultant',
          startDate: '2025-03-01',
          endDate: '2025-08-31',
        },
      ],
      [
        'RecordMentorHours',
        {
          commandId: randomUUID(),
          municipality: '101',
          agreementId,
          date: '2025-03-10',
          contactHours: '1.5',
          hourlyCost: '400.00',
          preparationHours: '0.5',
        },
      ],
      [
        'CancelOffer',
        { commandId: randomUUID(), municipality: '101', offerId: o.offerId, reason: 'never took place' },
      ],
    ];
    for (const [type, body] of steps) {
      const res = await send(type, body).expect(201);
      expect(res.body.commandId).toBe((body as { commandId: string }).commandId);
      expect(BigInt(res.body.position)).toBe(await logSize());
      expect(res.body.events).toHaveLength(1);
      expect(res.body.events[0]).toMatchObject({ id: (body as { commandId: string }).commandId });
    }
    const stored = await system.store.readStream(`offer-101-${o.offerId}`);
    expect(stored.map((e) => e.type)).toEqual(['OfferRegistered', 'OfferPeriodChanged', 'OfferCancelled']);
    expect(stored[0].metadata).toMatchObject({
      municipality: '101',
      actor: 'jobcentre:test-jobcentre',
      commandId: o.commandId,
    });
  });

  it('answers a retry with the original result (200) and appends nothing', async () => {
    const o = offer();
    const first = await send('RegisterOffer', o).expect(201);
    const before = await logSize();
    const retry = await send('RegisterOffer', o).expect(200);
    expect(retry.body).toEqual(first.body);
    expect(await logSize()).toBe(before);
  });

  it('refuses the same commandId with a different body (409) and appends nothing', async () => {
    const o = offer();
    await send('RegisterOffer', o).expect(201);
    const before = await logSize();
    const res = await send('RegisterOffer', { ...o, endDate: '2025-06-30' }).expect(409);
    expect(res.body).toMatchObject({ status: 409, type: '/problems/command-id-reused' });
    expect(await logSize()).toBe(before);
  });

  it('concurrent commands on one stream: each is appended once or refused with a concurrency 409, never lost or doubled', async () => {
    const personId = `p-${randomUUID()}`;
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        send('ChangeTargetGroup', {
          commandId: randomUUID(),
          municipality: '101',
          personId,
          targetGroup: i % 2 ? 'dagpenge' : 'jobafklaring',
          effectiveFrom: `2025-01-${String(i + 1).padStart(2, '0')}`,
        }),
      ),
    );
    const accepted = responses.filter((r) => r.status === 201);
    for (const r of responses.filter((x) => x.status !== 201))
      expect(r.body).toMatchObject({ status: 409, type: '/problems/concurrency-conflict' });
    expect(accepted.length).toBeGreaterThan(0);
    const stream = await system.store.readStream(`person-101-${personId}`);
    expect(stream.map((e) => e.id).sort()).toEqual(accepted.map((r) => r.body.commandId).sort());
    expect(stream.map((e) => e.revision)).toEqual(stream.map((_, i) => i));
  });

  it('one command with text the log cannot store fails alone (4xx); forty concurrent commands of other municipalities succeed', async () => {
    const admin = system.token('admin', '*');
    const change = (municipality: string, reason?: string) => ({
      commandId: randomUUID(),
      municipality,
      personId: `p-${randomUUID()}`,
      targetGroup: 'dagpenge',
      effectiveFrom: '2025-01-01',
      reason,
    });
    const good = Array.from({ length: 40 }, (_, i) => change(String(200 + i)));
    const bad = change('101', 'NUL \u0000 inside');
    const responses = await Promise.all([
      send('ChangeTargetGroup', good[0], admin),
      send('ChangeTargetGroup', bad, admin),
      ...good.slice(1).map((c) => send('ChangeTargetGroup', c, admin)),
    ]);
    expect(responses[1].status).toBe(400);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(40);
  });

  it('refuses a command that breaks a domain rule with 422 and its code', async () => {
    const o = offer();
    await send('RegisterOffer', o).expect(201);
    const res = await send('RegisterOffer', { ...o, commandId: randomUUID() }).expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, code: 'offer.already_registered' });
  });

  it.each([
    ['a date', { startDate: '2025-02-30' }, 'startDate'],
    ['an enum', { offerKind: 'holiday' }, 'offerKind'],
    ['an id pattern', { offerId: 'has spaces' }, 'offerId'],
    ['the command id', { commandId: 'not-a-uuid' }, 'commandId'],
    ['the municipality', { municipality: '1010' }, 'municipality'],
  ])('refuses an invalid %s with 400 naming the field', async (_, change, path) => {
    const before = await logSize();
    const res = await send('RegisterOffer', { ...offer(), ...change }, system.token('admin', '*')).expect(
      400,
    );
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await logSize()).toBe(before);
  });

  it('refuses kroner with more than two decimals (400)', async () => {
    const o = offer();
    await send('RegisterOffer', o).expect(201);
    const res = await send('RecordOfferExpense', {
      commandId: randomUUID(),
      municipality: '101',
      expenseId: 'e-x',
      offerId: o.offerId,
      expenseType: 'course_fee',
      amount: '10.005',
      activityFrom: '2025-03-01',
      activityTo: '2025-03-02',
    }).expect(400);
    expect(res.body.errors[0].path).toBe('amount');
  });

  it('rejects a missing or bad token (401), another municipality or the auditor role (403)', async () => {
    await request(system.http).post('/v1/commands/RegisterOffer').send(offer()).expect(401);
    await send('RegisterOffer', offer(), 'not-a-jwt').expect(401);
    const foreign = await send('RegisterOffer', { ...offer(), municipality: '751' }).expect(403);
    expect(foreign.body.detail).toMatch(/751/);
    await send('RegisterOffer', offer(), system.token('auditor', '101')).expect(403);
    await send('RegisterOffer', { nonsense: true }, system.token('auditor', '101')).expect(403); // role before body
  });

  it('answers an unknown command type with 404 and malformed JSON with 400', async () => {
    await send('LaunchRocket', offer()).expect(404);
    await request(system.http)
      .post('/v1/commands/RegisterOffer')
      .set('authorization', `Bearer ${jobcentre101}`)
      .set('content-type', 'application/json')
      .send('{"a":')
      .expect(400);
  });

  it('answers an oversized body with 413', async () => {
    const res = await send('RegisterOffer', { ...offer(), reason: 'x'.repeat(6 * 1024 * 1024) }).expect(413);
    expect(res.body.status).toBe(413);
  });
});

describe('POST /v1/commands (batch)', () => {
  it('runs 1,000 independent commands, one result each in order, failures isolated', async () => {
    const commands = Array.from({ length: 1000 }, (_, i) => ({
      type: 'RegisterOffer',
      ...offer(`batch-${i}-${randomUUID()}`),
    }));
    commands[500] = { ...commands[500], endDate: '2020-01-01' }; // ends before it starts: 422
    const before = await logSize();
    const res = await request(system.http)
      .post('/v1/commands')
      .set('authorization', `Bearer ${jobcentre101}`)
      .send({ commands })
      .expect(200);
    expect(res.body.results).toHaveLength(1000);
    expect(res.body.results[500]).toMatchObject({ status: 422, problem: { code: 'offer.invalid_period' } });
    expect(res.body.results.filter((r: { status: number }) => r.status === 201)).toHaveLength(999);
    expect(res.body.results[999].commandId).toBe(commands[999].commandId);
    expect(await logSize()).toBe(before + 999n);
    // The same batch again is a retry of every accepted command.
    const again = await request(system.http)
      .post('/v1/commands')
      .set('authorization', `Bearer ${jobcentre101}`)
      .send({ commands })
      .expect(200);
    expect(again.body.results.filter((r: { status: number }) => r.status === 200)).toHaveLength(999);
    expect(await logSize()).toBe(before + 999n);
  });

  it('lets later commands of a batch see earlier ones (register, then expense)', async () => {
    const o = offer();
    const res = await request(system.http)
      .post('/v1/commands')
      .set('authorization', `Bearer ${jobcentre101}`)
      .send({
        commands: [
          { type: 'RegisterOffer', ...o },
          {
            type: 'RecordOfferExpense',
            commandId: randomUUID(),
            municipality: '101',
            expenseId: `e-${randomUUID()}`,
            offerId: o.offerId,
            expenseType: 'teaching_material',
            amount: '99.95',
            activityFrom: '2025-03-01',
            activityTo: '2025-03-01',
          },
        ],
      })
      .expect(200);
    expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([201, 201]);
  });

  it('keeps every item independent: a reused command id (of another stream, or twice in the batch), bad text; later items see earlier ones', async () => {
    const stored = offer();
    await send('RegisterOffer', stored).expect(201);
    const o = offer();
    const before = await logSize();
    const commands = [
      { type: 'RegisterOffer', ...o },
      { type: 'RegisterOffer', ...offer(), commandId: stored.commandId },
      { type: 'RegisterOffer', ...o },
      { type: 'RegisterOffer', ...o, endDate: '2025-04-30' },
      {
        type: 'ChangeTargetGroup',
        commandId: randomUUID(),
        municipality: '101',
        personId: 'p-nul',
        targetGroup: 'dagpenge',
        effectiveFrom: '2025-01-01',
        reason: 'a\u0000b',
      },
      {
        type: 'RecordOfferExpense',
        commandId: randomUUID(),
        municipality: '101',
        expenseId: `e-${randomUUID()}`,
        offerId: o.offerId,
        expenseType: 'course_fee',
        amount: '10.00',
        activityFrom: '2025-03-01',
        activityTo: '2025-03-01',
      },
    ];
    const res = await request(system.http)
      .post('/v1/commands')
      .set('authorization', `Bearer ${jobcentre101}`)
      .send({ commands })
      .expect(200);
    const results = res.body.results as { status: number; position?: string; problem?: { type: string } }[];
    expect(results.map((r) => r.status)).toEqual([201, 409, 200, 409, 400, 201]);
    expect(results[1].problem!.type).toBe('/problems/command-id-reused');
    expect(results[2]).toEqual({ ...results[0], status: 200 });
    expect(results[2].position).not.toBe('0');
    expect(await logSize()).toBe(before + 2n);
  });
});

describeIdempotencyRaces('PostgreSQL log');

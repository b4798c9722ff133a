// The queries of API.md "Queries" (2) over HTTP, on the browser tests' data (test/web/web-scenario.ts):
// timeline reasons and paging, what changed by command with actor, reason and person, bounded
// and paged, reversedBy on postings, and code-list numbers sent as strings.
import { randomUUID } from 'node:crypto';
import { LedgerQueries } from '@app/read-models';
import request from 'supertest';
import type { TestSystem } from '../support/test-system';
import { M, startWebScenarioSystem, type WebScenario } from '../web/web-scenario';

let system: TestSystem;
let scenario: WebScenario;

beforeAll(async () => ({ system, scenario } = await startWebScenarioSystem()));
afterAll(() => system?.close());

const get = (path: string, query: Record<string, string> = {}) =>
  request(system.http)
    .get(path.startsWith('/v1/') ? path : `/v1/municipalities/${M}${path}`)
    .query(path.startsWith('/v1/') ? {} : { minPosition: scenario.position, ...query })
    .set('authorization', `Bearer ${system.token('auditor', M)}`);

describe('timeline', () => {
  it('gives each segment the reason of its change', async () => {
    const { body } = await get(`/persons/${scenario.retractedPerson}/timeline`, {
      asOf: scenario.beforeRetraction,
    }).expect(200);
    expect(
      body.map((s: { targetGroup: string; reason: string | null }) => [s.targetGroup, s.reason]),
    ).toEqual([
      ['sygedagpenge', null],
      ['jobafklaring', 'lægeerklæring modtaget'],
    ]);
  });

  it('pages with limit and cursor, announcing the next page in a Link header', async () => {
    const first = await get(`/persons/${scenario.retractedPerson}/timeline`, {
      asOf: scenario.beforeRetraction,
      limit: '1',
    }).expect(200);
    expect(first.body.map((s: { from: string }) => s.from)).toEqual(['2025-01-01']);
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.link)![1];
    expect(next).toContain('cursor=1');
    const second = await get(next).expect(200);
    expect(second.body.map((s: { from: string }) => s.from)).toEqual(['2025-03-01']);
    expect(second.headers.link).toBeUndefined();
    // the history pages the same way
    const history = await get(`/persons/${scenario.retractedPerson}/timeline`, {
      history: 'true',
      limit: '1',
      cursor: '1',
    }).expect(200);
    expect(history.body.map((r: { reason: string | null }) => r.reason)).toEqual(['lægeerklæring modtaget']);
    await get(`/persons/${scenario.retractedPerson}/timeline`, { cursor: '1.2' }).expect(400);
  });
});

describe('what changed', () => {
  const span = { from: '2025-04-15T00:00:00Z', to: '2025-05-31T00:00:00Z' };

  it('names the actor, the reason and the person of each causing command', async () => {
    const { body } = await get('/ledger/changes', span).expect(200);
    expect(
      body.commands.map((c: Record<string, unknown>) => [c.commandType, c.actor, c.reason, c.personId]),
    ).toEqual([
      ['ChangeTargetGroup', 'jobcentre:test-jobcentre', 'lægeerklæring modtaget', 'borger-bo'],
      ['RetractTargetGroupChange', 'jobcentre:test-jobcentre', 'registreret på forkert borger', 'borger-bo'],
    ]);
    expect(body.nextCursor).toBeNull();
  });

  it('pages by command: each page whole commands, the totals of the whole span on every page', async () => {
    const whole = (await get('/ledger/changes', span).expect(200)).body;
    const first = (await get('/ledger/changes', { ...span, limit: '1' }).expect(200)).body;
    expect(first.commands.map((c: { commandType: string }) => c.commandType)).toEqual(['ChangeTargetGroup']);
    expect(first.commands[0].postings).toEqual(whole.commands[0].postings);
    expect(first.totals).toEqual(whole.totals);
    const second = (
      await get('/ledger/changes', { ...span, limit: '1', cursor: first.nextCursor }).expect(200)
    ).body;
    expect(second.commands.map((c: { commandType: string }) => c.commandType)).toEqual([
      'RetractTargetGroupChange',
    ]);
    expect(second.nextCursor).toBeNull();
    // without from: a page of the earliest commands, not the whole ledger
    const fromStart = (await get('/ledger/changes', { limit: '2' }).expect(200)).body;
    expect(fromStart.commands).toHaveLength(2);
    expect(fromStart.totals.commands).toBeGreaterThan(2);
    expect(fromStart.nextCursor).toMatch(/^\d+$/);
    await get('/ledger/changes', { limit: '1001' }).expect(400);
  });
});

describe('reversedBy', () => {
  it('links every reversed posting to its reversal, as known at asOf', async () => {
    const entries = async (asOf?: string) =>
      (
        await get('/ledger/entries', {
          personId: scenario.retractedPerson,
          ...(asOf ? { asOf } : {}),
        }).expect(200)
      ).body.entries as {
        entryId: string;
        kind: string;
        reverses: string | null;
        reversedBy: string | null;
      }[];
    const all = await entries();
    const reversals = all.filter((e) => e.kind === 'reversal');
    expect(reversals.length).toBeGreaterThan(0);
    for (const r of reversals) expect(all.find((e) => e.entryId === r.reverses)?.reversedBy).toBe(r.entryId);
    expect(all.filter((e) => e.reversedBy !== null)).toHaveLength(reversals.length);
    // before the regrouping nothing was reversed yet
    expect((await entries('2025-04-01T00:00:00Z')).map((e) => e.reversedBy)).not.toContainEqual(
      expect.any(String),
    );
  });
});

describe('entries as CSV', () => {
  it("streams every matching posting: the JSON page's postings, BOM, header, decimal comma", async () => {
    const json = (await get('/ledger/entries', { limit: '1000', bookingPeriodFrom: '2025-01' }).expect(200))
      .body.entries as { entryId: string; amount: string }[];
    const res = await get('/ledger/entries', { bookingPeriodFrom: '2025-01' })
      .set('accept', 'text/csv')
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const [header, ...rows] = (res.body as string).trimEnd().split('\r\n');
    expect(header.startsWith('\uFEFFentryId;kind;account;')).toBe(true);
    expect(rows.map((r) => r.split(';')[0])).toEqual(json.map((e) => e.entryId));
    const amount = header.split(';').indexOf('amount');
    expect(rows.map((r) => r.split(';')[amount])).toEqual(json.map((e) => e.amount.replace('.', ',')));
    expect((await get('/ledger/entries', { format: 'csv', limit: '5' }).expect(400)).body.errors).toEqual([
      { path: 'limit', message: 'is not taken with CSV' },
    ]);
  });

  it('reads through a cursor a batch at a time, and stopping early frees the connection', async () => {
    const queries = new LedgerQueries(system.readModels);
    const filter = { municipality: M, asOf: new Date().toISOString() };
    const streamed: string[] = [];
    for await (const p of queries.allEntries(filter, 2)) streamed.push(p.entryId);
    const paged = (await queries.entries(filter, 1000)).entries.map((p) => p.entryId);
    expect(streamed).toEqual(paged);
    expect(streamed.length).toBeGreaterThan(4);
    const pool = () =>
      system.readModels.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND query LIKE 'SELECT ledger_entry.*%'",
      );
    for (let i = 0; i < 20; i++) for await (const _ of queries.allEntries(filter, 2)) break;
    expect(await pool()).toEqual([{ n: 0 }]);
  });
});

describe('explanations a person can read', () => {
  const text = (r: request.Response, done: (err: Error | null, body: string) => void) => {
    let body = '';
    r.setEncoding('utf8');
    r.on('data', (c: string) => (body += c));
    r.on('end', () => done(null, body));
  };
  const boRebooking = async () => {
    const { body } = await get('/ledger/entries', {
      personId: scenario.retractedPerson,
      kind: 'rebooking',
    }).expect(200);
    return (body.entries as { entryId: string; activityFrom: string; amount: string }[]).find(
      (e) => e.activityFrom === '2025-03-01',
    )!;
  };

  it('answers text/html with the Danish account: document, target group and kroner', async () => {
    // 9,000.00 kr over 2025-02-01..04-30 (89 days); regrouped to jobafklaring from 03-01: days 29-89,
    // round(900000 × 89 / 89) − round(900000 × 28 / 89) = 900000 − 283146 øre = 6,168.54 kr
    const entry = await boRebooking();
    expect(entry.amount).toBe('6168.54');
    const res = await get(`/ledger/entries/${encodeURIComponent(entry.entryId)}/explanation`)
      .set('accept', 'text/html')
      .buffer(true)
      .parse(text)
      .expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body as string;
    expect(html).toContain('STAR, VEJ nr. 9584 af 30/06/2025, Bilag 3');
    expect(html).toContain('målgruppen Personer i jobafklaringsforløb (LAB § 6, nr. 7) fra 01.03.2025');
    expect(html).toContain('begrundelse: lægeerklæring modtaget');
    expect(html).toContain(
      'Andel = afrundet(9.000,00 kr. × 89 / 89) − afrundet(9.000,00 kr. × 28 / 89) = afrundet(9.000,0000 kr.) − afrundet(≈ 2.831,4607 kr.) = 9.000,00 kr. − 2.831,46 kr. = 6.168,54 kr.',
    );
    expect(html).toContain('faktura F-2025-tilbud-bo-1');
    const plain = await get(`/ledger/entries/${encodeURIComponent(entry.entryId)}/explanation`, {
      format: 'text',
    })
      .buffer(true)
      .parse(text)
      .expect(200);
    expect(plain.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(plain.body).toContain('Hvorfor denne andel\n-------------------');
  });

  it('gives citations in JSON their document title and kind', async () => {
    const entry = await boRebooking();
    const { body } = await get(`/ledger/entries/${encodeURIComponent(entry.entryId)}/explanation`).expect(
      200,
    );
    expect(body.entry.citations).toContainEqual(
      expect.objectContaining({ reference: 'STAR, VEJ nr. 9584 af 30/06/2025', kind: 'vejledning' }),
    );
  });

  it('links a reversal and what it reverses both ways', async () => {
    const { body } = await get('/ledger/entries', {
      personId: scenario.retractedPerson,
      kind: 'reversal',
    }).expect(200);
    const reversal = body.entries[0] as { entryId: string; reverses: string };
    const html = (
      await get(`/ledger/entries/${encodeURIComponent(reversal.reverses)}/explanation`)
        .set('accept', 'text/html')
        .buffer(true)
        .parse(text)
        .expect(200)
    ).body as string;
    expect(html).toContain(
      `Tilbageført af <a href="/v1/municipalities/${M}/ledger/entries/${encodeURIComponent(reversal.entryId)}/explanation">`,
    );
  });

  it("names a cap adjustment's events", async () => {
    const res = await request(system.http)
      .post('/v1/commands/SetCapParameters')
      .set('authorization', `Bearer ${system.token('finance', M)}`)
      .send({
        commandId: randomUUID(),
        municipality: M,
        year: 2025,
        cap: 'integration_raadighedsloft',
        amountPerFullYearPerson: '1000.00',
        fullYearPersons: '10',
      })
      .expect(201);
    const { body } = await request(system.http)
      .get(`/v1/municipalities/${M}/ledger/entries`)
      .query({ kind: 'cap_adjustment', minPosition: res.body.position })
      .set('authorization', `Bearer ${system.token('finance', M)}`)
      .expect(200);
    const adjustment = body.entries[body.entries.length - 1] as { entryId: string; refundAmount: string };
    const explanation = (
      await get(`/ledger/entries/${encodeURIComponent(adjustment.entryId)}/explanation`).expect(200)
    ).body;
    expect(explanation.events.map((e: { type: string }) => e.type)).toEqual(['CapParametersSet']);
    const plain = (
      await get(`/ledger/entries/${encodeURIComponent(adjustment.entryId)}/explanation`, { format: 'text' })
        .buffer(true)
        .parse(text)
        .expect(200)
    ).body as string;
    expect(plain).toContain('CapParametersSet (hændelse');
    expect(plain).toContain(
      'Regulering = refusion efter loft − refusion før loft − reguleringer bogført før',
    );
  });
});

describe('numbers as strings (API.md "Conventions")', () => {
  it('takes year and sickPayCategory as strings, and "2025" is the same body as 2025', async () => {
    const send = (type: string, role: 'finance' | 'jobcentre', body: object) =>
      request(system.http)
        .post(`/v1/commands/${type}`)
        .set('authorization', `Bearer ${system.token(role, M)}`)
        .send({ municipality: M, ...body });
    const commandId = randomUUID();
    const close = { commandId, year: '2019', reason: 'afsluttet' };
    await send('CloseAccountingYear', 'finance', close).expect(201);
    await send('CloseAccountingYear', 'finance', { ...close, year: 2019 }).expect(200);
    await send('ChangeTargetGroup', 'jobcentre', {
      commandId: randomUUID(),
      personId: `p-${randomUUID()}`,
      targetGroup: 'sygedagpenge',
      effectiveFrom: '2025-01-01',
      attributes: { sickPayCategory: '3' },
    }).expect(201);
    const bad = await send('SetCapParameters', 'finance', {
      commandId: randomUUID(),
      year: '25',
      cap: 'integration_raadighedsloft',
      amountPerFullYearPerson: '1.00',
      fullYearPersons: '1',
    }).expect(400);
    expect(bad.body.errors).toEqual([{ path: 'year', message: 'must be a year from 2000 to 2100' }]);
  });
});

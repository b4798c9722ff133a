// A client generated from /v1/openapi.json (openapi-typescript types, openapi-fetch calls) sends
// every command and reads every query without a hand-written type: this file only compiles if
// the document describes each body and answer, and each real answer is checked against the
// schema the document was generated from.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import type { z } from 'zod';
import { ANSWER_SCHEMAS } from '../../apps/api/src/openapi/http-schemas';
import type { paths } from '../../apps/web/src/api/openapi';
import { startTestSystem, type TestSystem } from '../support/test-system';

let system: TestSystem;
let baseUrl: string;
beforeAll(async () => {
  system = await startTestSystem();
  await system.api.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(system.api.getHttpServer().address() as AddressInfo).port}`;
});
afterAll(() => system.close());

const clientAs = (role: 'jobcentre' | 'finance' | 'auditor') =>
  createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${system.token(role, '101')}` } });

/** The answer, checked against the schema its OpenAPI description was generated from. */
function described<T>(name: keyof typeof ANSWER_SCHEMAS, answer: T): T {
  const result = (ANSWER_SCHEMAS[name] as z.ZodType).safeParse(answer);
  if (!result.success)
    throw new Error(`${name} does not match its schema: ${JSON.stringify(result.error.issues.slice(0, 5))}`);
  return answer;
}

it('sends every command and reads every query with the generated types', async () => {
  const jobcentre = clientAs('jobcentre');
  const finance = clientAs('finance');
  const m = '101';
  const personId = `p-${randomUUID()}`;
  const offerId = `o-${randomUUID()}`;
  const agreementId = `a-${randomUUID()}`;
  const changeId = randomUUID();
  const envelope = () => ({ commandId: randomUUID(), municipality: m });
  const results = [
    await jobcentre.POST('/v1/commands/ChangeTargetGroup', {
      body: {
        ...envelope(),
        commandId: changeId,
        personId,
        targetGroup: 'dagpenge',
        effectiveFrom: '2025-01-01',
      },
    }),
    await jobcentre.POST('/v1/commands/ChangeTargetGroup', {
      body: {
        ...envelope(),
        personId,
        targetGroup: 'kontanthjaelp',
        effectiveFrom: '2025-06-01',
        attributes: { readiness: 'jobparat' },
      },
    }),
    await jobcentre.POST('/v1/commands/RetractTargetGroupChange', {
      body: { ...envelope(), personId, changeCommandId: changeId, reason: 'fejlregistrering' },
    }),
    await jobcentre.POST('/v1/commands/ChangeTargetGroup', {
      body: { ...envelope(), personId, targetGroup: 'dagpenge', effectiveFrom: '2025-01-01' },
    }),
    await jobcentre.POST('/v1/commands/RegisterOffer', {
      body: {
        ...envelope(),
        offerId,
        personId,
        offerKind: 'ordinary_education',
        startDate: '2025-03-01',
        endDate: '2025-05-31',
      },
    }),
    await jobcentre.POST('/v1/commands/ChangeOfferPeriod', {
      body: { ...envelope(), offerId, startDate: '2025-03-01', endDate: '2025-06-30' },
    }),
    await jobcentre.POST('/v1/commands/RecordOfferExpense', {
      body: {
        ...envelope(),
        expenseId: 'e-1',
        offerId,
        expenseType: 'course_fee',
        amount: '4200.00',
        activityFrom: '2025-03-01',
        activityTo: '2025-03-31',
      },
    }),
    await jobcentre.POST('/v1/commands/RecordOfferExpense', {
      body: {
        ...envelope(),
        expenseId: 'e-2',
        offerId,
        expenseType: 'teaching_material',
        amount: '99.95',
        activityFrom: '2025-04-01',
        activityTo: '2025-04-01',
      },
    }),
    await jobcentre.POST('/v1/commands/ReverseOfferExpense', {
      body: { ...envelope(), expenseId: 'e-2', reason: 'forkert tilbud' },
    }),
    await jobcentre.POST('/v1/commands/RegisterMentorAgreement', {
      body: {
        ...envelope(),
        agreementId,
        personId,
        mentorType: 'company',
        mentorKind: 'employee',
        startDate: '2025-03-01',
        endDate: '2025-08-31',
      },
    }),
    await jobcentre.POST('/v1/commands/RecordMentorHours', {
      body: { ...envelope(), agreementId, date: '2025-03-10', contactHours: 1.5, hourlyCost: '400.00' },
    }),
    await finance.POST('/v1/commands/SetCapParameters', {
      body: {
        ...envelope(),
        year: 2025,
        cap: 'integration_raadighedsloft',
        amountPerFullYearPerson: '43363.00',
        fullYearPersons: '12.5',
      },
    }),
    await finance.POST('/v1/commands/CloseAccountingYear', {
      body: { ...envelope(), year: 2024, reason: 'afsluttet' },
    }),
  ];
  for (const r of results)
    expect({ status: r.response.status, problem: r.error }).toEqual({ status: 201, problem: undefined });
  const created = results.map((r) => described('CommandResult', r.data!));
  expect(created.every((c) => c.events.length === 1 && /^\d+$/.test(c.position!))).toBe(true);

  const projectId = `pr-${randomUUID()}`;
  const projectOffer = `o-${randomUUID()}`;
  const projectCommands = [
    await jobcentre.POST('/v1/commands/RegisterProject', {
      body: {
        ...envelope(),
        projectId,
        name: 'Lager og logistik',
        offerKind: 'ordinary_education',
        startDate: '2025-03-01',
        endDate: '2025-03-31',
      },
    }),
    await jobcentre.POST('/v1/commands/RegisterOffer', {
      body: {
        ...envelope(),
        offerId: projectOffer,
        personId,
        projectId,
        offerKind: 'ordinary_education',
        startDate: '2025-03-01',
        endDate: '2025-03-31',
      },
    }),
    await jobcentre.POST('/v1/commands/RecordProjectExpense', {
      body: {
        ...envelope(),
        expenseId: 'pe-1',
        projectId,
        expenseType: 'course_fee',
        amount: '3100.00',
        activityFrom: '2025-03-01',
        activityTo: '2025-03-31',
      },
    }),
    await jobcentre.POST('/v1/commands/RecordAdministrativeShare', {
      body: {
        ...envelope(),
        shareId: 'as-1',
        projectId,
        activityFrom: '2025-03-01',
        activityTo: '2025-03-31',
        method: 'standard_price',
        lines: [{ activity: 'job_interview', count: 2, hoursEach: '0.5', hourlyRate: '451.00' }],
        priceLevelYear: 2025,
        methodReference: 'Metode 1a, notat af 15.01.2025',
      },
    }),
  ];
  for (const r of projectCommands)
    expect(described('CommandResult', r.data!).events.length).toBeGreaterThan(0);

  const other = `o-${randomUUID()}`;
  const batch = await jobcentre.POST('/v1/commands', {
    body: {
      commands: [
        {
          type: 'RegisterOffer',
          ...envelope(),
          offerId: other,
          personId,
          offerKind: 'mentor',
          startDate: '2025-03-01',
          endDate: '2025-03-31',
        },
        { type: 'CancelOffer', ...envelope(), offerId: other, reason: 'fandt ikke sted' },
      ],
    },
  });
  expect(described('BatchResult', batch.data!).results.map((r) => r.status)).toEqual([201, 201]);
  const minPosition = batch.data!.results[1].position!;

  const asOf = { minPosition };
  const timeline = await jobcentre.GET('/v1/municipalities/{m}/persons/{personId}/timeline', {
    params: { path: { m, personId }, query: asOf },
  });
  // one path, two answers (anyOf): segments, or with history=true the registrations
  const segments = described('Timeline', timeline.data!);
  expect(segments.map((s) => ('from' in s ? [s.targetGroup, s.from] : null))).toEqual([
    ['dagpenge', '2025-01-01'],
    ['kontanthjaelp', '2025-06-01'],
  ]);
  const history = await jobcentre.GET('/v1/municipalities/{m}/persons/{personId}/timeline', {
    params: { path: { m, personId }, query: { ...asOf, history: 'true' } },
  });
  const registrations = described('TimelineHistory', history.data!);
  expect(registrations.map((r) => ('retractionReason' in r ? r.retractionReason : 'segment'))).toEqual([
    'fejlregistrering',
    null,
    null,
  ]);

  const offer = await jobcentre.GET('/v1/municipalities/{m}/offers/{offerId}', {
    params: { path: { m, offerId }, query: asOf },
  });
  expect(described('Offer', offer.data!).expenses.map((e) => [e.amount, e.reversed])).toEqual([
    ['4200.00', false],
    ['99.95', true],
  ]);

  const entries = await finance.GET('/v1/municipalities/{m}/ledger/entries', {
    params: { path: { m }, query: { ...asOf, offerId, activityFrom: '2025-03-01' } },
  });
  if (typeof entries.data !== 'object') throw new Error('the entries are JSON unless CSV is asked for');
  const page = described('LedgerEntriesPage', entries.data);
  expect(page.entries.find((e) => e.kind === 'original' && e.amount === '4200.00')).toBeDefined();

  const project = await jobcentre.GET('/v1/municipalities/{m}/projects/{projectId}', {
    params: { path: { m, projectId }, query: asOf },
  });
  expect(
    described('Project', project.data!).expenses.map((e) => [e.amount, e.shares.map((x) => x.offerId)]),
  ).toEqual([['3100.00', [projectOffer]]]);
  const ofProject = await finance.GET('/v1/municipalities/{m}/ledger/entries', {
    params: { path: { m }, query: { ...asOf, projectId } },
  });
  if (typeof ofProject.data !== 'object') throw new Error('JSON unless CSV is asked for');
  const projectEntries = described('LedgerEntriesPage', ofProject.data).entries;
  // 2 × 0.5 h × 451.00 kr carved out of the share (RecordAdministrativeShare above)
  expect(projectEntries.map((e) => [e.offerId, e.amount])).toEqual([
    [projectOffer, '3100.00'],
    [projectOffer, '-451.00'],
  ]);
  const deduction = await finance.GET('/v1/municipalities/{m}/ledger/entries/{entryId}/explanation', {
    params: { path: { m, entryId: projectEntries[1].entryId }, query: asOf },
  });
  if (typeof deduction.data !== 'object') throw new Error('JSON unless HTML or text is asked for');
  const carveOut = described('Explanation', deduction.data).administrativeShare;
  expect([carveOut?.method, carveOut?.lines.map((l) => l.formula), carveOut?.carved]).toEqual([
    'standard_price',
    ['2 × 0.50 h × 451.00 kr = 451.00 kr'],
    '451.00',
  ]);

  const entryId = page.entries[0].entryId;
  const explanation = await finance.GET('/v1/municipalities/{m}/ledger/entries/{entryId}/explanation', {
    params: { path: { m, entryId }, query: asOf },
  });
  if (typeof explanation.data !== 'object') throw new Error('JSON unless HTML or text is asked for');
  const explained = described('Explanation', explanation.data);
  expect([explained.entry.entryId, explained.costItem?.amount, explained.arithmetic?.totalDays]).toEqual([
    entryId,
    '4200.00',
    31,
  ]);
  expect(explained.entry.citations[0]?.reference).toBe('STAR, VEJ nr. 9584 af 30/06/2025');
  const readable = await finance.GET('/v1/municipalities/{m}/ledger/entries/{entryId}/explanation', {
    params: { path: { m, entryId } },
    headers: { accept: 'text/html' },
    parseAs: 'text',
  });
  expect(readable.data).toContain('4.200,00 kr.');
  const csvEntries = await finance.GET('/v1/municipalities/{m}/ledger/entries', {
    params: { path: { m }, query: { offerId } },
    headers: { accept: 'text/csv' },
    parseAs: 'text',
  });
  expect(csvEntries.data?.split('\r\n')[0]).toMatch(/^\uFEFF?entryId;kind;account;/); // fetch's text() drops the BOM

  const summary = await finance.GET('/v1/municipalities/{m}/ledger/summary', {
    params: { path: { m }, query: { ...asOf, groupBy: 'targetGroup' } },
  });
  const summed = described('LedgerSummary', summary.data!);
  expect(summed.groupBy).toEqual(['targetGroup']);
  expect(summed.lines.length).toBeGreaterThan(0);
  // the carve-out on 6.45.53 belongs to no person's target group
  expect(summed.lines.map((l) => l.targetGroup)).toEqual(['dagpenge', null]);

  const statement = await finance.GET('/v1/municipalities/{m}/refund-statements/{year}', {
    params: { path: { m, year: '2025' }, query: asOf },
  });
  if (typeof statement.data !== 'object')
    throw new Error('the statement is JSON unless CSV or xlsx is asked for');
  const caps = described('RefundStatement', statement.data).caps;
  expect(caps.find((c) => c.cap === 'integration_raadighedsloft')?.parameters).toEqual({
    amountPerFullYearPerson: '43363.00',
    fullYearPersons: '12.50',
  });
  const csv = await finance.GET('/v1/municipalities/{m}/refund-statements/{year}', {
    params: { path: { m, year: '2025' } },
    headers: { accept: 'text/csv' },
    parseAs: 'text',
  });
  expect(csv.response.headers.get('content-type')).toMatch(/^text\/csv/);

  const capParameters = await finance.GET('/v1/municipalities/{m}/accounting-years/{year}/cap-parameters', {
    params: { path: { m, year: '2025' }, query: asOf },
  });
  expect(described('CapParameterHistory', capParameters.data!).settings.map((c) => c.allowance)).toEqual([
    '542037.50',
  ]);

  const changes = await finance.GET('/v1/municipalities/{m}/ledger/changes', {
    params: { path: { m }, query: { limit: 1000 } },
  });
  const changed = described('LedgerChanges', changes.data!);
  expect(changed.commands.find((c) => c.commandType === 'ReverseOfferExpense')).toMatchObject({
    actor: 'jobcentre:test-jobcentre',
    reason: 'forkert tilbud',
    personId,
  });
  expect(changed.nextCursor).toBeNull();

  const auditor = clientAs('auditor');
  const started = await auditor.POST('/v1/municipalities/{m}/audit/replays', {
    params: { path: { m } },
    body: { until: minPosition },
  });
  expect(started.response.status).toBe(202);
  const jobId = described('ReplayStarted', started.data!).jobId;
  const jobOf = async () =>
    described(
      'AuditJob',
      (await auditor.GET('/v1/municipalities/{m}/audit/replays/{jobId}', { params: { path: { m, jobId } } }))
        .data!,
    );
  let job = await jobOf();
  for (let i = 0; i < 200 && (job.status === 'queued' || job.status === 'running'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    job = await jobOf();
  }
  expect([job.until, job.status, job.result?.identical]).toEqual([minPosition, 'done', true]);

  const anonymous = createClient<paths>({ baseUrl });
  const health = described('Health', (await anonymous.GET('/health')).data!);
  const head = (await system.store.headPosition())!.toString();
  expect([health.status, health.eventLog.head, health.checks.eventLog.head]).toEqual(['ok', head, head]);
  expect(health.projection.parked).toEqual([]);
  const ready = described('HealthReady', (await anonymous.GET('/health/ready')).data!);
  expect([ready.status, ready.details.readModels.status, ready.error]).toEqual(['ok', 'up', {}]);
  const live = described('HealthLive', (await anonymous.GET('/health/live')).data!);
  expect(live.status).toBe('ok');
});

it('gets problems in the described shape', async () => {
  const res = await clientAs('jobcentre').POST('/v1/commands/CancelOffer', {
    body: { commandId: randomUUID(), municipality: '101', offerId: 'x', reason: '' },
  });
  expect(res.response.status).toBe(400);
  const invalid = described('Problem', res.error!);
  expect([invalid.type, invalid.title, invalid.status]).toEqual(['/problems/validation', 'Bad Request', 400]);
  expect(invalid.errors).toEqual([{ path: 'reason', message: expect.any(String) }]);

  const refused = await clientAs('jobcentre').POST('/v1/commands/CancelOffer', {
    body: { commandId: randomUUID(), municipality: '101', offerId: `o-${randomUUID()}`, reason: 'aflyst' },
  });
  expect(refused.response.status).toBe(422);
  const violation = described('Problem', refused.error!);
  expect([violation.type, violation.title, violation.code]).toEqual([
    '/problems/domain-rule-violation',
    'Unprocessable Entity',
    'offer.not_found',
  ]);

  const forbidden = await clientAs('finance').GET('/v1/municipalities/{m}/refund-statements/{year}', {
    params: { path: { m: '147', year: '2025' } },
  });
  expect(forbidden.response.status).toBe(403);
  expect(described('Problem', forbidden.error!).type).toBe('/problems/forbidden');
});

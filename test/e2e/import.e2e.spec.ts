// `npm run cli -- import` against the api over HTTP: a municipality's history from a JSON-lines
// file, in batches, with its registration and booking dates; refused lines in the refused file
// with their reasons; a second run appends nothing. Figures: p1 in jobafklaring, a course fee of
// 9,200.00 for March-May 2024 refunded at 50 % (rule JA-OPS; seed 000 Bilag 3, LAB § 195) = 4,600.00;
// a project invoice of 6,200.00 for April 2024 shared by p1 and p2 (dagpenge), 30 participant-days
// each (003 L4210-L4213): 3,100.00 each, p1's refunded at 50 % = 1,550.00.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { runCli } from '../../apps/cli/src/program';
import { startTestSystem, type TestSystem } from '../support/test-system';

const m = '307';
let system: TestSystem;
let api: string;
let dir: string;

beforeAll(async () => {
  system = await startTestSystem({ clock: () => new Date('2025-04-10T09:00:00Z') });
  await new Promise<void>((resolve) => system.http.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(system.http.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'import-'));
});
afterAll(async () => {
  await system.close();
  rmSync(dir, { recursive: true, force: true });
});

const history = [
  { type: 'ChangeTargetGroup', personId: 'p1', targetGroup: 'jobafklaring', effectiveFrom: '2024-01-01' },
  {
    type: 'RegisterOffer',
    offerId: 'o1',
    personId: 'p1',
    offerKind: 'ordinary_education',
    startDate: '2024-03-01',
    endDate: '2024-05-31',
    registrationDate: '2024-02-20',
  },
  {
    type: 'RecordOfferExpense',
    expenseId: 'e1',
    offerId: 'o1',
    expenseType: 'course_fee',
    amount: '9200.00',
    activityFrom: '2024-03-01',
    activityTo: '2024-05-31',
    bookingDate: '2024-06-03',
  },
  { type: 'ChangeTargetGroup', personId: 'p2', targetGroup: 'dagpenge', effectiveFrom: '2024-01-01' },
  {
    type: 'RegisterProject',
    projectId: 'pr1',
    name: 'Værkstedsforløb 2024',
    offerKind: 'ordinary_education',
    startDate: '2024-03-01',
    endDate: '2024-05-31',
    registrationDate: '2024-02-15',
  },
  ...['p1', 'p2'].map((personId) => ({
    type: 'RegisterOffer',
    offerId: `${personId}-pr1`,
    personId,
    offerKind: 'ordinary_education',
    projectId: 'pr1',
    startDate: '2024-03-01',
    endDate: '2024-05-31',
    registrationDate: '2024-02-26',
  })),
  {
    type: 'RecordProjectExpense',
    expenseId: 'pe1',
    projectId: 'pr1',
    expenseType: 'course_fee',
    amount: '6200.00',
    activityFrom: '2024-04-01',
    activityTo: '2024-04-30',
    bookingDate: '2024-05-06',
  },
  {
    type: 'RecordStaffTimesheet',
    timesheetId: 'ts1',
    revision: 1,
    staffId: 's1',
    staffCategory: 'Jobkonsulent',
    week: '2024-W15',
    salaryCost: '1000.00',
    bookingDate: '2024-04-15',
    days: [
      {
        date: '2024-04-08',
        hoursWorked: 8,
        offerHours: [{ projectId: 'pr1', hours: 4 }],
        administrationHours: 4,
      },
    ],
    approvedBy: { employee: 'Anne Jensen', manager: 'Lars Holm' },
  },
];
const lines = [
  ...history.map((c) => JSON.stringify(c)),
  '',
  '{"type": "RecordOfferExpense", "expenseId": "e2"',
  JSON.stringify({ ...history[2], expenseId: 'e3', offerId: 'o-unknown' }),
];

async function runImport(file: string, ...extra: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(
    ['import', '--municipality', m, '--file', file, '--api', api, '--batch-size', '2', ...extra],
    { out: (t) => void (out += t), err: (t) => void (err += t) },
  );
  return { code, out, err };
}
const refusedLines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

it('imports the history in batches, books in the given periods, lists the refused lines; a second run appends nothing', async () => {
  const file = join(dir, 'history.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  const summary = jest.spyOn(console, 'log').mockImplementation(() => {});
  const first = await runImport(file, '--token', system.token('jobcentre', m));
  expect(first.code).toBe(1);
  expect(first.err).toContain(`2 of 11 lines were refused; each is in ${file}.refused.jsonl with its reason`);
  expect(JSON.parse(summary.mock.calls[0][0] as string)).toMatchObject({
    lines: 11,
    appended: 9,
    unchanged: 0,
    refused: 2,
  });
  expect(refusedLines(`${file}.refused.jsonl`)).toEqual([
    expect.objectContaining({ line: 11, status: 400, code: 'import.not_json', input: lines[10] }),
    expect.objectContaining({ line: 12, status: 422, code: 'expense.offer_not_found', input: lines[11] }),
  ]);

  const head = await system.store.headPosition();
  const entries = await request(system.http)
    .get(`/v1/municipalities/${m}/ledger/entries`)
    .query({ personId: 'p1', minPosition: String(head) })
    .set('authorization', `Bearer ${system.token('finance', m)}`);
  expect(
    entries.body.entries.map((e: Record<string, string>) => [
      e.bookingPeriod,
      e.bookingDate,
      e.amount,
      e.refundAmount,
    ]),
  ).toEqual([
    ['2024-06', '2024-06-03', '9200.00', '4600.00'],
    ['2024-05', '2024-05-06', '3100.00', '1550.00'],
    // the timesheet's 4 of 8 hours on pr1 (500.00 of 1000.00), shared by two participants' days
    ['2024-04', '2024-04-15', '250.00', '125.00'],
  ]);

  // again, with a token the import signs itself with the api's AUTH_JWT_SECRET
  const savedSecret = process.env.AUTH_JWT_SECRET;
  process.env.AUTH_JWT_SECRET = system.config.jwtSecret;
  try {
    expect((await runImport(file)).code).toBe(1);
  } finally {
    if (savedSecret === undefined) delete process.env.AUTH_JWT_SECRET;
    else process.env.AUTH_JWT_SECRET = savedSecret;
  }
  expect(JSON.parse(summary.mock.calls[1][0] as string)).toMatchObject({
    lines: 11,
    appended: 0,
    unchanged: 9,
    refused: 2,
  });
  expect(await system.store.headPosition()).toBe(head);
  summary.mockRestore();
});

import { buildStatement, type StatementGroup } from '@app/ledger';
import type { StatementPosting } from '../queries/statement.queries';
import { Workbook } from 'exceljs';
import { PassThrough } from 'node:stream';
import { statementJson, writeStatementXlsx } from './statement-formats';
import { kronerWithComma, statementCsv, statementTables } from './statement-tables';

const group = (over: Partial<StatementGroup>): StatementGroup => ({
  account: '5.68.90.1.097',
  refundAccount: '5.68.90.2.004',
  targetGroup: 'jobafklaring',
  activityYear: 2025,
  quarter: 1,
  unresolved: null,
  capAdjustment: false,
  cap: null,
  entries: 1,
  amountOere: 0n,
  refundOere: 0n,
  ...over,
});
const statement = buildStatement({
  municipality: '101',
  year: 2025,
  quarter: null,
  asOf: '2025-07-01T00:00:00.000Z',
  closedAt: null,
  unresolvedLines: [
    {
      entryId: 'e-9',
      personId: 'p-9',
      offerId: 'o-9',
      costItemId: 'c-9',
      account: null,
      targetGroup: 'kontanthjaelp',
      activityFrom: '2014-03-01',
      activityTo: '2014-03-31',
      bookingPeriod: '2025-02',
      bookingDate: '2025-02-14',
      amountOere: 123456,
      outcome: 'ambiguous',
      reason: 'contradicting sources',
      candidates: ['KTH-AP-MENTOR-2015', 'KTH-AP-MENTOR-2016'],
    },
  ],
  caps: [
    {
      cap: 'mentorramme',
      rateBasisPoints: 5000,
      parameters: { amountPerFullYearPersonOere: 100000, fullYearPersonsHundredths: 1250 },
      eligibleCostsOere: 2000000n,
      refundBeforeCapOere: 1000000n,
      adjustmentsOere: -375000n,
    },
  ],
  groups: [
    group({ amountOere: 10_000_000n, refundOere: 5_000_000n }),
    group({ quarter: 2, amountOere: 2_000_000n, refundOere: 1_000_000n }),
    group({ targetGroup: 'foertidspension', account: '5.68.90.1.098', quarter: 2, amountOere: 50_000n }),
    // the mentorramme's −3,750.00 kr as the ledger shares it by refunds before the cap, 6,000.00 : 4,000.00 kr
    ...(
      [
        ['5.68.90.2.001', -225000n],
        ['5.68.90.2.002', -150000n],
      ] as const
    ).map(([refundAccount, refundOere]) =>
      group({
        account: null,
        refundAccount,
        targetGroup: null,
        capAdjustment: true,
        cap: 'mentorramme',
        quarter: 4,
        refundOere,
      }),
    ),
  ],
});
const postings: StatementPosting[] = [
  {
    entryId: 'e-1',
    kind: 'original',
    account: '5.68.90.1.097',
    refundAccount: '5.68.90.2.004',
    targetGroup: 'jobafklaring',
    personId: 'p-1',
    offerId: 'o-1',
    activityFrom: '2025-03-01',
    activityTo: '2025-03-31',
    bookingPeriod: '2025-03',
    bookingDate: '2025-03-31',
    amountOere: 420000n,
    refundRateBasisPoints: 5000,
    refundOere: 210000n,
    ruleId: 'JA-OPS-2025',
    cap: null,
    outcome: null,
    recordedAt: '2025-03-31T22:30:00.000Z',
  },
];

/** The workbook as the api streams it, collected: the postings come one at a time, as from the database. */
async function xlsxOf(rows: readonly StatementPosting[]): Promise<Buffer> {
  async function* stream() {
    yield* rows;
  }
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await Promise.all([writeStatementXlsx(statement, stream(), out), new Promise((r) => out.on('end', r))]);
  return Buffer.concat(chunks);
}

const section = (csv: string, name: string) => {
  const lines = csv.slice(1).split('\r\n');
  const start = lines.indexOf(name);
  return lines.slice(start + 1, lines.indexOf('', start)).map((l) => l.split(';'));
};

describe('statement tables and CSV', () => {
  it('renders CSV with BOM, ";" and decimal comma, quoting where needed', () => {
    expect(kronerWithComma(420000)).toBe('4200,00');
    expect(kronerWithComma(-5)).toBe('-0,05');
    const csv = statementCsv([
      {
        name: 'T',
        columns: [
          { header: 'a;b', kind: 'text' },
          { header: 'x', kind: 'money' },
        ],
        rows: [
          ['say "hi"', -12550n],
          [null, null],
        ],
        sumRow: false,
      },
    ]);
    expect(csv).toBe('\uFEFFT\r\n"a;b";x\r\n"say ""hi""";-125,50\r\n;\r\n');
  });

  it('has a sheet per view and the postings last', () => {
    expect(statementTables(statement, postings).map((t) => t.name)).toEqual([
      'Oversigt',
      'Konti',
      'Kvartaler',
      'Målgrupper',
      'Afløb',
      'Loftsreguleringer',
      'Uafklarede',
      'Lofter',
      'Posteringer',
    ]);
    expect(statementTables(statement).map((t) => t.name)).not.toContain('Posteringer');
  });

  it('the overview names the municipality and shows times in Danish local time, labels apart from values', () => {
    const overview = section(statementCsv(statementTables(statement)), 'Oversigt');
    expect(overview[0]).toEqual(['post', 'værdi', 'beløb']);
    expect(overview).toContainEqual(['kommune', '101 København', '']);
    expect(overview).toContainEqual(['opgjort pr. (dansk tid)', '2025-07-01 02:00:00', '']);
    expect(overview).toContainEqual(['refusion', '', '56250,00']);
  });

  it('accounts field by field with the grouping titles, and a sum row', () => {
    expect(section(statementCsv(statementTables(statement)), 'Konti')).toEqual([
      [
        'konto',
        'hovedkonto',
        'funktion',
        'dranst',
        'gruppering',
        'titel',
        'refusionskonto',
        'refusionskontoens titel',
        'posteringer',
        'udgift',
        'refusion',
      ],
      [
        '5.68.90.1.097',
        '5',
        '5.68.90',
        '1',
        '097',
        'Jobafklaringsforløb, driftsudgifter ved aktivering med 50 pct. refusion',
        '5.68.90.2.004',
        'Refusion af udgifter med 50 pct. refusion, gruppering 093-098 og 100',
        '2',
        '120000,00',
        '60000,00',
      ],
      expect.arrayContaining(['5.68.90.1.098', '098', '1', '500,00', '0,00']),
      ['I alt', '', '', '', '', '', '', '', '3', '120500,00', '60000,00'],
    ]);
  });

  it('quarters side by side, the cap adjustment on its dranst-2 accounts shared 60/40', () => {
    const csv = statementCsv(statementTables(statement));
    const quarters = section(csv, 'Kvartaler');
    expect(quarters[0].slice(4)).toEqual([
      'udgift 1. kvt.',
      'refusion 1. kvt.',
      'udgift 2. kvt.',
      'refusion 2. kvt.',
      'udgift 3. kvt.',
      'refusion 3. kvt.',
      'udgift 4. kvt.',
      'refusion 4. kvt.',
      'udgift i alt',
      'refusion i alt',
    ]);
    expect(quarters[1]).toEqual(
      expect.arrayContaining(['aktivitet i 2025', '5.68.90.1.097', '100000,00', '50000,00', '20000,00']),
    );
    // −3,750.00 kr by refunds before the cap 6,000 : 4,000 → −2,250.00 and −1,500.00
    expect(section(csv, 'Loftsreguleringer').map((r) => [r[0], r[1], r[7]])).toEqual([
      ['loft', 'refusionskonto', 'regulering'],
      ['Mentorramme', '5.68.90.2.001', '-2250,00'],
      ['Mentorramme', '5.68.90.2.002', '-1500,00'],
      ['I alt', '', '-3750,00'],
    ]);
    expect(quarters.at(-1)!.slice(-2)).toEqual(['120500,00', '56250,00']);
  });

  it('Danish labels for target groups (LAB § 6), outcomes, caps and statuses; decimal helårspersoner', () => {
    const csv = statementCsv(statementTables(statement));
    expect(section(csv, 'Målgrupper')[2].slice(0, 3)).toEqual([
      'Personer i jobafklaringsforløb (LAB § 6, nr. 7)',
      '7',
      'jobafklaring',
    ]);
    expect(section(csv, 'Uafklarede')[1]).toEqual([
      'e-9',
      'p-9',
      '5.68.90.1.017',
      'Afløb, mentorudgifter til aktivitetsparate kontanthjælpsmodtagere, uddannelseshjælpsmodtagere mv. med refusion til og med 31/12-18',
      'Kontanthjælpsmodtagere (LAB § 6, nr. 2-3)',
      '2014-03-01',
      '2014-03-31',
      '2025-02',
      '2025-02-14',
      '1234,56',
      'Tvetydig regel',
      'contradicting sources',
    ]);
    expect(section(csv, 'Lofter')[1].slice(0, 4)).toEqual([
      'Mentorramme',
      'Rådighedsbeløbet er overskredet',
      '1000,00',
      '12,50',
    ]);
  });

  it('the postings with their accounts, dates and the recorded time in Danish local time', () => {
    const rows = section(statementCsv(statementTables(statement, postings)), 'Posteringer');
    expect(rows[1]).toEqual([
      'e-1',
      'Postering',
      '5.68.90.1.097',
      '5',
      '5.68.90',
      '1',
      '097',
      'Jobafklaringsforløb, driftsudgifter ved aktivering med 50 pct. refusion',
      '5.68.90.2.004',
      'Personer i jobafklaringsforløb (LAB § 6, nr. 7)',
      '7',
      'p-1',
      'o-1',
      '2025-03-01',
      '2025-03-31',
      '2025-03',
      '2025-03-31',
      '4200,00',
      '50,00',
      '2100,00',
      'JA-OPS-2025',
      '',
      '',
      '2025-04-01 00:30:00',
    ]);
    expect(rows[2][0]).toBe('I alt');
  });

  it('writes money past 2^53 øre exactly', () => {
    expect(kronerWithComma(18_014_398_509_481_982n)).toBe('180143985094819,82');
  });
});

describe('statement workbook', () => {
  let workbook: Workbook;
  beforeAll(async () => {
    workbook = new Workbook();
    await workbook.xlsx.load((await xlsxOf(postings)) as never);
  });
  const sheet = (name: string) => workbook.getWorksheet(name)!;

  it('opens with a sheet per view and the postings sheet', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      statementTables(statement, postings).map((t) => t.name),
    );
  });

  it('shows grouping titles and the account in separate columns, headers frozen with an autofilter', () => {
    const konti = sheet('Konti');
    expect((konti.getRow(1).values as unknown[]).slice(1, 6)).toEqual([
      'konto',
      'hovedkonto',
      'funktion',
      'dranst',
      'gruppering',
    ]);
    expect((konti.getRow(2).values as unknown[]).slice(1, 7)).toEqual([
      '5.68.90.1.097',
      '5',
      '5.68.90',
      '1',
      '097',
      'Jobafklaringsforløb, driftsudgifter ved aktivering med 50 pct. refusion',
    ]);
    expect(konti.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(konti.autoFilter).toBe('A1:K3'); // header and data, the sum row below it
    expect(konti.getColumn(1).width).toBeGreaterThanOrEqual('5.68.90.1.097'.length);
    expect(konti.getColumn(6).width).toBe(60);
    expect(konti.getCell('J2').value).toBe(120000);
    expect(konti.getColumn(10).numFmt).toBe('#,##0.00');
    expect(konti.getCell('A4').value).toBe('I alt');
    expect(konti.getRow(4).font).toMatchObject({ bold: true });
  });

  it('stores dates and times as date cells (times as the Danish wall clock) and helårspersoner as a number', () => {
    const rows = sheet('Posteringer');
    expect(rows.getCell('N2').value).toEqual(new Date('2025-03-01T00:00:00Z'));
    expect(rows.getColumn(14).numFmt).toBe('dd.mm.yyyy');
    expect(rows.getCell('X2').value).toEqual(new Date('2025-04-01T00:30:00Z')); // 22:30 UTC = 00:30 CEST
    expect(rows.getCell('S2').value).toBe(50);
    const caps = sheet('Lofter');
    expect(caps.getCell('D2').value).toBe(12.5);
    expect(caps.getColumn(4).numFmt).toBe('0.00');
    expect(sheet('Loftsreguleringer').getCell('B2').value).toBe('5.68.90.2.001');
  });
});

describe('statement JSON', () => {
  const json = statementJson(statement);

  it('adds names, account fields, quarters and Danish labels beside the existing fields', () => {
    expect(json.municipalityName).toBe('København');
    expect(json.accounts[0]).toMatchObject({
      account: '5.68.90.1.097',
      refundAccount: '5.68.90.2.004',
      accountFields: { hovedkonto: '5', function: '5.68.90', dranst: '1', grouping: '097' },
      refundAccountFields: { dranst: '2', grouping: '004' },
      cost: '120000.00',
    });
    expect(json.accounts[0].quarters.map((q) => [q.quarter, q.cost])).toEqual([
      [1, '100000.00'],
      [2, '20000.00'],
      [3, '0.00'],
      [4, '0.00'],
    ]);
    expect(json.targetGroups.map((g) => [g.targetGroup, g.lab6])).toEqual([
      ['foertidspension', '11'],
      ['jobafklaring', '7'],
    ]);
    expect(json.caps[0]).toMatchObject({
      capLabel: 'Mentorramme',
      statusLabel: 'Rådighedsbeløbet er overskredet',
    });
    expect(json.unresolved[0]).toMatchObject({
      outcomeLabel: 'Tvetydig regel',
      wouldTake: [{ account: '5.68.90.1.017', grouping: '017' }],
    });
    expect(json.capAdjustments.map((c) => [c.refundAccount, c.refund, c.quarters[3].refund])).toEqual([
      ['5.68.90.2.001', '-2250.00', '-2250.00'],
      ['5.68.90.2.002', '-1500.00', '-1500.00'],
    ]);
  });
});

// Finance and audit over HTTP against the real stack: capped refunds, restatement,
// closing a year, refund statements as JSON, CSV and xlsx, and "what changed". Each scenario uses
// a municipality of its own, so its statement holds exactly its own postings. Figures are traced
// to the rulebook rows (libs/rules/src/data, citing the seeds) and the cap rule of DOMAIN.md.
import { Workbook } from 'exceljs';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { financeClient, type Entry } from './scenarios/finance-client';

let system: TestSystem;
let now = new Date('2025-04-10T09:00:00Z');

beforeAll(async () => (system = await startTestSystem({ clock: () => now })));
afterAll(() => system.close());

const { sendAs, send, get, statement, person, courseExpense, entries } = financeClient(() => system);
const capAdjustments = async (m: string) => (await entries(m)).filter((e) => e.kind === 'cap_adjustment');

describe('caps (integration rådighedsloft 2025: 50 % within 43,363 kr per full-year participant; seed000.md Bilag 1, rule INT-PROG-OFFER)', () => {
  it('a year over the allowance is refunded 50 % of the allowance, restated when the parameters or the costs change', async () => {
    const m = '301';
    now = new Date('2025-04-10T09:00:00Z');
    const a = await person(m, 'integration_programme', '2025-01-01');
    await courseExpense(m, a, '2025-03-01', '2025-03-31', '100000.00'); // refund before cap 50 %: 50,000.00
    let s = await statement(m, 2025);
    expect(s.totals).toMatchObject({
      cost: '100000.00',
      refundBeforeCaps: '50000.00',
      capAdjustments: '0.00',
      refund: '50000.00',
    });
    expect(s.caps).toEqual([
      expect.objectContaining({
        cap: 'integration_raadighedsloft',
        status: 'no_parameters',
        eligibleCosts: '100000.00',
        cappedRefund: '50000.00',
      }),
    ]);

    now = new Date('2025-05-05T09:00:00Z');
    const setCap = await send(m, 'SetCapParameters', {
      year: 2025,
      cap: 'integration_raadighedsloft',
      amountPerFullYearPerson: '43363.00',
      fullYearPersons: '2',
    });
    // allowance 2 × 43,363.00 = 86,726.00 < 100,000.00 → refund 50 % × 86,726.00 = 43,363.00; adjustment −6,637.00
    s = await statement(m, 2025);
    expect(s.totals).toMatchObject({
      cost: '100000.00',
      refundBeforeCaps: '50000.00',
      capAdjustments: '-6637.00',
      refund: '43363.00',
    });
    expect(s.caps[0]).toMatchObject({
      status: 'allowance_exceeded',
      allowance: '86726.00',
      eligibleCosts: '100000.00',
      limit: '43363.00',
      cappedRefund: '43363.00',
      adjustment: '-6637.00',
      parameters: { amountPerFullYearPerson: '43363.00', fullYearPersons: '2.00' },
    });
    let adjustments = await capAdjustments(m);
    expect(adjustments.map((e) => [e.bookingPeriod, e.amount, e.refundAmount, e.causedBy.commandId])).toEqual(
      [['2025-05', '0.00', '-6637.00', setCap]],
    );
    // VEJ 9584 Bilag 1 names no dranst-2 grouping for the rådighedsloft's refund: the statement says so
    expect(s.capAdjustments).toEqual([
      expect.objectContaining({
        cap: 'integration_raadighedsloft',
        capLabel: 'Rådighedsloft, program efter integrationsloven',
        refundAccount: null,
        refund: '-6637.00',
        outcome: 'no_rule',
        outcomeLabel: 'Ingen regel',
      }),
    ]);

    // the explanation of the adjustment shows the cap computation
    const x = (await get(m, `/ledger/entries/${encodeURIComponent(adjustments[0].entryId)}/explanation`))
      .body;
    expect(x.cap).toMatchObject({
      bookingYear: 2025,
      allowance: '86726.00',
      limit: '43363.00',
      cappedRefund: '43363.00',
      delta: '-6637.00',
      adjustmentsBefore: '0.00',
    });
    // and so does the explanation of the capped posting
    const capped = (await entries(m)).find((e) => e.kind === 'original')!;
    const y = (await get(m, `/ledger/entries/${encodeURIComponent(capped.entryId)}/explanation`)).body;
    expect(y.cap).toMatchObject({
      bookingYear: 2025,
      cap: 'integration_raadighedsloft',
      allowance: '86726.00',
      cappedRefund: '43363.00',
      lastAdjustment: { cappedRefund: '43363.00' },
    });
    expect(y.arithmetic).toMatchObject({ amountOere: 10000000, refundOere: 5000000 });

    // a change of parameters restates: 2.10 full-year persons → allowance 91,062.30, refund 45,531.15; +2,168.15 posted
    now = new Date('2025-06-10T09:00:00Z');
    const change = await send(m, 'SetCapParameters', {
      year: 2025,
      cap: 'integration_raadighedsloft',
      amountPerFullYearPerson: '43363.00',
      fullYearPersons: '2.1',
    });
    s = await statement(m, 2025);
    expect(s.totals).toMatchObject({
      refundBeforeCaps: '50000.00',
      capAdjustments: '-4468.85',
      refund: '45531.15',
    });
    // more costs over the allowance: 10,000.00 more, its 5,000.00 refund is taken back by an adjustment linked to it
    const b = await person(m, 'integration_programme', '2025-01-01');
    const more = await courseExpense(m, b, '2025-06-01', '2025-06-30', '10000.00');
    s = await statement(m, 2025);
    expect(s.totals).toMatchObject({
      cost: '110000.00',
      refundBeforeCaps: '55000.00',
      capAdjustments: '-9468.85',
      refund: '45531.15',
    });
    adjustments = await capAdjustments(m);
    expect(adjustments.map((e) => [e.bookingPeriod, e.refundAmount, e.causedBy.commandId])).toEqual([
      ['2025-05', '-6637.00', setCap],
      ['2025-06', '2168.15', change],
      ['2025-06', '-5000.00', more.commandId],
    ]);
    // the statement as of before the change still shows the first computation
    expect((await statement(m, 2025, { asOf: '2025-06-01T00:00:00Z' })).totals.refund).toBe('43363.00');
    // quarter 2 holds everything booked April-June
    expect((await statement(m, 2025, { quarter: '2' })).totals.refund).toBe('45531.15');
    expect((await statement(m, 2025, { quarter: '1' })).totals).toMatchObject({
      cost: '0.00',
      refund: '0.00',
    });
  });

  it('a year within the allowance keeps the 50 % refund of its costs', async () => {
    const m = '302';
    now = new Date('2025-04-10T09:00:00Z');
    const a = await person(m, 'integration_programme', '2025-01-01');
    await courseExpense(m, a, '2025-03-01', '2025-03-31', '60000.00');
    await send(m, 'SetCapParameters', {
      year: 2025,
      cap: 'integration_raadighedsloft',
      amountPerFullYearPerson: '43363.00',
      fullYearPersons: '2',
    });
    const s = await statement(m, 2025);
    // 60,000.00 < 86,726.00 → refund 50 % × 60,000.00 = 30,000.00, no adjustment
    expect(s.totals).toMatchObject({
      cost: '60000.00',
      refundBeforeCaps: '30000.00',
      capAdjustments: '0.00',
      refund: '30000.00',
    });
    expect(s.caps[0]).toMatchObject({
      status: 'within_allowance',
      allowance: '86726.00',
      limit: '30000.00',
      cappedRefund: '30000.00',
      adjustment: '0.00',
    });
    expect(await capAdjustments(m)).toEqual([]);
  });

  it("a driftsloft's adjustment is posted on its dranst-2 account (DP-ORD-2014: 5.68.90.1.001 refunds on 5.68.90.2.001)", async () => {
    const m = '751'; // Aarhus
    now = new Date('2018-04-10T09:00:00Z');
    const a = await person(m, 'dagpenge', '2018-01-01');
    await courseExpense(m, a, '2018-03-01', '2018-03-31', '10000.00'); // refund before the cap 50 %: 5,000.00
    now = new Date('2018-05-10T09:00:00Z');
    await send(m, 'SetCapParameters', {
      year: 2018,
      cap: 'driftsloft_dagpenge_kontanthjaelp',
      amountPerFullYearPerson: '1000.00',
      fullYearPersons: '4',
    });
    // allowance 4 × 1,000.00 = 4,000.00 < 10,000.00 → refund 50 % × 4,000.00 = 2,000.00; adjustment −3,000.00 in 2018-05
    const s = await statement(m, 2018);
    expect(s.totals).toMatchObject({
      refundBeforeCaps: '5000.00',
      capAdjustments: '-3000.00',
      refund: '2000.00',
    });
    expect(s.capAdjustments).toEqual([
      {
        cap: 'driftsloft_dagpenge_kontanthjaelp',
        capLabel: 'Driftsloft, dagpenge-, kontant- og uddannelseshjælpsmodtagere',
        refundAccount: '5.68.90.2.001',
        refundAccountFields: {
          hovedkonto: '5',
          function: '5.68.90',
          dranst: '2',
          grouping: '001',
          title:
            'Refusion af driftsudgifter med 50 pct. under det ledighedsrelaterede driftsloft, gruppering 001-002 og 010',
        },
        refund: '-3000.00',
        quarters: [
          { quarter: 1, refund: '0.00' },
          { quarter: 2, refund: '-3000.00' },
          { quarter: 3, refund: '0.00' },
          { quarter: 4, refund: '0.00' },
        ],
        outcome: null,
        outcomeLabel: null,
        reason: null,
      },
    ]);
    expect(s.caps[0]).toMatchObject({ capLabel: s.capAdjustments[0].capLabel, status: 'allowance_exceeded' });
    expect(s.municipalityName).toBe('Aarhus');
    const csv = (await get(m, '/refund-statements/2018', {}, 'text/csv')).body.toString('utf8');
    expect(csv).toContain('\r\nkommune;751 Aarhus;\r\n');
    expect(csv).toContain('\r\nLoftsreguleringer\r\nloft;refusionskonto;');
    expect(csv).toContain(
      '\r\nDriftsloft, dagpenge-, kontant- og uddannelseshjælpsmodtagere;5.68.90.2.001;5;5.68.90;2;001;Refusion af driftsudgifter med 50 pct. under det ledighedsrelaterede driftsloft, gruppering 001-002 og 010;-3000,00;;\r\n',
    );
  });

  it('finance commands are for finance (and admin), jobcentre commands for jobcentre', async () => {
    const m = '305';
    const cap = {
      year: 2025,
      cap: 'integration_raadighedsloft',
      amountPerFullYearPerson: '43363.00',
      fullYearPersons: '1',
    };
    expect((await sendAs('jobcentre', m, 'SetCapParameters', cap)).status).toBe(403);
    expect((await sendAs('jobcentre', m, 'CloseAccountingYear', { year: 2024 })).status).toBe(403);
    expect(
      (
        await sendAs('finance', m, 'ChangeTargetGroup', {
          personId: 'P1',
          targetGroup: 'dagpenge',
          effectiveFrom: '2025-01-01',
        })
      ).status,
    ).toBe(403);
    expect((await sendAs('finance', m, 'SetCapParameters', cap)).status).toBe(201);
    expect((await sendAs('admin', m, 'SetCapParameters', { ...cap, fullYearPersons: '2' })).status).toBe(201);
    const bad = await sendAs('finance', m, 'SetCapParameters', { ...cap, fullYearPersons: '-1' });
    expect(bad.status).toBe(400);
  });
});

describe('closing an accounting year', () => {
  it('freezes the closed year; later corrections land in the first open period, marked as relating to it', async () => {
    const m = '304';
    now = new Date('2024-11-10T09:00:00Z');
    const p = await person(m, 'jobafklaring', '2024-01-01');
    const { expenseId } = await courseExpense(m, p, '2024-10-01', '2024-10-31', '3100.00'); // JA-OPS 50 %: 1,550.00, booked 2024-11
    now = new Date('2025-01-20T09:00:00Z');
    await send(m, 'CloseAccountingYear', { year: 2024 });
    const closed = await statement(m, 2024);
    expect(closed).toMatchObject({
      closedAt: '2025-01-20T09:00:00.000Z',
      frozen: true,
      totals: { cost: '3100.00', refund: '1550.00' },
    });
    expect(
      (
        await sendAs('finance', m, 'SetCapParameters', {
          year: 2024,
          cap: 'integration_raadighedsloft',
          amountPerFullYearPerson: '1.00',
          fullYearPersons: '1',
        })
      ).body.code,
    ).toBe('finance.year_closed');
    expect((await sendAs('finance', m, 'CloseAccountingYear', { year: 2024 })).status).toBe(422);

    // the expense is reversed in March 2025: the reversal is booked 2025-03 and marked as relating to 2024
    now = new Date('2025-03-05T09:00:00Z');
    await send(m, 'ReverseOfferExpense', { expenseId, reason: 'booked in error' });
    const reversal = (await entries(m)).find((e) => e.kind === 'reversal')!;
    expect([
      reversal.bookingPeriod,
      reversal.amount,
      reversal.refundAmount,
      reversal.relatesToClosedYear,
    ]).toEqual(['2025-03', '-3100.00', '-1550.00', 2024]);
    expect(await statement(m, 2024)).toEqual({ ...closed, asOf: expect.any(String) }); // frozen
    const s2025 = await statement(m, 2025);
    expect(s2025.afloeb).toEqual([
      expect.objectContaining({
        activityYear: 2024,
        account: '5.68.90.1.097',
        refundAccount: '5.68.90.2.004',
        entries: 1,
        cost: '-3100.00',
        refund: '-1550.00',
      }),
    ]);

    // 2025 closed early (a cut-off on 15 December): what is recorded after it goes to 2026-01
    now = new Date('2025-12-15T09:00:00Z');
    await send(m, 'CloseAccountingYear', { year: 2025 });
    const frozen2025 = await statement(m, 2025);
    now = new Date('2025-12-20T09:00:00Z');
    await courseExpense(m, p, '2025-11-01', '2025-11-30', '3000.00');
    const late = (await entries(m)).find((e) => e.activityFrom === '2025-11-01')!;
    expect([late.bookingPeriod, late.amount, late.refundAmount, late.relatesToClosedYear]).toEqual([
      '2026-01',
      '3000.00',
      '1500.00',
      2025,
    ]);
    expect(await statement(m, 2025)).toEqual({ ...frozen2025, asOf: expect.any(String) });
    expect((await statement(m, 2026)).afloeb).toEqual([
      expect.objectContaining({
        activityYear: 2025,
        account: '5.68.90.1.097',
        refundAccount: '5.68.90.2.004',
        entries: 1,
        cost: '3000.00',
        refund: '1500.00',
      }),
    ]);
  });
});

describe('refund statements', () => {
  const m = '303';
  let t1: string;

  beforeAll(async () => {
    now = new Date('2025-04-10T09:00:00Z');
    const p1 = await person(m, 'jobafklaring', '2025-01-01');
    await courseExpense(m, p1, '2025-03-01', '2025-03-31', '10000.00'); // JA-OPS 50 %: 5,000.00
    const p2 = await person(m, 'sygedagpenge', '2025-01-01');
    await courseExpense(m, p2, '2025-03-01', '2025-03-30', '9000.00'); // sygedagpenge 2025: 0 % (SDP-OPS-2019H2, grouping 111; seed000 §2 A)
    const p3 = await person(m, 'jobafklaring', '2018-01-01');
    await courseExpense(m, p3, '2018-03-01', '2018-03-31', '3100.00'); // afløb: activity 2018, JA-OPS 50 %: 1,550.00
    const p4 = await person(m, 'dagpenge', '2013-01-01');
    await courseExpense(m, p4, '2013-06-01', '2013-06-30', '1234.56'); // before the rulebook: no rule, unresolved
    t1 = new Date('2025-05-01T00:00:00Z').toISOString();
    now = new Date('2025-06-12T09:00:00Z'); // late correction: p2 moved to jobafklaring from 16/3
    await send(m, 'ChangeTargetGroup', {
      personId: p2,
      targetGroup: 'jobafklaring',
      effectiveFrom: '2025-03-16',
    });
    now = new Date('2025-07-01T09:00:00Z');
  });

  it('totals per account and target group, afløb and unresolved lines apart', async () => {
    const s = await statement(m, 2025);
    expect(s.totals).toEqual({
      cost: '22100.00', // 10,000 + (9,000 − 9,000 + 4,500 + 4,500) + 3,100 afløb
      refundBeforeCaps: '8800.00', // 5,000 + 2,250 + 1,550
      capAdjustments: '0.00',
      refund: '8800.00',
      afloebCost: '3100.00',
      afloebRefund: '1550.00',
      unresolvedCost: '1234.56',
      unresolvedEntries: 1,
    });
    expect(s.accounts).toEqual([
      expect.objectContaining({
        account: '5.68.90.1.097',
        refundAccount: '5.68.90.2.004',
        accountFields: {
          hovedkonto: '5',
          function: '5.68.90',
          dranst: '1',
          grouping: '097',
          title: 'Jobafklaringsforløb, driftsudgifter ved aktivering med 50 pct. refusion',
        },
        refundAccountFields: expect.objectContaining({ dranst: '2', grouping: '004' }),
        entries: 2,
        cost: '14500.00',
        refund: '7250.00',
      }),
      expect.objectContaining({
        account: '5.68.90.1.111',
        refundAccount: null,
        refundAccountFields: null,
        entries: 3,
        cost: '4500.00',
        refund: '0.00',
      }), // SDP-OPS-2019H2 0 %: original, reversal, rebooking
    ]);
    // recorded on 10 April and 12 June: all booked in the second quarter
    expect(s.accounts[0].quarters.map((q: { cost: string }) => q.cost)).toEqual([
      '0.00',
      '14500.00',
      '0.00',
      '0.00',
    ]);
    expect(s.municipalityName).toBeNull(); // 303 is none of the 98 kommunekoder
    expect(
      s.targetGroups.map((g: { targetGroup: string; label: string; lab6: string; cost: string }) => [
        g.targetGroup,
        g.label,
        g.lab6,
        g.cost,
      ]),
    ).toEqual([
      ['jobafklaring', 'Personer i jobafklaringsforløb (LAB § 6, nr. 7)', '7', '17600.00'],
      ['sygedagpenge', 'Sygedagpengemodtagere (LAB § 6, nr. 6)', '6', '4500.00'],
    ]);
    expect(s.afloeb).toEqual([
      expect.objectContaining({
        activityYear: 2018,
        account: '5.68.90.1.097',
        refundAccount: '5.68.90.2.004',
        entries: 1,
        cost: '3100.00',
        refund: '1550.00',
      }),
    ]);
    expect(s.unresolved).toEqual([
      expect.objectContaining({
        amount: '1234.56',
        outcome: 'no_rule',
        activityFrom: '2013-06-01',
        bookingPeriod: '2025-04',
      }),
    ]);
    // as of before the correction
    expect((await statement(m, 2025, { asOf: t1 })).totals).toMatchObject({
      cost: '22100.00',
      refund: '6550.00',
    });
  });

  it('as CSV: UTF-8 with BOM, ";" and decimal comma, read back cell by cell', async () => {
    const res = await get(m, '/refund-statements/2025', {}, 'text/csv');
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    const section = (name: string) => {
      const start = lines.indexOf(name);
      const end = lines.indexOf('', start);
      return lines.slice(start + 1, end).map((l) => l.split(';'));
    };
    const title097 = 'Jobafklaringsforløb, driftsudgifter ved aktivering med 50 pct. refusion';
    const title2004 = 'Refusion af udgifter med 50 pct. refusion, gruppering 093-098 og 100';
    expect(section('Konti')).toEqual([
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
        title097,
        '5.68.90.2.004',
        title2004,
        '2',
        '14500,00',
        '7250,00',
      ],
      ['5.68.90.1.111', '5', '5.68.90', '1', '111', expect.any(String), '', '', '3', '4500,00', '0,00'],
      ['I alt', '', '', '', '', '', '', '', '5', '19000,00', '7250,00'],
    ]);
    expect(section('Målgrupper')).toEqual([
      ['målgruppe', 'LAB § 6, nr.', 'kode', 'posteringer', 'udgift', 'refusion'],
      ['Personer i jobafklaringsforløb (LAB § 6, nr. 7)', '7', 'jobafklaring', '3', '17600,00', '8800,00'],
      ['Sygedagpengemodtagere (LAB § 6, nr. 6)', '6', 'sygedagpenge', '3', '4500,00', '0,00'],
      ['I alt', '', '', '6', '22100,00', '8800,00'],
    ]);
    expect(section('Afløb')[1]).toEqual([
      '2018',
      '5.68.90.1.097',
      '5',
      '5.68.90',
      '1',
      '097',
      title097,
      '5.68.90.2.004',
      '1',
      '3100,00',
      '1550,00',
    ]);
    const overview = section('Oversigt');
    expect(overview).toContainEqual(['kommune', '303', '']);
    expect(overview).toContainEqual(['refusion', '', '8800,00']);
    expect(overview).toContainEqual(['uafklarede udgifter', '', '1234,56']);
    expect(section('Uafklarede')[1]).toEqual(
      expect.arrayContaining(['1234,56', 'Ingen regel', '2013-06-01', '2013-06-30', '2025-04']),
    );
    // quarters side by side: everything was booked in the second quarter
    const quarters = section('Kvartaler');
    expect(quarters[1].slice(0, 8)).toEqual([
      'aktivitet i 2025',
      '5.68.90.1.097',
      title097,
      '5.68.90.2.004',
      '0,00',
      '0,00',
      '14500,00',
      '7250,00',
    ]);
    expect(quarters.at(-1)!.slice(-2)).toEqual(['22100,00', '8800,00']);
    // the postings, the recorded time in Danish local time (09:00 UTC in April = 11:00 CEST)
    const postings = section('Posteringer');
    expect(postings.length).toBe(1 + 7 + 1);
    expect(postings[1]).toEqual(
      expect.arrayContaining(['Postering', '5.68.90.1.097', '2025-03-01', '2025-03-31']),
    );
    expect(postings[1].at(-1)).toBe('2025-04-10 11:00:00');
    expect(postings.at(-1)!.slice(0, 1)).toEqual(['I alt']);
  });

  it('as xlsx: a sheet per view and one of the postings, read back cell by cell', async () => {
    const res = await get(
      m,
      '/refund-statements/2025',
      {},
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(res.body as never);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
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
    const values = (sheet: string) =>
      workbook
        .getWorksheet(sheet)!
        .getSheetValues()
        .slice(1)
        .map((row) =>
          Array.from(row as unknown[])
            .slice(1)
            .map((v) => (v === undefined ? null : v)),
        );
    expect(values('Konti')[1]).toEqual([
      '5.68.90.1.097',
      '5',
      '5.68.90',
      '1',
      '097',
      'Jobafklaringsforløb, driftsudgifter ved aktivering med 50 pct. refusion',
      '5.68.90.2.004',
      'Refusion af udgifter med 50 pct. refusion, gruppering 093-098 og 100',
      2,
      14500,
      7250,
    ]);
    expect(values('Konti').at(-1)).toEqual([
      'I alt',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      5,
      19000,
      7250,
    ]);
    expect(values('Målgrupper')[1]).toEqual([
      'Personer i jobafklaringsforløb (LAB § 6, nr. 7)',
      '7',
      'jobafklaring',
      3,
      17600,
      8800,
    ]);
    expect(values('Uafklarede')[1]).toEqual(
      expect.arrayContaining([1234.56, 'Ingen regel', new Date('2013-06-01T00:00:00Z')]),
    );
    const konti = workbook.getWorksheet('Konti')!;
    expect(konti.getColumn(10).numFmt).toBe('#,##0.00');
    expect(konti.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(konti.autoFilter).toBe('A1:K3');
    const postings = workbook.getWorksheet('Posteringer')!;
    expect(postings.rowCount).toBe(1 + 7 + 1);
    expect(postings.getCell('N2').value).toBeInstanceOf(Date);
    expect(postings.getColumn(14).numFmt).toBe('dd.mm.yyyy');
    expect(postings.getCell('X2').value).toEqual(new Date('2025-04-10T11:00:00Z')); // the Danish wall clock
  });

  it('what changed between two instants, grouped by the causing command, with totals', async () => {
    const changes = (await get(m, '/ledger/changes', { from: t1, to: '2025-06-30T00:00:00Z' })).body;
    expect(changes.totals).toEqual({ commands: 1, entries: 3, amount: '0.00', refund: '2250.00' });
    expect(changes.commands).toEqual([
      expect.objectContaining({
        commandType: 'ChangeTargetGroup',
        recordedAt: '2025-06-12T09:00:00.000Z',
        entries: 3,
        amount: '0.00',
        refund: '2250.00',
      }),
    ]);
    expect(changes.commands[0].postings.map((p: Entry) => [p.kind, p.amount, p.refundAmount])).toEqual([
      ['reversal', '-9000.00', '0.00'],
      ['rebooking', '4500.00', '0.00'],
      ['rebooking', '4500.00', '2250.00'],
    ]);
  });
});

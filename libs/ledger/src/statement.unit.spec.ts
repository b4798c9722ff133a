import { groupChanges, type ChangedPosting } from './changes';
import { buildStatement, kronerWithComma, statementCsv, statementTables, type StatementGroup } from './statement';

const group = (over: Partial<StatementGroup>): StatementGroup => ({
  account: '5.68.90.1.097', refundAccount: '5.68.90.2.004', targetGroup: 'jobafklaring', activityYear: 2025, unresolved: null,
  capAdjustment: false, cap: null, entries: 1, amountOere: 0, refundOere: 0, ...over,
});

describe('refund statements', () => {
  const statement = buildStatement({
    municipality: '101',
    year: 2025,
    quarter: null,
    asOf: '2025-07-01T00:00:00.000Z',
    closedAt: null,
    groups: [
      group({ amountOere: 1000000, refundOere: 500000 }),
      group({ targetGroup: 'sygedagpenge', account: '5.68.90.1.111', refundAccount: null, entries: 3, amountOere: 450000 }),
      group({ activityYear: 2018, amountOere: 310000, refundOere: 155000 }),
      group({ targetGroup: 'dagpenge', account: null, refundAccount: null, activityYear: 2013, unresolved: 'no_rule', amountOere: 123456, refundOere: 0 }),
      group({ targetGroup: 'integration_programme', account: '5.46.60.1.001', refundAccount: null, cap: 'integration_raadighedsloft', amountOere: 10000000, refundOere: 5000000 }),
      group({ targetGroup: null, account: null, refundAccount: null, capAdjustment: true, cap: 'integration_raadighedsloft', refundOere: -663700 }),
    ],
    unresolvedLines: [],
    caps: [{ cap: 'integration_raadighedsloft', rateBasisPoints: 5000, parameters: { amountPerFullYearPersonOere: 4336300, fullYearPersonsHundredths: 200 }, eligibleCostsOere: 10000000, refundBeforeCapOere: 5000000, adjustmentsOere: -663700 }],
  });

  it('totals resolved postings, keeps afløb, unresolved lines and cap adjustments apart', () => {
    expect(statement.totals).toEqual({
      costOere: 1000000 + 450000 + 310000 + 10000000,
      refundBeforeCapsOere: 500000 + 155000 + 5000000,
      capAdjustmentsOere: -663700,
      refundOere: 500000 + 155000 + 5000000 - 663700,
      afloebCostOere: 310000,
      afloebRefundOere: 155000,
      unresolvedCostOere: 123456,
      unresolvedEntries: 1,
    });
    expect(statement.accounts.map((a) => [a.account, a.costOere, a.refundOere])).toEqual([
      ['5.46.60.1.001', 10000000, 5000000],
      ['5.68.90.1.097', 1000000, 500000],
      ['5.68.90.1.111', 450000, 0],
    ]);
    expect(statement.afloeb).toEqual([{ activityYear: 2018, account: '5.68.90.1.097', refundAccount: '5.68.90.2.004', entries: 1, costOere: 310000, refundOere: 155000 }]);
    expect(statement.targetGroups.map((g) => [g.targetGroup, g.costOere])).toEqual([
      ['integration_programme', 10000000],
      ['jobafklaring', 1310000],
      ['sygedagpenge', 450000],
    ]);
    expect(statement.caps[0]).toMatchObject({ status: 'allowance_exceeded', cappedRefundOere: 4336300, requiredAdjustmentOere: -663700, deltaOere: 0, adjustmentsInPeriodOere: -663700 });
  });

  it('renders CSV with BOM, ";" and decimal comma, quoting where needed', () => {
    expect(kronerWithComma(420000)).toBe('4200,00');
    expect(kronerWithComma(-5)).toBe('-0,05');
    const csv = statementCsv([{ name: 'T', columns: [{ header: 'a;b', kind: 'text' }, { header: 'x', kind: 'money' }], rows: [['say "hi"', -12550], [null, null]] }]);
    expect(csv).toBe('\uFEFFT\r\n"a;b";x\r\n"say ""hi""";-125,50\r\n;\r\n');
    const tables = statementTables(statement);
    expect(tables.map((t) => t.name)).toEqual(['Oversigt', 'Konti', 'Målgrupper', 'Afløb', 'Uafklarede', 'Lofter']);
    expect(statementCsv(tables)).toContain('\r\nKonti\r\nkonto;refusionskonto;posteringer;udgift;refusion\r\n5.46.60.1.001;;1;100000,00;50000,00\r\n');
  });
});

describe('what changed', () => {
  it('groups postings by causing command with totals', () => {
    const p = (commandId: string, amountOere: number, refundOere: number | null): ChangedPosting =>
      ({ causedBy: { eventId: 'e', commandId }, commandType: 'X', recordedAt: 't', amountOere, refundOere }) as ChangedPosting;
    const changes = groupChanges([p('a', 100, 50), p('b', -100, null), p('a', 20, 10)]);
    expect(changes.commands.map((c) => [c.commandId, c.entries, c.amountOere, c.refundOere])).toEqual([['a', 2, 120, 60], ['b', 1, -100, 0]]);
    expect(changes.totals).toEqual({ commands: 2, entries: 3, amountOere: 20, refundOere: 60 });
  });
});

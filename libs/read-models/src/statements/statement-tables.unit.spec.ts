import { buildStatement, type StatementGroup } from '@app/ledger';
import { kronerWithComma, statementCsv, statementTables } from './statement-tables';

const group = (over: Partial<StatementGroup>): StatementGroup => ({
  account: '5.46.60.1.001',
  refundAccount: null,
  targetGroup: 'integration_programme',
  activityYear: 2025,
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
  unresolvedLines: [],
  caps: [],
  groups: [group({ amountOere: 10_000_000n, refundOere: 5_000_000n })],
});

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
      },
    ]);
    expect(csv).toBe('\uFEFFT\r\n"a;b";x\r\n"say ""hi""";-125,50\r\n;\r\n');
    const tables = statementTables(statement);
    expect(tables.map((t) => t.name)).toEqual([
      'Oversigt',
      'Konti',
      'Målgrupper',
      'Afløb',
      'Uafklarede',
      'Lofter',
    ]);
    expect(statementCsv(tables)).toContain(
      '\r\nKonti\r\nkonto;refusionskonto;posteringer;udgift;refusion\r\n5.46.60.1.001;;1;100000,00;50000,00\r\n',
    );
  });

  it('writes money past 2^53 øre exactly', () => {
    expect(kronerWithComma(18_014_398_509_481_982n)).toBe('180143985094819,82');
  });
});

import type { ReadPosting } from '@app/read-models';
import { ENTRIES_CSV_HEADER, entriesCsv, entryCsvLine } from './entries-csv';

const posting = (over: Partial<ReadPosting> = {}): ReadPosting => ({
  entryId: 'ev-1:expense:e-1:1',
  kind: 'original',
  costItemId: 'expense:e-1',
  personId: 'p-1',
  offerId: 'o-1',
  municipality: '101',
  account: { function: '5.68.90', dranst: '1', grouping: '097' },
  refundAccount: { function: '5.68.90', dranst: '2', grouping: '097' },
  targetGroup: 'jobafklaring',
  activityFrom: '2025-03-01',
  activityTo: '2025-03-31',
  bookingPeriod: '2025-04',
  amountOere: -123456,
  refundRateBasisPoints: 1250,
  refundOere: -15432,
  ruleId: 'r-1',
  citations: [{ source: 'seed 000', section: 'Bilag 3' }],
  cap: null,
  unresolved: null,
  causedBy: { eventId: 'ev-1', commandId: 'c-1' },
  reverses: null,
  reversedBy: 'ev-2:expense:e-1:1',
  recordedAt: '2025-04-15T08:30:00.000Z',
  rulebookVersion: '2026.12-3',
  ...over,
});

const cells = (line: string) => Object.fromEntries(ENTRIES_CSV_HEADER.map((h, i) => [h, line.split(';')[i]]));

describe('ledger entries as CSV', () => {
  it('writes kroner and rates with a decimal comma, accounts dotted, times in Danish local time', () => {
    expect(cells(entryCsvLine(posting()))).toMatchObject({
      account: '5.68.90.1.097',
      refundAccount: '5.68.90.2.097',
      amount: '-1234,56',
      refundRate: '12,5',
      refundAmount: '-154,32',
      citation: 'seed 000 Bilag 3',
      reversedBy: 'ev-2:expense:e-1:1',
      reverses: '',
      recordedAt: '2025-04-15 10:30:00',
      rulebookVersion: '2026.12-3',
    });
  });

  it('names the rulebook version a posting was made under in the last column, empty where none is stored', () => {
    expect(ENTRIES_CSV_HEADER.at(-1)).toBe('rulebookVersion');
    expect(entryCsvLine(posting({ rulebookVersion: null })).endsWith(';expense:e-1;')).toBe(true);
  });

  it('quotes a field holding ; or a quote, and leaves null fields empty', () => {
    const line = entryCsvLine(
      posting({ unresolved: { outcome: 'no_rule', reason: 'ingen regel; "2013"' }, refundOere: null }),
    );
    expect(line).toContain(';no_rule;"ingen regel; ""2013""";');
    expect(line.split(';')[ENTRIES_CSV_HEADER.indexOf('refundAmount')]).toBe('');
  });

  it('streams BOM, header and one CRLF line per posting', async () => {
    async function* three() {
      for (let i = 1; i <= 3; i++) yield posting({ entryId: `e-${i}` });
    }
    let text = '';
    for await (const chunk of entriesCsv(three())) text += chunk.toString('utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(`\uFEFF${ENTRIES_CSV_HEADER.join(';')}`);
    expect(lines.slice(1).map((l) => l.split(';')[0])).toEqual(['e-1', 'e-2', 'e-3', '']);
  });
});

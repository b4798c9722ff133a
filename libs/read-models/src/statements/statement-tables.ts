// The refund statement's presentation: one table per view (the workbook's sheets, the CSV's
// sections), in Danish, with accounts field by field, sum rows, and the CSV Danish spreadsheets read.
import {
  capLabel,
  capStatusLabel,
  danishLocalTimeOf,
  formatOere,
  lab6Number,
  municipalityName,
  outcomeLabel,
  postingKindLabel,
  targetGroupLabel,
} from '@app/domain';
import type { QuarterTotals, RefundStatement, Totals } from '@app/ledger';
import { accountFields } from '@app/rules';
import type { StatementPosting } from '../queries/statement.queries';

/**
 * text and integer cells as they are; money: exact integer øre; hundredths: a decimal number in
 * hundredths (12.50 as 1250); date: 'YYYY-MM-DD'; instant: an ISO instant, shown in Danish local time.
 */
type CellKind = 'text' | 'integer' | 'money' | 'hundredths' | 'date' | 'instant';
export interface Column {
  header: string;
  kind: CellKind;
  /** The column is added up in the table's sum row. */
  sum?: boolean;
}
/** null is an empty cell. */
export type Cell = string | number | bigint | null;
export interface Table {
  name: string;
  columns: Column[];
  rows: Cell[][];
  /** The last row is the sum row ('I alt'). */
  sumRow: boolean;
}

const text = (header: string): Column => ({ header, kind: 'text' });
const int = (header: string, sum = false): Column => ({ header, kind: 'integer', sum });
const money = (header: string, sum = false): Column => ({ header, kind: 'money', sum });
const date = (header: string): Column => ({ header, kind: 'date' });

/** The running totals of a table's sum columns, added to a row at a time. */
export class ColumnSums {
  private readonly totals: bigint[];
  constructor(private readonly columns: readonly Column[]) {
    this.totals = columns.map(() => 0n);
  }

  add(row: readonly Cell[]): void {
    this.columns.forEach((c, i) => {
      if (c.sum) this.totals[i] += BigInt(row[i] ?? 0);
    });
  }

  /** The sum row: 'I alt' in the first column, the totals under the sum columns. */
  row(): Cell[] {
    return this.columns.map((c, i) => {
      if (i === 0) return 'I alt';
      if (!c.sum) return null;
      return c.kind === 'money' ? this.totals[i] : Number(this.totals[i]);
    });
  }
}

/** A table whose last row adds up its sum columns, labelled 'I alt' in the first column. */
function withSums(name: string, columns: Column[], rows: Cell[][]): Table {
  const sums = new ColumnSums(columns);
  for (const row of rows) sums.add(row);
  return { name, columns, rows: [...rows, sums.row()], sumRow: true };
}

const plain = (name: string, columns: Column[], rows: Cell[][]): Table => ({
  name,
  columns,
  rows,
  sumRow: false,
});

/** The chart's fields of an account: hovedkonto, funktion, dranst, gruppering, title. */
const ACCOUNT_COLUMNS = [
  text('hovedkonto'),
  text('funktion'),
  text('dranst'),
  text('gruppering'),
  text('titel'),
];
function accountCells(account: string | null): Cell[] {
  if (account === null) return [null, null, null, null, null];
  const f = accountFields(account);
  return [f.hovedkonto, f.function, f.dranst, f.grouping, f.title];
}
const titleOf = (account: string | null) => (account === null ? null : accountFields(account).title);

const totalsCells = (t: Totals): Cell[] => [t.entries, t.costOere, t.refundOere];
const TOTALS_COLUMNS = [int('posteringer', true), money('udgift', true), money('refusion', true)];

/** The statement's quarters: Q1-Q4 for a year, the one quarter for a quarter. */
const quartersOf = (s: RefundStatement): number[] => (s.quarter === null ? [1, 2, 3, 4] : [s.quarter]);

export function periodText(s: RefundStatement): string {
  return s.quarter === null ? `hele året ${s.year}` : `${s.quarter}. kvartal ${s.year}`;
}

export function municipalityText(code: string): string {
  const name = municipalityName(code);
  return name === null ? code : `${code} ${name}`;
}

function overview(s: RefundStatement): Table {
  const t = s.totals;
  const fact = (post: string, value: string): Cell[] => [post, value, null];
  const figure = (post: string, oere: bigint): Cell[] => [post, null, oere];
  return plain(
    'Oversigt',
    [text('post'), text('værdi'), money('beløb')],
    [
      fact('kommune', municipalityText(s.municipality)),
      fact('regnskabsår', String(s.year)),
      fact('periode', periodText(s)),
      fact('bogføringsperioder', `${s.bookingPeriods.from} – ${s.bookingPeriods.to}`),
      fact('opgjort pr. (dansk tid)', danishLocalTimeOf(s.asOf)),
      fact(
        'regnskabsåret',
        s.closedAt === null
          ? 'åbent'
          : `lukket ${danishLocalTimeOf(s.closedAt)}${s.frozen ? ' (opgørelsen er fastfrosset ved lukningen)' : ''}`,
      ),
      figure('udgifter (afklarede)', t.costOere),
      figure('heraf afløb', t.afloebCostOere),
      figure('refusion før loft', t.refundBeforeCapsOere),
      figure('heraf afløb', t.afloebRefundOere),
      figure('loftsreguleringer', t.capAdjustmentsOere),
      figure('refusion', t.refundOere),
      figure('uafklarede udgifter', t.unresolvedCostOere),
      [`uafklarede posteringer`, String(t.unresolvedEntries), null],
    ],
  );
}

/** Accounts, afløb and cap adjustments per quarter, side by side, with the year beside them. */
function quarters(s: RefundStatement): Table {
  const qs = quartersOf(s);
  const columns = [
    text('linje'),
    text('konto'),
    text('titel'),
    text('refusionskonto'),
    ...qs.flatMap((q) => [money(`udgift ${q}. kvt.`, true), money(`refusion ${q}. kvt.`, true)]),
    money('udgift i alt', true),
    money('refusion i alt', true),
  ];
  const line = (
    label: string,
    a: QuarterTotals & { account: string | null; refundAccount: string | null },
  ): Cell[] => [
    label,
    a.account,
    titleOf(a.account),
    a.refundAccount,
    ...qs.flatMap((q) => [a.quarters[q - 1].costOere, a.quarters[q - 1].refundOere]),
    a.costOere,
    a.refundOere,
  ];
  return withSums('Kvartaler', columns, [
    ...s.accounts.map((a) => line(`aktivitet i ${s.year}`, a)),
    ...s.afloeb.map((a) => line(`afløb ${a.activityYear}`, a)),
    ...s.capAdjustments.map((c): Cell[] => [
      `loftsregulering, ${capLabel(c.cap)}`,
      null,
      titleOf(c.refundAccount),
      c.refundAccount,
      ...qs.flatMap((q) => [0n, c.quarters[q - 1]]),
      0n,
      c.refundOere,
    ]),
  ]);
}

export const POSTINGS_SHEET = 'Posteringer';

/** The postings sheet's columns; `width` where a streamed sheet cannot measure its content first. */
export const POSTING_COLUMNS: readonly (Column & { width: number })[] = [
  { ...text('postering'), width: 48 },
  { ...text('art'), width: 14 },
  { ...text('konto'), width: 16 },
  ...ACCOUNT_COLUMNS.map((c) => ({ ...c, width: c.header === 'titel' ? 40 : 12 })),
  { ...text('refusionskonto'), width: 17 },
  { ...text('målgruppe'), width: 40 },
  { ...text('LAB § 6, nr.'), width: 14 },
  { ...text('person'), width: 20 },
  { ...text('tilbud'), width: 20 },
  { ...date('aktivitet fra'), width: 15 },
  { ...date('aktivitet til'), width: 15 },
  { ...text('bogføringsperiode'), width: 20 },
  { ...date('bogføringsdato'), width: 17 },
  { ...money('beløb', true), width: 16 },
  { header: 'refusionssats %', kind: 'hundredths', width: 18 },
  { ...money('refusion', true), width: 16 },
  { ...text('regel'), width: 24 },
  { ...text('loft'), width: 30 },
  { ...text('udfald'), width: 16 },
  { header: 'registreret (dansk tid)', kind: 'instant', width: 25 },
];

/** One posting as a row of the postings sheet. */
export function postingRow(p: StatementPosting): Cell[] {
  return [
    p.entryId,
    postingKindLabel(p.kind),
    p.account,
    ...accountCells(p.account),
    p.refundAccount,
    p.targetGroup === null ? null : targetGroupLabel(p.targetGroup),
    lab6Number(p.targetGroup),
    p.personId,
    p.offerId,
    p.activityFrom,
    p.activityTo,
    p.bookingPeriod,
    p.bookingDate,
    p.amountOere,
    p.refundRateBasisPoints,
    p.refundOere,
    p.ruleId,
    p.cap === null ? null : capLabel(p.cap),
    p.outcome === null ? null : outcomeLabel(p.outcome),
    p.recordedAt,
  ];
}

function postingsTable(postings: readonly StatementPosting[]): Table {
  return withSums(POSTINGS_SHEET, [...POSTING_COLUMNS], postings.map(postingRow));
}

/**
 * The statement as tables, one per view, in the order of the workbook's sheets; with `postings`
 * (the postings behind it) a last table of them.
 */
export function statementTables(s: RefundStatement, postings?: readonly StatementPosting[]): Table[] {
  const tables: Table[] = [
    overview(s),
    withSums(
      'Konti',
      [
        text('konto'),
        ...ACCOUNT_COLUMNS,
        text('refusionskonto'),
        text('refusionskontoens titel'),
        ...TOTALS_COLUMNS,
      ],
      s.accounts.map((a) => [
        a.account,
        ...accountCells(a.account),
        a.refundAccount,
        titleOf(a.refundAccount),
        ...totalsCells(a),
      ]),
    ),
    quarters(s),
    withSums(
      'Målgrupper',
      [text('målgruppe'), text('LAB § 6, nr.'), text('kode'), ...TOTALS_COLUMNS],
      s.targetGroups.map((g) => [
        targetGroupLabel(g.targetGroup),
        lab6Number(g.targetGroup),
        g.targetGroup,
        ...totalsCells(g),
      ]),
    ),
    withSums(
      'Afløb',
      [int('aktivitetsår'), text('konto'), ...ACCOUNT_COLUMNS, text('refusionskonto'), ...TOTALS_COLUMNS],
      s.afloeb.map((a) => [
        a.activityYear,
        a.account,
        ...accountCells(a.account),
        a.refundAccount,
        ...totalsCells(a),
      ]),
    ),
    withSums(
      'Loftsreguleringer',
      [
        text('loft'),
        text('refusionskonto'),
        ...ACCOUNT_COLUMNS,
        money('regulering', true),
        text('udfald'),
        text('årsag'),
      ],
      s.capAdjustments.map((c) => [
        capLabel(c.cap),
        c.refundAccount,
        ...accountCells(c.refundAccount),
        c.refundOere,
        c.unresolved === null ? null : outcomeLabel(c.unresolved.outcome),
        c.unresolved?.reason ?? null,
      ]),
    ),
    withSums(
      'Uafklarede',
      [
        text('postering'),
        text('person'),
        text('konto den ville tage'),
        text('titel'),
        text('målgruppe'),
        date('aktivitet fra'),
        date('aktivitet til'),
        text('bogføringsperiode'),
        date('bogføringsdato'),
        money('udgift', true),
        text('udfald'),
        text('årsag'),
      ],
      s.unresolved.map((u) => [
        u.entryId,
        u.personId,
        u.wouldTake.length === 0 ? null : u.wouldTake.join(' / '),
        u.wouldTake.length === 1 ? titleOf(u.wouldTake[0]) : null,
        u.targetGroup === null ? null : targetGroupLabel(u.targetGroup),
        u.activityFrom,
        u.activityTo,
        u.bookingPeriod,
        u.bookingDate,
        u.amountOere,
        outcomeLabel(u.outcome),
        u.reason,
      ]),
    ),
    plain(
      'Lofter',
      [
        text('loft'),
        text('status'),
        money('beløb pr. helårsperson'),
        { header: 'helårspersoner', kind: 'hundredths' },
        money('rådighedsbeløb'),
        money('støtteberettigede udgifter'),
        money('refusion før loft'),
        money('loft over refusion'),
        money('refusion efter loft'),
        money('regulering i alt'),
        money('regulering i perioden'),
      ],
      s.caps.map((c) => [
        capLabel(c.cap),
        capStatusLabel(c.status),
        c.parameters?.amountPerFullYearPersonOere ?? null,
        c.parameters?.fullYearPersonsHundredths ?? null,
        c.allowanceOere,
        c.eligibleCostsOere,
        c.refundBeforeCapOere,
        c.limitOere,
        c.cappedRefundOere,
        c.requiredAdjustmentOere,
        c.adjustmentsInPeriodOere,
      ]),
    ),
  ];
  return postings === undefined ? tables : [...tables, postingsTable(postings)];
}

/** Øre as kroner with a decimal comma and no thousands separator: 420000 → "4200,00", -5 → "-0,05". */
export function kronerWithComma(oere: number | bigint): string {
  return formatOere(oere).replace('.', ',');
}

export function csvCell(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvValue(cell: Cell, kind: CellKind): string {
  if (cell === null) return '';
  switch (kind) {
    case 'money':
    case 'hundredths':
      return kronerWithComma(cell as number | bigint);
    case 'instant':
      return danishLocalTimeOf(String(cell));
    default:
      return csvCell(String(cell));
  }
}

/**
 * CSV the way Danish spreadsheets read it: UTF-8 with BOM, ';' between fields, decimal comma,
 * dates as YYYY-MM-DD, times in Danish local time, CRLF line ends. Each table is a section: its
 * name on a line, the header, the rows (the sum row last), a blank line.
 */
export function statementCsv(tables: Table[]): string {
  const lines: string[] = [];
  for (const table of tables) {
    lines.push(csvCell(table.name));
    lines.push(table.columns.map((c) => csvCell(c.header)).join(';'));
    for (const row of table.rows)
      lines.push(row.map((cell, i) => csvValue(cell, table.columns[i].kind)).join(';'));
    lines.push('');
  }
  return `\uFEFF${lines.join('\r\n')}`;
}

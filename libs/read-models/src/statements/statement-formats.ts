// The refund statement as JSON (API.md money and rates as strings), CSV (';', decimal comma,
// UTF-8 with BOM) and an .xlsx workbook with one sheet per view and one of its postings — for the
// api and the CLI alike.
import {
  capLabel,
  capStatusLabel,
  danishLocalTimeOf,
  formatBasisPoints,
  formatOere,
  lab6Number,
  municipalityName,
  outcomeLabel,
  targetGroupLabel,
} from '@app/domain';
import type { CapComputation, QuarterTotals, RefundStatement } from '@app/ledger';
import { accountFields } from '@app/rules';
import type { StatementPosting } from '../queries/statement.queries';
import {
  ColumnSums,
  POSTING_COLUMNS,
  POSTINGS_SHEET,
  postingRow,
  statementCsv,
  statementTables,
  type Cell,
  type Column,
  type Table,
} from './statement-tables';
import type { Writable } from 'node:stream';
import type { Workbook, Worksheet } from 'exceljs';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const kr = (oere: number | bigint | null) => (oere === null ? null : formatOere(oere));
const fieldsOf = (account: string | null) => (account === null ? null : accountFields(account));

export function statementJson(s: RefundStatement) {
  const totals = (t: { entries: number; costOere: bigint; refundOere: bigint }) => ({
    entries: t.entries,
    cost: kr(t.costOere),
    refund: kr(t.refundOere),
  });
  const quarters = s.quarter === null ? [1, 2, 3, 4] : [s.quarter];
  const withQuarters = (t: QuarterTotals) => ({
    ...totals(t),
    quarters: quarters.map((quarter) => ({ quarter, ...totals(t.quarters[quarter - 1]) })),
  });
  const accountLine = (a: { account: string | null; refundAccount: string | null }) => ({
    account: a.account,
    refundAccount: a.refundAccount,
    accountFields: fieldsOf(a.account),
    refundAccountFields: fieldsOf(a.refundAccount),
  });
  return {
    municipality: s.municipality,
    municipalityName: municipalityName(s.municipality),
    year: s.year,
    quarter: s.quarter,
    bookingPeriods: s.bookingPeriods,
    asOf: s.asOf,
    closedAt: s.closedAt,
    frozen: s.frozen,
    totals: {
      cost: kr(s.totals.costOere),
      refundBeforeCaps: kr(s.totals.refundBeforeCapsOere),
      capAdjustments: kr(s.totals.capAdjustmentsOere),
      refund: kr(s.totals.refundOere),
      afloebCost: kr(s.totals.afloebCostOere),
      afloebRefund: kr(s.totals.afloebRefundOere),
      unresolvedCost: kr(s.totals.unresolvedCostOere),
      unresolvedEntries: s.totals.unresolvedEntries,
    },
    accounts: s.accounts.map((a) => ({ ...accountLine(a), ...withQuarters(a) })),
    targetGroups: s.targetGroups.map((g) => ({
      targetGroup: g.targetGroup,
      label: targetGroupLabel(g.targetGroup),
      lab6: lab6Number(g.targetGroup),
      ...withQuarters(g),
    })),
    afloeb: s.afloeb.map((a) => ({ activityYear: a.activityYear, ...accountLine(a), ...withQuarters(a) })),
    unresolved: s.unresolved.map((u) => ({
      entryId: u.entryId,
      personId: u.personId,
      offerId: u.offerId,
      costItemId: u.costItemId,
      account: u.account,
      targetGroup: u.targetGroup,
      activityFrom: u.activityFrom,
      activityTo: u.activityTo,
      bookingPeriod: u.bookingPeriod,
      bookingDate: u.bookingDate,
      amount: kr(u.amountOere),
      outcome: u.outcome,
      outcomeLabel: outcomeLabel(u.outcome),
      reason: u.reason,
      wouldTake: u.wouldTake.map((account) => ({ account, ...accountFields(account) })),
    })),
    caps: s.caps
      .map(capJson)
      .map((c, i) => ({ ...c, adjustmentsInPeriod: kr(s.caps[i].adjustmentsInPeriodOere) })),
    capAdjustments: s.capAdjustments.map((c) => ({
      cap: c.cap,
      capLabel: capLabel(c.cap),
      refundAccount: c.refundAccount,
      refundAccountFields: fieldsOf(c.refundAccount),
      refund: kr(c.refundOere),
      quarters: quarters.map((quarter) => ({ quarter, refund: kr(c.quarters[quarter - 1]) })),
      outcome: c.unresolved?.outcome ?? null,
      outcomeLabel: c.unresolved === null ? null : outcomeLabel(c.unresolved.outcome),
      reason: c.unresolved?.reason ?? null,
    })),
  };
}

export function capJson(c: CapComputation) {
  return {
    cap: c.cap,
    capLabel: capLabel(c.cap),
    status: c.status,
    statusLabel: capStatusLabel(c.status),
    refundRate: c.rateBasisPoints === null ? null : formatBasisPoints(c.rateBasisPoints),
    parameters:
      c.parameters === null
        ? null
        : {
            amountPerFullYearPerson: kr(c.parameters.amountPerFullYearPersonOere),
            fullYearPersons: (c.parameters.fullYearPersonsHundredths / 100).toFixed(2),
          },
    allowance: kr(c.allowanceOere),
    eligibleCosts: kr(c.eligibleCostsOere),
    refundBeforeCap: kr(c.refundBeforeCapOere),
    limit: kr(c.limitOere),
    cappedRefund: kr(c.cappedRefundOere),
    adjustment: kr(c.requiredAdjustmentOere),
    formula: c.formula,
  };
}

/** The CSV, with `postings` its last section (read whole: the CSV is made in memory, unlike the workbook). */
export async function statementCsvText(
  s: RefundStatement,
  postings?: AsyncIterable<StatementPosting>,
): Promise<string> {
  if (!postings) return statementCsv(statementTables(s));
  const all: StatementPosting[] = [];
  for await (const posting of postings) all.push(posting);
  return statementCsv(statementTables(s, all));
}

/**
 * The workbook, written to `out` as it is made (exceljs' streaming writer): one worksheet per view
 * and, with `postings`, one of the postings, whose rows go out as they are read, so a
 * municipality-year of postings is never held whole. Each sheet: a bold header row frozen with an
 * autofilter, a bold sum row, money and decimals as numbers with two decimals, dates and times as
 * date cells (times in Danish local time); the views' columns as wide as their content, the
 * postings' as wide as such content usually is. Resolves once the workbook is written.
 */
export async function writeStatementXlsx(
  s: RefundStatement,
  postings: AsyncIterable<StatementPosting> | undefined,
  out: Writable,
): Promise<void> {
  // exceljs is loaded when a workbook is asked for, not with the api (it weighs ~30 MB).
  const { stream } = await import('exceljs');
  const workbook = new stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'refund-ledger';
  for (const table of statementTables(s)) addSheet(workbook, table).commit();
  if (postings) await addPostingsSheet(workbook, postings);
  await workbook.commit();
}

const NUMBER_FORMATS: Partial<Record<Column['kind'], string>> = {
  money: '#,##0.00',
  hundredths: '0.00',
  date: 'dd.mm.yyyy',
  instant: 'dd.mm.yyyy hh:mm:ss',
};

/** A Danish wall-clock time as the date cell a spreadsheet shows as that time (cells have no zone). */
const wallClock = (instant: string) => new Date(`${danishLocalTimeOf(instant).replace(' ', 'T')}Z`);

function cellValue(cell: Cell, kind: Column['kind']): string | number | Date | null {
  if (cell === null) return null;
  switch (kind) {
    case 'money':
    case 'hundredths':
      return Number(cell) / 100;
    case 'date':
      return new Date(`${String(cell)}T00:00:00Z`);
    case 'instant':
      return wallClock(String(cell));
    default:
      return typeof cell === 'bigint' ? Number(cell) : cell;
  }
}

/** What a cell shows, for the column's width. */
function shownLength(cell: Cell, kind: Column['kind']): number {
  if (cell === null) return 0;
  if (kind === 'money') return formatOere(cell as bigint).length + Math.floor(String(cell).length / 3);
  if (kind === 'date') return 10;
  if (kind === 'instant') return 19;
  return String(cell).length;
}

const MAX_WIDTH = 60;

function addSheet(workbook: Workbook, table: Table): Worksheet {
  const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell, i) => cellValue(cell, table.columns[i].kind)));
  if (table.sumRow) sheet.getRow(table.rows.length + 1).font = { bold: true };
  // the filter covers the header and the data rows; the sum row stays below it
  const lastDataRow = 1 + table.rows.length - (table.sumRow ? 1 : 0);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastDataRow, column: table.columns.length } };
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    const longest = table.rows.reduce((n, row) => Math.max(n, shownLength(row[i], c.kind)), c.header.length);
    // room for the autofilter's button beside the header
    column.width = Math.min(MAX_WIDTH, Math.max(10, longest + 3));
    const format = NUMBER_FORMATS[c.kind];
    if (format) column.numFmt = format;
  });
  wrapLongText(sheet, table);
  return sheet;
}

/** The postings sheet, a row committed (written out) as each posting is read; the sum row added up on the way. */
async function addPostingsSheet(
  workbook: Workbook,
  postings: AsyncIterable<StatementPosting>,
): Promise<void> {
  const sheet = workbook.addWorksheet(POSTINGS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  // a streamed sheet writes its columns with its first row
  POSTING_COLUMNS.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    const format = NUMBER_FORMATS[c.kind];
    if (format) column.numFmt = format;
  });
  const header = sheet.addRow(POSTING_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  const sums = new ColumnSums(POSTING_COLUMNS);
  let rows = 0;
  for await (const posting of postings) {
    const row = postingRow(posting);
    sums.add(row);
    sheet.addRow(row.map((cell, i) => cellValue(cell, POSTING_COLUMNS[i].kind))).commit();
    rows++;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows, column: POSTING_COLUMNS.length } };
  const sumRow = sheet.addRow(sums.row().map((cell, i) => cellValue(cell, POSTING_COLUMNS[i].kind)));
  sumRow.font = { bold: true };
  sumRow.commit();
  sheet.commit();
}

/** Text longer than the widest column wraps instead of spilling over its neighbours. */
function wrapLongText(sheet: Worksheet, table: Table): void {
  table.columns.forEach((c, i) => {
    if (c.kind !== 'text') return;
    if (table.rows.some((row) => shownLength(row[i], c.kind) > MAX_WIDTH))
      sheet.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
}

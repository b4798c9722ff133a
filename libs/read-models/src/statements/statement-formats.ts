// The refund statement as JSON (API.md money and rates as strings), CSV (';', decimal comma,
// UTF-8 with BOM) and an .xlsx workbook with one sheet per view — for the api and the CLI alike.
import { formatBasisPoints, formatOere } from '@app/domain';
import type { CapComputation, RefundStatement } from '@app/ledger';
import { statementCsv, statementTables, type Table } from './statement-tables';
import type { Workbook } from 'exceljs';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const kr = (oere: number | bigint | null) => (oere === null ? null : formatOere(oere));

export function statementJson(s: RefundStatement) {
  const totals = (t: { entries: number; costOere: bigint; refundOere: bigint }) => ({
    entries: t.entries,
    cost: kr(t.costOere),
    refund: kr(t.refundOere),
  });
  return {
    municipality: s.municipality,
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
    accounts: s.accounts.map((a) => ({ account: a.account, refundAccount: a.refundAccount, ...totals(a) })),
    targetGroups: s.targetGroups.map((g) => ({ targetGroup: g.targetGroup, ...totals(g) })),
    afloeb: s.afloeb.map((a) => ({
      activityYear: a.activityYear,
      account: a.account,
      refundAccount: a.refundAccount,
      ...totals(a),
    })),
    unresolved: s.unresolved.map((u) => ({
      entryId: u.entryId,
      personId: u.personId,
      costItemId: u.costItemId,
      account: u.account,
      targetGroup: u.targetGroup,
      activityFrom: u.activityFrom,
      activityTo: u.activityTo,
      bookingPeriod: u.bookingPeriod,
      bookingDate: u.bookingDate,
      amount: kr(u.amountOere),
      outcome: u.outcome,
      reason: u.reason,
    })),
    caps: s.caps
      .map(capJson)
      .map((c, i) => ({ ...c, adjustmentsInPeriod: kr(s.caps[i].adjustmentsInPeriodOere) })),
  };
}

export function capJson(c: CapComputation) {
  return {
    cap: c.cap,
    status: c.status,
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

export function statementCsvText(s: RefundStatement): string {
  return statementCsv(statementTables(s));
}

/** One worksheet per view; money cells are numbers in kroner with two decimals shown. */
export async function statementXlsx(s: RefundStatement): Promise<Buffer> {
  // exceljs is loaded when a workbook is asked for, not with the api (it weighs ~30 MB).
  const { Workbook: WorkbookClass } = await import('exceljs');
  const workbook = new WorkbookClass();
  workbook.creator = 'refund-ledger';
  for (const table of statementTables(s)) addSheet(workbook, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: Workbook, table: Table): void {
  const sheet = workbook.addWorksheet(table.name);
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      row.map((cell, i) => (cell !== null && table.columns[i].kind === 'money' ? Number(cell) / 100 : cell)),
    );
  }
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(12, c.header.length + 2);
    if (c.kind === 'money') column.numFmt = '#,##0.00';
  });
}

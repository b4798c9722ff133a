// Refund statements (issue 6, "Refund statements"): the postings booked in an accounting year
// (or one of its quarters), aggregated into the views finance claims from — totals per account
// and per target group, afløb (booked this year, activity in earlier years) apart, unresolved
// lines apart, and the capped refunds. Pure: the read side hands in grouped sums; this file
// builds the views, and the tables that CSV and spreadsheet exports render.
import type { CapId } from '@app/rules/rulebook.types';
import { computeCap, type CapComputation, type CapYearFigures } from './caps/cap';

/** One group of postings as summed by the read side. */
export interface StatementGroup {
  /** 'function.dranst.grouping' of the cost account, or null. */
  account: string | null;
  /** 'function.dranst.grouping' of the refund account, or null. */
  refundAccount: string | null;
  targetGroup: string | null;
  /** Year of the posting's activityFrom. */
  activityYear: number;
  unresolved: 'no_rule' | 'ambiguous' | null;
  capAdjustment: boolean;
  cap: CapId | null;
  entries: number;
  amountOere: number;
  refundOere: number;
}

export interface UnresolvedLine {
  entryId: string;
  personId: string | null;
  costItemId: string;
  account: string | null;
  targetGroup: string | null;
  activityFrom: string;
  activityTo: string;
  bookingPeriod: string;
  amountOere: number;
  outcome: string;
  reason: string;
}

/** The year-to-date figures of one cap (booking periods Y-01 .. the statement's last period). */
export type CapYearToDate = Omit<CapYearFigures, 'municipality' | 'year'>;

export interface StatementInput {
  municipality: string;
  year: number;
  quarter: 1 | 2 | 3 | 4 | null;
  asOf: string;
  /** When the year was closed (as of asOf), else null. */
  closedAt: string | null;
  groups: StatementGroup[];
  unresolvedLines: UnresolvedLine[];
  caps: CapYearToDate[];
}

export interface Totals {
  entries: number;
  costOere: number;
  refundOere: number;
}

export interface RefundStatement {
  municipality: string;
  year: number;
  quarter: number | null;
  bookingPeriods: { from: string; to: string };
  asOf: string;
  closedAt: string | null;
  /** A closed year's statement asked for after the close is frozen at the close. */
  frozen: boolean;
  totals: {
    /** Resolved postings (current activity and afløb); unresolved lines apart. */
    costOere: number;
    refundBeforeCapsOere: number;
    capAdjustmentsOere: number;
    refundOere: number;
    afloebCostOere: number;
    afloebRefundOere: number;
    unresolvedCostOere: number;
    unresolvedEntries: number;
  };
  /** Resolved postings whose activity lies in the statement year (or later), per cost account. */
  accounts: (Totals & { account: string | null; refundAccount: string | null })[];
  /** All resolved postings (current activity and afløb), per target group. */
  targetGroups: (Totals & { targetGroup: string | null })[];
  /** Resolved postings booked in the year whose activity lies in earlier years, per activity year and account. */
  afloeb: (Totals & { activityYear: number; account: string | null; refundAccount: string | null })[];
  unresolved: UnresolvedLine[];
  caps: (CapComputation & { adjustmentsInPeriodOere: number })[];
}

export function quarterPeriods(year: number, quarter: 1 | 2 | 3 | 4 | null): { from: string; to: string } {
  const mm = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return quarter === null ? { from: mm(1), to: mm(12) } : { from: mm(quarter * 3 - 2), to: mm(quarter * 3) };
}

function addTo<K>(map: Map<string, Totals & K>, key: string, init: () => K, g: StatementGroup): void {
  let t = map.get(key);
  if (!t) map.set(key, (t = { ...init(), entries: 0, costOere: 0, refundOere: 0 }));
  t.entries += g.entries;
  t.costOere += g.amountOere;
  t.refundOere += g.refundOere;
}

const byKey = <T>(map: Map<string, T>): T[] => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
const k = (...parts: unknown[]) => parts.map((p) => (p === null ? '\u0000' : String(p))).join('\u0001');

export function buildStatement(input: StatementInput): RefundStatement {
  const accounts = new Map<string, Totals & { account: string | null; refundAccount: string | null }>();
  const targetGroups = new Map<string, Totals & { targetGroup: string | null }>();
  const afloeb = new Map<string, Totals & { activityYear: number; account: string | null; refundAccount: string | null }>();
  const adjustmentsInPeriod = new Map<string, number>();
  const totals = { costOere: 0, refundBeforeCapsOere: 0, capAdjustmentsOere: 0, refundOere: 0, afloebCostOere: 0, afloebRefundOere: 0, unresolvedCostOere: 0, unresolvedEntries: 0 };
  for (const g of input.groups) {
    if (g.capAdjustment) {
      totals.capAdjustmentsOere += g.refundOere;
      if (g.cap) adjustmentsInPeriod.set(g.cap, (adjustmentsInPeriod.get(g.cap) ?? 0) + g.refundOere);
      continue;
    }
    if (g.unresolved !== null) {
      totals.unresolvedCostOere += g.amountOere;
      totals.unresolvedEntries += g.entries;
      continue;
    }
    totals.costOere += g.amountOere;
    totals.refundBeforeCapsOere += g.refundOere;
    addTo(targetGroups, k(g.targetGroup), () => ({ targetGroup: g.targetGroup }), g);
    if (g.activityYear < input.year) {
      totals.afloebCostOere += g.amountOere;
      totals.afloebRefundOere += g.refundOere;
      addTo(afloeb, k(g.activityYear, g.account, g.refundAccount), () => ({ activityYear: g.activityYear, account: g.account, refundAccount: g.refundAccount }), g);
    } else {
      addTo(accounts, k(g.account, g.refundAccount), () => ({ account: g.account, refundAccount: g.refundAccount }), g);
    }
  }
  totals.refundOere = totals.refundBeforeCapsOere + totals.capAdjustmentsOere;
  const caps = [...input.caps]
    .sort((a, b) => (a.cap < b.cap ? -1 : a.cap > b.cap ? 1 : 0))
    .map((c) => ({
      ...computeCap({ municipality: input.municipality, year: input.year, ...c }),
      adjustmentsInPeriodOere: adjustmentsInPeriod.get(c.cap) ?? 0,
    }));
  const closedAt = input.closedAt;
  return {
    municipality: input.municipality,
    year: input.year,
    quarter: input.quarter,
    bookingPeriods: quarterPeriods(input.year, input.quarter),
    asOf: input.asOf,
    closedAt,
    frozen: closedAt !== null && closedAt <= input.asOf,
    totals,
    accounts: byKey(accounts),
    targetGroups: byKey(targetGroups),
    afloeb: byKey(afloeb),
    unresolved: [...input.unresolvedLines],
    caps,
  };
}

// ---- tables for CSV and spreadsheet exports ----------------------------------------------

export type CellKind = 'text' | 'integer' | 'money';
export interface Column {
  header: string;
  kind: CellKind;
}
/** money cells are integer øre; text and integer cells as they are; null is an empty cell. */
export type Cell = string | number | null;
export interface Table {
  name: string;
  columns: Column[];
  rows: Cell[][];
}

const text = (header: string): Column => ({ header, kind: 'text' });
const int = (header: string): Column => ({ header, kind: 'integer' });
const money = (header: string): Column => ({ header, kind: 'money' });

/** The statement as tables, one per view, in the order of the workbook's sheets. */
export function statementTables(s: RefundStatement): Table[] {
  const t = s.totals;
  const overview: Table = {
    name: 'Oversigt',
    columns: [text('post'), money('beløb')],
    rows: [
      ['kommune', null],
      ['regnskabsår', null],
      ['kvartal', null],
      ['bogføringsperioder', null],
      ['opgjort pr.', null],
      ['året lukket', null],
      ['udgifter (afklarede)', t.costOere],
      ['heraf afløb', t.afloebCostOere],
      ['refusion før loft', t.refundBeforeCapsOere],
      ['heraf afløb', t.afloebRefundOere],
      ['loftsreguleringer', t.capAdjustmentsOere],
      ['refusion', t.refundOere],
      ['uafklarede udgifter', t.unresolvedCostOere],
    ],
  };
  // header facts as text in the first column pairs
  overview.rows[0][0] = `kommune ${s.municipality}`;
  overview.rows[1][0] = `regnskabsår ${s.year}`;
  overview.rows[2][0] = `kvartal ${s.quarter ?? 'hele året'}`;
  overview.rows[3][0] = `bogføringsperioder ${s.bookingPeriods.from}..${s.bookingPeriods.to}`;
  overview.rows[4][0] = `opgjort pr. ${s.asOf}`;
  overview.rows[5][0] = s.closedAt === null ? 'året er åbent' : `året lukket ${s.closedAt}${s.frozen ? ' (fastfrosset)' : ''}`;
  return [
    overview,
    {
      name: 'Konti',
      columns: [text('konto'), text('refusionskonto'), int('posteringer'), money('udgift'), money('refusion')],
      rows: s.accounts.map((a) => [a.account, a.refundAccount, a.entries, a.costOere, a.refundOere]),
    },
    {
      name: 'Målgrupper',
      columns: [text('målgruppe'), int('posteringer'), money('udgift'), money('refusion')],
      rows: s.targetGroups.map((g) => [g.targetGroup, g.entries, g.costOere, g.refundOere]),
    },
    {
      name: 'Afløb',
      columns: [int('aktivitetsår'), text('konto'), text('refusionskonto'), int('posteringer'), money('udgift'), money('refusion')],
      rows: s.afloeb.map((a) => [a.activityYear, a.account, a.refundAccount, a.entries, a.costOere, a.refundOere]),
    },
    {
      name: 'Uafklarede',
      columns: [text('postering'), text('person'), text('konto'), text('målgruppe'), text('aktivitet fra'), text('aktivitet til'), text('bogføringsperiode'), money('udgift'), text('udfald'), text('årsag')],
      rows: s.unresolved.map((u) => [u.entryId, u.personId, u.account, u.targetGroup, u.activityFrom, u.activityTo, u.bookingPeriod, u.amountOere, u.outcome, u.reason]),
    },
    {
      name: 'Lofter',
      columns: [
        text('loft'), text('status'), money('beløb pr. helårsperson'), text('helårspersoner'), money('rådighedsbeløb'), money('støtteberettigede udgifter'),
        money('refusion før loft'), money('loft over refusion'), money('refusion efter loft'), money('regulering i alt'), money('regulering i perioden'),
      ],
      rows: s.caps.map((c) => [
        c.cap, c.status, c.parameters?.amountPerFullYearPersonOere ?? null,
        c.parameters === null ? null : (c.parameters.fullYearPersonsHundredths / 100).toFixed(2), c.allowanceOere, c.eligibleCostsOere,
        c.refundBeforeCapOere, c.limitOere, c.cappedRefundOere, c.requiredAdjustmentOere, c.adjustmentsInPeriodOere,
      ]),
    },
  ];
}

/** Øre as kroner with a decimal comma and no thousands separator: 420000 → "4200,00", -5 → "-0,05". */
export function kronerWithComma(oere: number): string {
  const abs = Math.abs(oere);
  return `${oere < 0 ? '-' : ''}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

function csvCell(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * CSV the way Danish spreadsheets read it: UTF-8 with BOM, ';' between fields, decimal comma,
 * CRLF line ends. Each table is a section: its name on a line, the header, the rows, a blank line.
 */
export function statementCsv(tables: Table[]): string {
  const lines: string[] = [];
  for (const table of tables) {
    lines.push(csvCell(table.name));
    lines.push(table.columns.map((c) => csvCell(c.header)).join(';'));
    for (const row of table.rows) {
      lines.push(
        row
          .map((cell, i) => {
            if (cell === null) return '';
            if (table.columns[i].kind === 'money') return kronerWithComma(cell as number);
            return csvCell(String(cell));
          })
          .join(';'),
      );
    }
    lines.push('');
  }
  return `\uFEFF${lines.join('\r\n')}`;
}

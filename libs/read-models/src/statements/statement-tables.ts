// The refund statement's presentation: one table per view (the workbook's sheets, the CSV's
// sections), and the CSV Danish spreadsheets read.
import { formatOere } from '@app/domain';
import type { RefundStatement } from '@app/ledger';

type CellKind = 'text' | 'integer' | 'money';
export interface Column {
  header: string;
  kind: CellKind;
}
/** money cells are exact integer øre; text and integer cells as they are; null is an empty cell. */
export type Cell = string | number | bigint | null;
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
  overview.rows[5][0] =
    s.closedAt === null ? 'året er åbent' : `året lukket ${s.closedAt}${s.frozen ? ' (fastfrosset)' : ''}`;
  return [
    overview,
    {
      name: 'Konti',
      columns: [
        text('konto'),
        text('refusionskonto'),
        int('posteringer'),
        money('udgift'),
        money('refusion'),
      ],
      rows: s.accounts.map((a) => [a.account, a.refundAccount, a.entries, a.costOere, a.refundOere]),
    },
    {
      name: 'Målgrupper',
      columns: [text('målgruppe'), int('posteringer'), money('udgift'), money('refusion')],
      rows: s.targetGroups.map((g) => [g.targetGroup, g.entries, g.costOere, g.refundOere]),
    },
    {
      name: 'Afløb',
      columns: [
        int('aktivitetsår'),
        text('konto'),
        text('refusionskonto'),
        int('posteringer'),
        money('udgift'),
        money('refusion'),
      ],
      rows: s.afloeb.map((a) => [
        a.activityYear,
        a.account,
        a.refundAccount,
        a.entries,
        a.costOere,
        a.refundOere,
      ]),
    },
    {
      name: 'Uafklarede',
      columns: [
        text('postering'),
        text('person'),
        text('konto'),
        text('målgruppe'),
        text('aktivitet fra'),
        text('aktivitet til'),
        text('bogføringsperiode'),
        text('bogføringsdato'),
        money('udgift'),
        text('udfald'),
        text('årsag'),
      ],
      rows: s.unresolved.map((u) => [
        u.entryId,
        u.personId,
        u.account,
        u.targetGroup,
        u.activityFrom,
        u.activityTo,
        u.bookingPeriod,
        u.bookingDate,
        u.amountOere,
        u.outcome,
        u.reason,
      ]),
    },
    {
      name: 'Lofter',
      columns: [
        text('loft'),
        text('status'),
        money('beløb pr. helårsperson'),
        text('helårspersoner'),
        money('rådighedsbeløb'),
        money('støtteberettigede udgifter'),
        money('refusion før loft'),
        money('loft over refusion'),
        money('refusion efter loft'),
        money('regulering i alt'),
        money('regulering i perioden'),
      ],
      rows: s.caps.map((c) => [
        c.cap,
        c.status,
        c.parameters?.amountPerFullYearPersonOere ?? null,
        c.parameters === null ? null : (c.parameters.fullYearPersonsHundredths / 100).toFixed(2),
        c.allowanceOere,
        c.eligibleCostsOere,
        c.refundBeforeCapOere,
        c.limitOere,
        c.cappedRefundOere,
        c.requiredAdjustmentOere,
        c.adjustmentsInPeriodOere,
      ]),
    },
  ];
}

/** Øre as kroner with a decimal comma and no thousands separator: 420000 → "4200,00", -5 → "-0,05". */
export function kronerWithComma(oere: number | bigint): string {
  return formatOere(oere).replace('.', ',');
}

export function csvCell(value: string): string {
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
            if (table.columns[i].kind === 'money') return kronerWithComma(cell as number | bigint);
            return csvCell(String(cell));
          })
          .join(';'),
      );
    }
    lines.push('');
  }
  return `\uFEFF${lines.join('\r\n')}`;
}

// Row-for-row comparison of two read-model schemas (rebuild-equals-live, replay verification).
import { Client } from 'pg';
import { LEDGER_TOTAL_KEY } from '../projections/rows/ledger-total.row';
import { assertSchemaName } from '../read-model-data-source';

/** Every read-model table with the columns that identify a row, and columns that legitimately differ. */
const TABLES: { table: string; orderBy: string; ignore?: string[] }[] = [
  { table: 'projection_checkpoint', orderBy: 'name', ignore: ['updated_at'] },
  { table: 'municipality_checkpoint', orderBy: 'municipality', ignore: ['updated_at'] },
  { table: 'parked_event', orderBy: 'municipality', ignore: ['parked_at'] },
  { table: 'projector_decision', orderBy: 'event_id' },
  { table: 'event_type_count', orderBy: 'type' },
  { table: 'target_group_change', orderBy: 'municipality, change_command_id' },
  { table: 'offer_version', orderBy: 'municipality, offer_id, position' },
  { table: 'mentor_agreement', orderBy: 'municipality, agreement_id' },
  { table: 'cost_item', orderBy: 'municipality, cost_item_id' },
  { table: 'project', orderBy: 'municipality, project_id' },
  { table: 'project_share', orderBy: 'municipality, cost_item_id, position' },
  { table: 'staff_timesheet', orderBy: 'municipality, staff_id, timesheet_id' },
  {
    table: 'administrative_share_version',
    orderBy: 'municipality, project_id, offer_id, share_id, position',
  },
  { table: 'ledger_entry', orderBy: 'position, municipality, ordinal' },
  { table: 'ledger_total', orderBy: LEDGER_TOTAL_KEY.join(', ') },
  { table: 'ledger_cause', orderBy: 'municipality, position' },
  { table: 'rulebook_adoption', orderBy: 'position' },
  { table: 'citation_set', orderBy: 'id' },
  { table: 'cap_parameters', orderBy: 'municipality, year, cap, position' },
  { table: 'cap_year', orderBy: 'municipality, year, cap' },
  { table: 'cap_computation', orderBy: 'entry_id' },
  { table: 'accounting_year', orderBy: 'municipality, year' },
];

export interface SchemaDifference {
  table: string;
  left: number;
  right: number;
  firstDifferentRow: number | null;
}

export async function compareSchemas(url: string, left: string, right: string): Promise<SchemaDifference[]> {
  assertSchemaName(left);
  assertSchemaName(right);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const differences: SchemaDifference[] = [];
    for (const { table, orderBy, ignore = [] } of TABLES) {
      const rows = async (schema: string) => {
        const { rows: r } = await client.query<{ row: Record<string, unknown> }>(
          `SELECT to_jsonb(t) AS row FROM ${schema}.${table} t ORDER BY ${orderBy}`,
        );
        return r.map(({ row }) =>
          JSON.stringify(Object.fromEntries(Object.entries(row).filter(([k]) => !ignore.includes(k)))),
        );
      };
      const [a, b] = [await rows(left), await rows(right)];
      const first = a.findIndex((row, i) => row !== b[i]);
      if (a.length !== b.length || first !== -1) {
        differences.push({
          table,
          left: a.length,
          right: b.length,
          firstDifferentRow: first === -1 ? Math.min(a.length, b.length) : first,
        });
      }
    }
    return differences;
  } finally {
    await client.end();
  }
}

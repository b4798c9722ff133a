// The limits' table: event_log's columns, keys and constraints, and rows as a command appends them.
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@app/event-store';
import { Client } from 'pg';

/** A table with event_log's columns, keys and constraints: made from the log's own schema. */
export async function createLogShapedTable(url: string): Promise<void> {
  await (await PostgresEventStore.connect(url)).close();
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('CREATE TABLE log_shaped (LIKE event_log INCLUDING ALL)');
  await client.end();
}

export type LogRow = [number, string, string, number, string, string, string];

/** A row as a command appends one: a ChangeTargetGroup's data and metadata. */
export function logRow(position: number): LogRow {
  const id = randomUUID();
  const data = { personId: `p-${position}`, targetGroup: 'jobafklaring', effectiveFrom: '2025-01-01' };
  const metadata = {
    recordedAt: new Date().toISOString(),
    commandId: id,
    commandType: 'ChangeTargetGroup',
    commandHash: 'f'.repeat(64),
    commandHashVersion: 2,
    causationId: id,
    correlationId: id,
    actor: 'jobcentre:bench',
    municipality: '101',
    schemaVersion: 1,
  };
  return [
    position,
    id,
    `person-101-p-${position}`,
    0,
    'TargetGroupChanged',
    JSON.stringify(data),
    JSON.stringify(metadata),
  ];
}

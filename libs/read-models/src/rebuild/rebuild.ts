// Rebuild: project the whole log (or a prefix of it) into a fresh schema, then, for a rebuild,
// swap it in for the live schema by renaming, so queries never stop. Read models are
// disposable: the log is the truth.
import type { EventStore, RecordedEvent } from '@app/event-store/event-store.port';
import { Client } from 'pg';
import type { Projection } from '../projections/projection';
import { assertSchemaName, LIVE_SCHEMA, openReadModels } from '../read-model-data-source';
import { ProjectionRunner } from '../runner/projection-runner';

export interface ProjectOptions {
  /** Stop at this log position (default: the head when called). */
  until?: bigint | null;
  /** Skip events (e.g. recorded after an audit instant). */
  accept?: (event: RecordedEvent) => boolean;
  batchSize?: number;
}

async function admin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `schema` afresh and projects the log into it; returns the number of events applied. */
export async function projectIntoSchema(url: string, schema: string, store: EventStore, projections: Projection[], options: ProjectOptions = {}): Promise<number> {
  assertSchemaName(schema);
  await admin(url, (c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  const readModels = await openReadModels(url, schema, 2);
  try {
    const runner = new ProjectionRunner(store, readModels, projections, { batchSize: options.batchSize ?? 2000 });
    return await runner.catchUp(options.until ?? null, options.accept);
  } finally {
    await readModels.destroy();
  }
}

/** Makes `schema` the live read models in one transaction; the old live schema is dropped. */
export async function swapIntoLive(url: string, schema: string): Promise<void> {
  assertSchemaName(schema);
  const retired = assertSchemaName(`${LIVE_SCHEMA}_retired_${Date.now()}`);
  await admin(url, async (c) => {
    await c.query('BEGIN');
    await c.query(`ALTER SCHEMA ${LIVE_SCHEMA} RENAME TO ${retired}`);
    await c.query(`ALTER SCHEMA ${schema} RENAME TO ${LIVE_SCHEMA}`);
    await c.query('COMMIT');
    await c.query(`DROP SCHEMA ${retired} CASCADE`);
  });
}

/** Rebuilds the live read models from the whole log; the live projector then goes on from the rebuilt checkpoint. */
export async function rebuildLive(url: string, store: EventStore, projections: Projection[]): Promise<number> {
  const schema = `${LIVE_SCHEMA}_rebuild_${Date.now()}`;
  const applied = await projectIntoSchema(url, schema, store, projections);
  await swapIntoLive(url, schema);
  return applied;
}

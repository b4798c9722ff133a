// The composition root: the event log, the read models and (unless given) the embedded database.
import { type EventStore, PostgresEventStore } from '@app/event-store';
import type { AppConfig } from '@app/platform/config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@app/platform/database';
import { openReadModels } from '@app/read-models';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { runningDatabaseUrl } from './connection-file';
import { superviseDatabase, type SupervisedDatabase } from './database-supervisor';

export interface System {
  databaseUrl: string;
  /** Whether this process started the embedded PostgreSQL (and stops it on close). */
  startedEmbedded: boolean;
  /** The embedded server this process started, over TCP (for tools elsewhere); null if it started none. */
  embeddedTcpUrl: string | null;
  store: EventStore;
  readModels: DataSource;
  /** Called when shutting down begins: the database's exit from now on is expected, not restarted. */
  expectStop(): void;
  close(): Promise<void>;
}

export interface OpenOptions {
  log?: (line: string) => void;
  /** Use the database of an `npm start` running on DATA_DIR, if there is one (default true). */
  besideRunning?: boolean;
  /** Restart an embedded PostgreSQL that exits unasked, reporting here (`npm start`; the one-shot commands do not). */
  superviseDatabase?: (line: string) => void;
}

export async function openEventStore(config: AppConfig, databaseUrl: string): Promise<EventStore> {
  if (config.eventStoreUrl) {
    // Loaded only when asked for: the gRPC client is large.
    const { EventStoredbEventStore } = await import('@app/event-store/eventstoredb');
    return EventStoredbEventStore.connect(config.eventStoreUrl);
  }
  return PostgresEventStore.connect(databaseUrl);
}

/** Starts the embedded server of DATA_DIR; a failure says why, from the server's own last words. */
async function startEmbedded(dataDir: string, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const lines: string[] = [];
  try {
    return await startEmbeddedPostgres(join(dataDir, 'postgres'), (line) => {
      lines.push(line);
      log(line);
    });
  } catch (error) {
    const said = lines.filter((l) => /FATAL|ERROR|already exists|Permission denied/i.test(l)).pop();
    if (/postmaster\.pid/.test(said ?? '')) {
      throw new Error(
        `the embedded PostgreSQL of DATA_DIR ${dataDir} is in use by another process that did not record its connection: stop it, or point DATABASE_URL at it`,
        { cause: error },
      );
    }
    throw said
      ? new Error(`the embedded PostgreSQL of DATA_DIR ${dataDir} did not start: ${said.trim()}`, {
          cause: error,
        })
      : error;
  }
}

export async function openSystem(
  config: AppConfig,
  { log = () => {}, besideRunning = true, superviseDatabase: report }: OpenOptions = {},
): Promise<System> {
  let embedded: SupervisedDatabase | null = null;
  let databaseUrl = config.databaseUrl ?? (besideRunning ? runningDatabaseUrl(config.dataDir) : null);
  if (!databaseUrl) {
    const first = await startEmbedded(config.dataDir, log);
    embedded = report
      ? superviseDatabase(first, join(config.dataDir, 'postgres'), report)
      : { url: first.url, tcpUrl: first.tcpUrl, expectStop: () => undefined, stop: first.stop };
    databaseUrl = embedded.url;
  }
  try {
    const store = await openEventStore(config, databaseUrl);
    const readModels = await openReadModels(databaseUrl).catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
    return {
      databaseUrl,
      startedEmbedded: embedded !== null,
      embeddedTcpUrl: embedded?.tcpUrl ?? null,
      store,
      readModels,
      expectStop: () => embedded?.expectStop(),
      close: async () => {
        embedded?.expectStop();
        await store.close();
        await readModels.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

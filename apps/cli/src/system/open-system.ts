// The composition root: the event log, the read models and (unless given) the embedded database.
import type { EventStore } from '@app/event-store/event-store.port';
import { PostgresEventStore } from '@app/event-store/postgres/postgres-event-store';
import type { AppConfig } from '@app/platform/config/app-config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@app/platform/database/embedded-postgres';
import { openReadModels } from '@app/read-models/read-model-data-source';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

export interface System {
  databaseUrl: string;
  store: EventStore;
  readModels: DataSource;
  close(): Promise<void>;
}

export async function openEventStore(config: AppConfig, databaseUrl: string): Promise<EventStore> {
  if (config.eventStoreUrl) {
    // Loaded only when asked for: the gRPC client is large.
    const { EventStoredbEventStore } = await import('@app/event-store/eventstoredb/eventstoredb-event-store');
    return EventStoredbEventStore.connect(config.eventStoreUrl);
  }
  return PostgresEventStore.connect(databaseUrl);
}

export async function openSystem(config: AppConfig, log: (line: string) => void = () => {}): Promise<System> {
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) embedded = await startEmbeddedPostgres(join(config.dataDir, 'postgres'), log);
  const databaseUrl = config.databaseUrl ?? embedded!.url;
  const store = await openEventStore(config, databaseUrl);
  const readModels = await openReadModels(databaseUrl);
  return {
    databaseUrl,
    store,
    readModels,
    close: async () => {
      await store.close();
      await readModels.destroy();
      await embedded?.stop();
    },
  };
}

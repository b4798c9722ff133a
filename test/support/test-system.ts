// The whole system on a fresh database of the embedded test server: api (in-process HTTP
// server), projector and event log, as `npm start` wires them.
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { type EventStore, PostgresEventStore } from '@app/event-store';
import { mintToken, type Role, loadConfig, type AppConfig, type Logger } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import { allProjections, openReadModels } from '@app/read-models';
import { checkOfferValidity, rulebooks } from '@app/rules';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createProjectorApp } from '../../apps/projector/src/create-projector-app';

export interface TestSystem {
  config: AppConfig;
  api: INestApplication;
  http: ReturnType<INestApplication['getHttpServer']>;
  store: EventStore;
  readModels: DataSource;
  databaseUrl: string;
  token(role: Role, municipality: string): string;
  close(): Promise<void>;
}

export interface TestSystemOptions {
  /** Opens the event log; the default is the PostgreSQL log in the test database. */
  openStore?: (databaseUrl: string) => Promise<EventStore>;
  projector?: boolean;
  env?: NodeJS.ProcessEnv;
  clock?: () => Date;
  /** The api's logger; by default the api logs nothing. */
  logger?: Logger;
}

export async function startTestSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  const db: TestDatabase = await createTestDatabase();
  const config = loadConfig({
    AUTH_JWT_SECRET: 'test-secret',
    DATA_DIR: '.test-data',
    MIN_POSITION_WAIT_MS: '3000',
    ...options.env,
  });
  const store = await (options.openStore ?? PostgresEventStore.connect)(db.url);
  const readModels = await openReadModels(db.url);
  let projector: INestApplicationContext | null = null;
  if (options.projector !== false) {
    projector = await createProjectorApp(
      {
        store,
        readModels,
        projections: allProjections(rulebooks),
        idleDelayMs: 5,
        onFailure: (error) => console.error(error),
      },
      { logs: false },
    );
    await projector.init();
  }
  const api = await createApiApp(
    { config, store, readModels, offerValidity: checkOfferValidity, clock: options.clock },
    options.logger ? { logger: options.logger } : { logs: false },
  );
  await api.init();
  return {
    config,
    api,
    http: api.getHttpServer(),
    store,
    readModels,
    databaseUrl: db.url,
    token: (role, municipality) => mintToken({ sub: `test-${role}`, role, municipality }, config.jwtSecret),
    close: async () => {
      await api.close();
      await projector?.close();
      await store.close();
      await readModels.destroy();
      await db.drop();
    },
  };
}

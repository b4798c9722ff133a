import { createTestDatabase, type TestDatabase } from '@app/platform/testing/test-database';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describeEventStoreContract('postgres', () => PostgresEventStore.connect(db.url));

// Idempotency under races with the event log in EventStoreDB (the protocol-level test server;
// with EVENTSTORE_URL set, that server too).
import { EventStoredbEventStore } from '@app/event-store/eventstoredb';
import { startTestServer, type TestServer } from '@app/event-store/testing';
import { describeIdempotencyRaces } from './scenarios/idempotency-races';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describeIdempotencyRaces('EventStoreDB log, test server', () => EventStoredbEventStore.connect(server.url));

const realServer = process.env.EVENTSTORE_URL;
if (realServer)
  describeIdempotencyRaces('EventStoreDB log, EVENTSTORE_URL', () =>
    EventStoredbEventStore.connect(realServer),
  );

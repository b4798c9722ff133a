// The ledger scenarios (scenarios/ledger-scenarios.ts) with the event log in EventStoreDB: api and
// projector talk to the protocol-level test server over gRPC through the real client library
// (the read models stay in PostgreSQL). With EVENTSTORE_URL set they run against that server too.
import { EventStoredbEventStore } from '@app/event-store/eventstoredb';
import { startTestServer, type TestServer } from '@app/event-store/testing';
import { describeLedgerScenarios } from './scenarios/ledger-scenarios';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describeLedgerScenarios('EventStoreDB log, test server', () => EventStoredbEventStore.connect(server.url));

const realServer = process.env.EVENTSTORE_URL;
if (realServer)
  describeLedgerScenarios('EventStoreDB log, EVENTSTORE_URL', () =>
    EventStoredbEventStore.connect(realServer),
  );

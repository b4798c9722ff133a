// The booking-date scenarios (scenarios/booking-date-scenarios.ts) with the event log in EventStoreDB:
// api and projector talk to the protocol-level test server over gRPC through the real client library
// (the read models stay in PostgreSQL).
import { EventStoredbEventStore } from '@app/event-store/eventstoredb';
import { startTestServer, type TestServer } from '@app/event-store/testing';
import { describeBookingDateScenarios } from './scenarios/booking-date-scenarios';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

describeBookingDateScenarios('EventStoreDB log, test server', () =>
  EventStoredbEventStore.connect(server.url),
);

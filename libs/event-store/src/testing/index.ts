// libs/event-store/testing: what tests of any package use: the event store contract and the
// protocol-level EventStoreDB test server.
export * from './event-store.contract';
export * from './esdb-test-server';

// libs/event-store/eventstoredb: apart from the main entry, so the gRPC client loads only when EVENTSTORE_URL asks for it.
export * from './eventstoredb-event-store';

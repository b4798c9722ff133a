// libs/event-store/eventstoredb: the public surface other packages import.
export * from './eventstoredb-event-store';

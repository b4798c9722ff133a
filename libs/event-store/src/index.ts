// libs/event-store: the public surface other packages import.
export * from './event-store.errors';
export * from './event-store.port';
export * from './in-memory/in-memory-event-store';
export * from './migrate-log';
export * from './name-uuid';
export * from './postgres/copy-text';
export * from './postgres/postgres-event-store';
export * from './read-streams';

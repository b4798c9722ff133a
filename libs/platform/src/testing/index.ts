// libs/platform/testing: the public surface other packages import.
export * from './embedded-postgres-process';
export * from './test-database';

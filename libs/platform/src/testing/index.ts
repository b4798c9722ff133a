// libs/platform/testing: test support (test databases on the embedded server), kept out of the main entry.
export * from './embedded-postgres-process';
export * from './test-database';

// libs/platform/database: apart from the main entry, so the CLI's one-shot commands (rebuild) start
// or reach the database without loading the auth guards, logging and metrics.
export * from './embedded-postgres';
export * from './unavailable';

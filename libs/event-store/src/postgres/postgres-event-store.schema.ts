// The append-only event log table. Positions are assigned under one transaction-scoped advisory
// lock, so they become visible strictly in order: a reader of "position > N" can never skip an
// event that commits late with a smaller position (the classic sequence gap problem).
export const EVENT_LOG_SCHEMA = `
CREATE TABLE IF NOT EXISTS event_log (
  position  bigint  PRIMARY KEY,
  id        uuid    NOT NULL UNIQUE,
  stream    text    NOT NULL,
  revision  integer NOT NULL,
  type      text    NOT NULL,
  data      jsonb   NOT NULL,
  metadata  jsonb   NOT NULL,
  CONSTRAINT event_log_stream_revision UNIQUE (stream, revision)
);
`;

/** Arbitrary constant key of the advisory lock that serialises appends. */
export const APPEND_LOCK_KEY = 7_461_001;

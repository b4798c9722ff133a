// The append-only event log table. Positions are assigned under one transaction-scoped advisory
// lock, so they become visible strictly in order: a reader of "position > N" can never skip an
// event that commits late with a smaller position (the classic sequence gap problem).

/** Arbitrary constant key of the advisory lock that serialises appends. */
export const APPEND_LOCK_KEY = 7_461_001;

/**
 * The table, and event_log_append: the common append in one statement. It takes the append
 * lock, checks that every stream in `guards` ([{stream, expected}], -1: no stream) is at its
 * expected revision, and inserts `events` ([{ord, id, stream, revision, type, data, metadata}])
 * at the head + ord; it returns the rows appended, or none when a guard does not hold. Being a
 * function, its statements are planned once per connection, and the statement that calls it
 * sees everything committed before the lock (each statement inside takes a fresh snapshot).
 * event_log_append_state(ids, streams): takes the append lock inside the transaction that called
 * it, then reads (each statement with a fresh snapshot, after the lock) the head position, the
 * stored events with those ids and the streams' current revisions.
 * Run under the same lock, so that processes starting together do not race on the DDL.
 * CREATE OR REPLACE cannot change a function's result type: a new signature needs a new name.
 */
export const EVENT_LOG_SCHEMA = `
SELECT pg_advisory_xact_lock(${APPEND_LOCK_KEY});
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
CREATE OR REPLACE FUNCTION event_log_append(events jsonb, guards jsonb)
  RETURNS TABLE (appended_id uuid, appended_position bigint) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(${APPEND_LOCK_KEY});
  IF EXISTS (
    SELECT 1 FROM jsonb_to_recordset(guards) AS g(stream text, expected integer)
    WHERE coalesce((SELECT max(e.revision) FROM event_log e WHERE e.stream = g.stream), -1) <> g.expected
  ) THEN
    RETURN;
  END IF;
  RETURN QUERY
    INSERT INTO event_log AS l (position, id, stream, revision, type, data, metadata)
    SELECT (SELECT coalesce(max(h.position), 0) FROM event_log h) + v.ord, v.id, v.stream, v.revision, v.type, v.data, v.metadata
    FROM jsonb_to_recordset(events) AS v(ord bigint, id uuid, stream text, revision integer, type text, data jsonb, metadata jsonb)
    RETURNING l.id, l.position;
END
$$;
CREATE OR REPLACE FUNCTION event_log_append_state(ids uuid[], streams text[])
  RETURNS TABLE (head bigint, stored json, revisions json) LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(${APPEND_LOCK_KEY});
  head := (SELECT coalesce(max(h.position), 0) FROM event_log h);
  stored := (SELECT coalesce(json_agg(e), '[]') FROM (
    SELECT s.position::text AS position, s.id, s.stream, s.revision, s.type, s.data, s.metadata
    FROM event_log s WHERE s.id = ANY(ids)) e);
  revisions := (SELECT coalesce(json_object_agg(r.stream, r.revision), '{}') FROM (
    SELECT l.stream, max(l.revision) AS revision FROM event_log l WHERE l.stream = ANY(streams) GROUP BY l.stream) r);
  RETURN NEXT;
END
$$;
`;

// The append-only event log table. Positions are assigned under one transaction-scoped advisory
// lock, so they become visible strictly in order: a reader of "position > N" can never skip an
// event that commits late with a smaller position (the classic sequence gap problem).

/** Arbitrary constant key of the advisory lock that serialises appends. */
export const APPEND_LOCK_KEY = 7_461_001;

/**
 * The table, and event_log_append_guarded: the common append in one statement. It takes the
 * append lock, checks each stream in `guards` ([{stream, expected}], -1: no stream) against its
 * expected revision, and inserts the `events` ([{ord, id, stream, revision, type, data,
 * metadata}]) of the streams whose guard holds, in the order of ord from the head on. It returns
 * the position of the first row inserted (null: none), the current revision of each stream whose
 * guard does not hold (`conflicts`, null: no stream), those streams' events after the expected
 * revision (`newer`: a writer that decided on an older state decides again on them without
 * reading the stream) and those of them whose events carry an id already stored (`retried`). Being a
 * function, its statements are planned once per connection, and the statement that calls it sees
 * everything committed before the lock (each statement inside takes a fresh snapshot). The two
 * queries about refused streams run only when a guard fails: run on every call, even as CASE
 * branches not taken, PostgreSQL would plan them anew each time (a custom plan per call).
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
DROP FUNCTION IF EXISTS event_log_append(jsonb, jsonb);
CREATE OR REPLACE FUNCTION event_log_append_guarded(events jsonb, guards jsonb)
  RETURNS TABLE (first_position bigint, conflicts json, newer json, retried json) LANGUAGE plpgsql AS $$
DECLARE
  failed text[];
  log_head bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(${APPEND_LOCK_KEY});
  SELECT coalesce(array_agg(c.stream), '{}'), json_object_agg(c.stream, c.current)
  INTO failed, conflicts
  FROM (
    SELECT g.stream, (SELECT max(e.revision) FROM event_log e WHERE e.stream = g.stream) AS current, g.expected
    FROM jsonb_to_recordset(guards) AS g(stream text, expected integer)
  ) c
  WHERE coalesce(c.current, -1) <> c.expected;
  log_head := (SELECT coalesce(max(h.position), 0) FROM event_log h);
  INSERT INTO event_log (position, id, stream, revision, type, data, metadata)
    SELECT log_head + row_number() OVER (ORDER BY v.ord),
      v.id, v.stream, v.revision, v.type, v.data, v.metadata
    FROM jsonb_to_recordset(events) AS v(ord bigint, id uuid, stream text, revision integer, type text, data jsonb, metadata jsonb)
    WHERE v.stream <> ALL (failed);
  first_position := CASE WHEN FOUND THEN log_head + 1 END;
  IF cardinality(failed) > 0 THEN
    newer := (SELECT json_agg(n ORDER BY n.stream, n.revision) FROM (
      SELECT s.position::text AS position, s.id, s.stream, s.revision, s.type, s.data, s.metadata
      FROM jsonb_to_recordset(guards) AS g(stream text, expected integer)
      JOIN event_log s ON s.stream = g.stream AND s.revision > g.expected
      WHERE g.stream = ANY (failed)) n);
    retried := (SELECT json_agg(DISTINCT v.stream)
      FROM jsonb_to_recordset(events) AS v(id uuid, stream text)
      WHERE v.stream = ANY (failed) AND EXISTS (SELECT 1 FROM event_log s WHERE s.id = v.id));
  END IF;
  RETURN NEXT;
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

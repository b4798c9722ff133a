/**
 * What the command handler stores next to each event's data (documentation of the contract
 * between api, event store and projections; the domain itself never reads it):
 * - the event id is the command id (suffixed by the event's index when a command yields more
 *   than one event), so a retried command appends nothing twice;
 * - the recorded time is the instant the handler injected as `DecisionContext.now`.
 */
export interface EventMetadata {
  /** The command that caused the event. */
  commandId: string;
  /** CommandType of API.md, e.g. 'RegisterOffer'. */
  commandType: string;
  /** Recorded time, ISO 8601 UTC instant. */
  recordedAt: string;
  /** Who sent the command: the JWT `sub` and `role`. */
  actor: { sub: string; role: string };
  /** Kommunekode the stream belongs to. */
  municipality: string;
  /** Optional tracing ids. */
  correlationId?: string;
  causationId?: string;
}

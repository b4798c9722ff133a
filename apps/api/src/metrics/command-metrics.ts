// Counts the commands of POST /v1/commands/{type} and of batches (item by item) by type and
// status into `ledger_commands_total`. Requests refused before the controller (401, 415, an
// unreadable body) are not commands yet: they show in `http_request_duration_seconds` by route
// and status. Counted when the answer is done rather than by a Nest interceptor, which would
// cost every command an rxjs pipeline and async context bindings.
import { COMMAND_TYPES } from '@app/domain';
import type { Metrics } from '@app/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';

const KNOWN_TYPES = new Set<string>(COMMAND_TYPES);
const SINGLE_COMMAND_ROUTE = '/v1/commands/:type';

/** The type label: a known command type, else "unknown" (the label's values stay few). */
function typeLabel(type: unknown): string {
  return typeof type === 'string' && KNOWN_TYPES.has(type) ? type : 'unknown';
}

/** A single command, once answered: counted when it passed authentication (the guard named its principal). */
export function countSingleCommand(
  metrics: Metrics,
  route: string,
  req: FastifyRequest,
  reply: FastifyReply,
): void {
  if (route !== SINGLE_COMMAND_ROUTE || req.method !== 'POST') return;
  if ((req as { principal?: unknown }).principal === undefined) return;
  const type = (req.params as { type?: unknown }).type;
  metrics.commands.inc({ type: typeLabel(type), status: String(reply.statusCode) });
}

/** A batch's items, by their own types and statuses: each pair of them counted once, by how many items have it. */
export function countBatchItems(
  metrics: Metrics,
  items: { type: unknown }[],
  results: { status: number }[],
): void {
  const counts = new Map<string, Map<number, number>>();
  results.forEach(({ status }, i) => {
    const type = typeLabel(items[i]?.type);
    let byStatus = counts.get(type);
    if (!byStatus) counts.set(type, (byStatus = new Map()));
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  });
  for (const [type, byStatus] of counts)
    for (const [status, count] of byStatus) metrics.commands.inc({ type, status: String(status) }, count);
}

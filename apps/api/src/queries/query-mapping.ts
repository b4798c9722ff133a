// How the read endpoints read their query string and Accept header: the instant they answer at, the
// ledger filter, the format asked for, and a download's headers.
import type { FastifyReply } from 'fastify';
import type { AsOfQuery, LedgerFilterQuery } from './query-params.dto';

/** The recorded instant a read answers at: `?asOf=` as given (to the digit the store keeps), or now. */
export const asOfOf = (q: AsOfQuery): string => q.asOf ?? new Date().toISOString();

/** An instant of the query string in UTC, as the answers that show it show it; `fallback` (default now) when absent. */
export const utcInstantOf = (value: string | undefined, fallback = new Date().toISOString()): string =>
  value ? new Date(value).toISOString() : fallback;

/** The ledger filter of a query string: its fields, in the municipality, as of its instant. */
export const ledgerFilterOf = <Q extends LedgerFilterQuery>(m: string, q: Q) => ({
  ...q,
  municipality: m,
  asOf: asOfOf(q),
});

/**
 * The format an answer is asked in: `?format=` first, else the first of `offered` whose media type
 * the Accept header names, else `fallback`.
 */
export function formatOf<F extends string>(
  format: F | undefined,
  accept: string | undefined,
  offered: Partial<Record<F, string>>,
  fallback: F,
): F {
  if (format) return format;
  const named = (Object.keys(offered) as F[]).find((f) => accept?.includes(offered[f]!));
  return named ?? fallback;
}

/** Answers with a file of the media type `type` to save as `filename`. */
export function sendAsFile(reply: FastifyReply, type: string, filename: string): void {
  reply.header('content-type', type);
  reply.header('content-disposition', `attachment; filename="${filename}"`);
}

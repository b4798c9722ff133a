// PostgreSQL's COPY text format, for the bulk writes of the event log and of the read models:
// tab between columns, newline between rows, \N for null, and backslash, tab, newline and
// carriage return escaped with a backslash. Values are converted by the columns' own input
// functions, as an INSERT would convert them.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
export const escapeCopy = (s: string) => (SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : s);

const BACKSLASHES = /\\/g;
/** JSON.stringify's text in COPY form: it writes tabs, newlines and carriage returns escaped, so only its backslashes need escaping. */
const copyJson = (json: string) => (json.includes('\\') ? json.replace(BACKSLASHES, '\\\\') : json);

/** One value in COPY text form: json(b) columns take JSON text, the others the value's text. */
export function copyValue(value: unknown, json: boolean): string {
  if (value === null || value === undefined) return '\\N';
  if (json) return copyJson(JSON.stringify(value));
  if (typeof value === 'string') return escapeCopy(value);
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  return copyJson(JSON.stringify(value));
}

/** Runs `COPY … FROM STDIN` with its whole input (lines in COPY text form, each ending in a newline). */
export async function copyIn(client: PoolClient, copy: string, payload: Buffer): Promise<void> {
  await pipeline(Readable.from([payload]), client.query(copyFrom(copy)));
}

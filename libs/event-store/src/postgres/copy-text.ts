// PostgreSQL's COPY text format, for the bulk writes of the event log and of the read models:
// tab between columns, newline between rows, \N for null, and backslash, tab, newline and
// carriage return escaped with a backslash. Values are converted by the columns' own input
// functions, as an INSERT would convert them.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
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

/**
 * Runs `COPY … FROM STDIN` with its whole input (lines in COPY text form, each ending in a
 * newline), given as one buffer or as chunks of whole lines: each chunk is a message of its own,
 * which the database takes in while the next ones are still on their way.
 */
export function copyIn(client: PoolClient, copy: string, payload: Buffer | readonly Buffer[]): Promise<void> {
  const chunks = Buffer.isBuffer(payload) ? [payload] : payload;
  const stream = client.query(copyFrom(copy));
  // Written to the COPY's stream directly: a stream pipeline costs more CPU than a COPY of a few rows.
  return new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.once('finish', resolve);
    let next = 0;
    const writeOn = (): void => {
      while (next < chunks.length)
        if (!stream.write(chunks[next++])) return void stream.once('drain', writeOn);
      stream.end();
    };
    writeOn();
  });
}

/** Lines are sent in chunks of about this many characters: one message, not one per line. */
const CHUNK = 64 * 1024;

/**
 * A `COPY … FROM STDIN` fed while its lines are still being made: the database takes in each
 * chunk while the next is made. A COPY the database refused throws what it reported, from the
 * next add() or from end().
 */
export class CopyIn {
  private readonly stream: Writable;
  private readonly closed: Promise<void>;
  private pending = '';
  /** What the database reported (the stream emits it without being destroyed). */
  private failure: Error | null = null;
  private settled = false;

  constructor(client: PoolClient, copy: string) {
    this.stream = client.query(copyFrom(copy));
    this.stream.on('error', (error: Error) => (this.failure ??= error));
    this.closed = finished(this.stream).finally(() => (this.settled = true));
    this.closed.catch(() => undefined); // awaited by end() or abort()
  }

  /** Lines in COPY text form, each ending in a newline. */
  async add(lines: string): Promise<void> {
    this.pending += lines;
    if (this.pending.length >= CHUNK) await this.flush();
  }

  /** Sends the last lines and ends the COPY; resolves once the database has taken them all. */
  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.closed;
  }

  /** Cancels the COPY (the database drops what it took); resolves once the connection is free again. */
  async abort(): Promise<void> {
    if (!this.failure && !this.settled) this.stream.destroy();
    await this.closed.catch(() => undefined);
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pending.length === 0) return;
    const chunk = this.pending;
    this.pending = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}

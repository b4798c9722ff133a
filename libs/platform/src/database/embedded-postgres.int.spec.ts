// The embedded server as `npm start` uses it, on real data folders: a DATA_DIR made beforehand
// with mode 0700 (as `mktemp -d` makes it, and as root when the tests run as root), a random
// password per folder, a folder from before passwords were random, a restart after kill -9.
// Each server runs in a child process (jest cannot load the package's ES module).
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import {
  startEmbeddedPostgresProcess as startEmbeddedPostgres,
  type EmbeddedPostgresProcess,
} from '../testing/embedded-postgres-process';

let dataDir: string;
let db: EmbeddedPostgresProcess | null = null;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'embedded-pg-'));
});
afterAll(async () => {
  await db?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const serverDir = () => join(dataDir, 'postgres');
const withPassword = (url: string, password: string) => url.replace(/:[^:@/]+@/, `:${password}@`);

async function connects(url: string): Promise<true | string> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

it('starts in a DATA_DIR of mode 0700 with a random owner-only password, and refuses the old constant one', async () => {
  expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  db = await startEmbeddedPostgres(serverDir());
  expect(await connects(db.url)).toBe(true);
  const passwordFile = join(serverDir(), 'password');
  const password = readFileSync(passwordFile, 'utf8').trim();
  expect(password).toHaveLength(32);
  expect(db.url).toContain(`:${password}@`);
  expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
  expect(await connects(withPassword(db.url, 'postgres'))).toBe('28P01');
});

it('a folder made before passwords were random keeps working and gets a password of its own', async () => {
  const admin = new Client({ connectionString: db!.url });
  await admin.connect();
  await admin.query(`ALTER ROLE postgres PASSWORD 'postgres'`);
  await admin.end();
  await db!.stop();
  unlinkSync(join(serverDir(), 'password'));

  db = await startEmbeddedPostgres(serverDir());
  expect(await connects(db.url)).toBe(true);
  expect(db.url).not.toContain(':postgres@');
  expect(await connects(withPassword(db.url, 'postgres'))).toBe('28P01');
});

/** How the connection of `url` reached the server: its client address (null: through a Unix socket). */
async function clientAddress(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (
      await client.query<{ a: string | null }>(
        'SELECT host(client_addr) AS a FROM pg_stat_activity WHERE pid = pg_backend_pid()',
      )
    ).rows[0].a;
  } finally {
    await client.end();
  }
}

it('clients on this machine reach it through its Unix socket in the cluster folder, tools elsewhere over TCP', async () => {
  expect(db!.url).toContain(`@${encodeURIComponent(join(serverDir(), 'pg'))}:${db!.port}/postgres`);
  expect(await clientAddress(db!.url)).toBeNull();
  expect(db!.tcpUrl).toMatch(/@127\.0\.0\.1:\d+\/postgres$/);
  expect(await clientAddress(db!.tcpUrl)).toBe('127.0.0.1');
});

it('a folder whose socket path would be too long for the operating system is reached over TCP', async () => {
  const deep = join(dataDir, 'd'.repeat(100), 'postgres');
  const other = await startEmbeddedPostgres(deep);
  try {
    expect(other.url).toBe(other.tcpUrl);
    expect(await clientAddress(other.url)).toBe('127.0.0.1');
  } finally {
    await other.stop();
  }
});

it('restarted on the same port after kill -9, a pool of before reconnects by itself', async () => {
  const pool = new Pool({ connectionString: db!.url, max: 2 });
  pool.on('error', () => undefined);
  try {
    await pool.query('CREATE TABLE IF NOT EXISTS kept (n int)');
    await pool.query('INSERT INTO kept VALUES (1)');
    process.kill(db!.pid, 'SIGKILL');
    await db!.exited;
    await expect(pool.query('SELECT 1')).rejects.toThrow();

    db = await startEmbeddedPostgres(serverDir(), db!.port);
    const rows = (await pool.query('SELECT count(*)::int AS n FROM kept')).rows;
    expect(rows).toEqual([{ n: 1 }]);
  } finally {
    await pool.end();
  }
});

// `npm start` that cannot start says why in one sentence naming the variable to change, and
// exits 1 — no stack trace, nothing left running.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { freePort } from '@app/platform';
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';

const root = join(__dirname, '../..');

function start(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/cli/src/main.ts', 'start'], {
    cwd: root,
    env: {
      ...process.env,
      AUTH_JWT_SECRET: 'start-errors',
      DATABASE_URL: '',
      EVENTSTORE_URL: '',
      LOG_REQUESTS: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

let db: TestDatabase;
let occupied: Server;
let occupiedPort: number;
beforeAll(async () => {
  db = await createTestDatabase();
  occupiedPort = await freePort();
  occupied = createServer();
  await new Promise<void>((resolve) => occupied.listen(occupiedPort, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => occupied.close(resolve));
  await db.drop();
});

it.each<[string, () => NodeJS.ProcessEnv, () => string]>([
  [
    'PORT in use',
    () => ({ DATABASE_URL: db.url, PORT: String(occupiedPort) }),
    () => `error: the port ${occupiedPort} is in use by another program: choose another with PORT`,
  ],
  [
    'DATABASE_URL not a URL',
    () => ({ DATABASE_URL: 'not-a-url' }),
    () =>
      'error: DATABASE_URL must be a postgres://user:password@host:port/database connection string, got "not-a-url"',
  ],
  [
    'DATABASE_URL unreachable',
    () => ({ DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x' }),
    () =>
      'error: nothing answers at 127.0.0.1:1 (connection refused): is the server running, and are DATABASE_URL / EVENTSTORE_URL right?',
  ],
  [
    'DATA_DIR not writable',
    () => ({ DATA_DIR: '/dev/null/data' }),
    () =>
      'error: DATA_DIR /dev/null/data is not writable (ENOTDIR): choose another DATA_DIR or make it writable',
  ],
])('%s: one sentence naming the variable, exit 1', async (_name, env, sentence) => {
  const { code, stderr } = await start(env());
  expect(code).toBe(1);
  const lines = stderr.trim().split('\n');
  expect(lines[lines.length - 1]).toBe(sentence());
  expect(stderr).not.toMatch(/^\s+at /m);
});

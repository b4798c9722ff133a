// `npm start` as a user runs it, for the end-to-end tests: the compiled system on an embedded
// PostgreSQL of its own, with a fresh DATA_DIR under the checkout (as root the server runs as a
// user of its own, which may not enter a private mkdtemp folder) and a free port.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@app/platform';

export const root = join(__dirname, '../..');

/** Resolves once `check` holds, asking every 250 ms; rejects after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface NpmStart {
  child: ChildProcess;
  /** The api's address, http://127.0.0.1:<port>. */
  url: string;
  dataDir: string;
  /** The environment it runs with (the CLI beside it is given the same). */
  env: NodeJS.ProcessEnv;
  /** What it has written so far. */
  output: { stdout: string; stderr: string };
  /** Its exit code, once it has exited. */
  exited: Promise<number | null>;
  /** Ctrl-C in its terminal: SIGINT to its whole process group, the database server included. */
  ctrlC(): void;
}

/** Starts `npm start` in a process group of its own, its data in .test-data/<name>-<random>. */
export async function npmStart(name: string, secret: string): Promise<NpmStart> {
  const dataDir = join(root, '.test-data', `${name}-${randomUUID().slice(0, 8)}`);
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    AUTH_JWT_SECRET: secret,
    LOG_REQUESTS: '0',
  };
  delete env.DATABASE_URL;
  delete env.EVENTSTORE_URL;
  const child = spawn('npm', ['start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ctrlC = () => process.kill(-child.pid!, 'SIGINT');
  return { child, url: `http://127.0.0.1:${port}`, dataDir, env, output, exited, ctrlC };
}

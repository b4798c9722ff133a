// Starts an embedded PostgreSQL in a child process (see embedded-postgres.main.ts) and hands
// back its address and the server's process id, so that a test can stop it or kill -9 it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface EmbeddedPostgresProcess {
  url: string;
  tcpUrl: string;
  port: number;
  /** The PostgreSQL server's (postmaster's) process id. */
  pid: number;
  /** Settles when the helper process has exited (after the server stopped or died). */
  exited: Promise<void>;
  /** Stops the server cleanly. */
  stop(): Promise<void>;
}

export async function startEmbeddedPostgresProcess(
  dir: string,
  port?: number,
): Promise<EmbeddedPostgresProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      join(__dirname, 'embedded-postgres.main.ts'),
      dir,
      ...(port ? [String(port)] : []),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const ready = await new Promise<{ url: string; tcpUrl: string; port: number; pid: number }>(
    (resolve, reject) => {
      let stdout = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve(JSON.parse(stdout.split('\n')[0]));
      });
      void exited.then(() => reject(new Error(`the embedded PostgreSQL did not start: ${stderr.trim()}`)));
    },
  );
  return {
    ...ready,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

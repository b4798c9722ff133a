// With OTEL_TRACES_EXPORTER=console the api traces its HTTP requests and its PostgreSQL queries
// (the instrumentations wrap http and pg because the command line starts the SDK first).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@app/platform';
import { createTestDatabase } from '@app/platform/testing';

it('start --only api with OTEL_TRACES_EXPORTER=console prints spans of an HTTP request and of pg queries', async () => {
  const db = await createTestDatabase();
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: db.url,
    PORT: String(port),
    AUTH_JWT_SECRET: 'tracing-secret-of-thirty-two-chars',
    OTEL_TRACES_EXPORTER: 'console',
    OTEL_SERVICE_NAME: 'tracing-e2e',
    LOG_LEVEL: 'warn',
  };
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, '../../apps/cli/src/main.ts'), 'start', '--only', 'api'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const deadline = Date.now() + 60_000;
    while ((await fetch(`http://127.0.0.1:${port}/health`).catch(() => null))?.status !== 200) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`the api did not answer:\n${stdout}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // The batch span processor exports within seconds.
    for (let i = 0; i < 40 && !/kind: 1,/.test(stdout); i++) await new Promise((r) => setTimeout(r, 250));
  } finally {
    child.kill('SIGINT');
    await exited;
    await db.drop();
  }
  expect(stdout).toMatch(/name: 'pg\.query:[A-Z]+ /);
  expect(stdout).toMatch(/'http\.method': 'GET'|'http\.request\.method': 'GET'/);
  expect(stdout).toMatch(/kind: 1,/); // a server span
  expect(stdout).toContain("'service.name': 'tracing-e2e'");
}, 90_000);

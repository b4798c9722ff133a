// The one-sentence causes of the failures an operator meets, from the real clients' real errors:
// PostgreSQL not answering, EventStoreDB not answering (gRPC codes are numbers), and a rejection
// without any reason. (The data folder's server in use: test/e2e/cli-beside-npm-start.e2e.spec.ts.)
import { EventStoredbEventStore } from '@app/event-store/eventstoredb';
import { freePort } from '@app/platform';
import { Client } from 'pg';
import { describeError } from './cli-error';
import { runCli } from './program';

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('it did not fail');
}

it('names the address PostgreSQL does not answer at', async () => {
  const port = await freePort();
  const error = await failure(() =>
    new Client({ connectionString: `postgres://u:p@127.0.0.1:${port}/db` }).connect(),
  );
  expect(describeError(error)).toBe(
    `nothing answers at 127.0.0.1:${port} (connection refused): is the server running, and are DATABASE_URL / EVENTSTORE_URL right?`,
  );
});

it('says EventStoreDB is unreachable when the client reports gRPC code 14; a command that fails so exits 1 with one line', async () => {
  const port = await freePort();
  const url = `esdb://127.0.0.1:${port}?tls=false`;
  const error = await failure(() => EventStoredbEventStore.connect(url));
  expect(describeError(error)).toMatch(
    new RegExp(
      `^EventStoreDB is unreachable \\(No connection established\\. Last error: Error: connect ECONNREFUSED 127\\.0\\.0\\.1:${port}\\): check EVENTSTORE_URL and that the server runs$`,
    ),
  );

  let err = '';
  const code = await runCli(
    ['migrate-log', '--from', `postgres://u:p@127.0.0.1:${await freePort()}/db`, '--to', url],
    { out: () => undefined, err: (t) => void (err += t) },
    {},
  );
  expect(code).toBe(1);
  expect(err).toMatch(/^error: nothing answers at 127\.0\.0\.1:\d+ \(connection refused\)[^\n]*\n$/);
});

it('says something for a rejection without a reason and for values that are not errors', () => {
  expect(describeError(undefined)).toMatch(/^the operation failed without saying why/);
  expect(describeError('plain words')).toBe('plain words');
  expect(describeError(new Error('first line\nsecond line'))).toBe('first line');
});

// `npm run bench -- commands`: the api over HTTP on an embedded PostgreSQL (autocannon):
// single commands at concurrency 1, 8 and 32, then batch import events/s. Prints the figures.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mintToken } from '@app/platform/auth/principal';
import { loadConfig } from '@app/platform/config/app-config';
import { startEmbeddedPostgres } from '@app/platform/database/embedded-postgres';
import { PostgresEventStore } from '@app/event-store/postgres/postgres-event-store';
import { openReadModels } from '@app/read-models/read-model-data-source';
import { checkOfferValidity } from '@app/rules';
import autocannon from 'autocannon';
import { createApiApp } from '../apps/api/src/create-api-app';

const DIR = '.bench-data/commands';

export async function main(): Promise<void> {
  rmSync(DIR, { recursive: true, force: true });
  process.env.LOG_REQUESTS = '0';
  const db = await startEmbeddedPostgres(DIR);
  const config = loadConfig({ AUTH_JWT_SECRET: 'bench', DATA_DIR: DIR });
  const store = await PostgresEventStore.connect(db.url, 20);
  const readModels = await openReadModels(db.url);
  const api = await createApiApp({ config, store, readModels, offerValidity: checkOfferValidity }, { logs: false });
  await api.listen(0, '127.0.0.1');
  const url = await api.getUrl();
  const token = mintToken({ sub: 'bench', role: 'jobcentre', municipality: '101' }, config.jwtSecret);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const command = () =>
    JSON.stringify({ commandId: randomUUID(), municipality: '101', personId: `p-${randomUUID().slice(0, 8)}`, targetGroup: 'jobafklaring', effectiveFrom: '2025-01-01' });

  for (const connections of [1, 8, 32]) {
    const result = await autocannon({
      url: `${url}/v1/commands/ChangeTargetGroup`,
      connections,
      duration: 10,
      requests: [{ method: 'POST', headers, setupRequest: (req: object) => ({ ...req, body: command() }) }],
    });
    console.log(
      `single commands, concurrency ${connections}: ${Math.round(result.requests.average)} commands/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
    );
  }

  const batches = 20;
  const perBatch = 1000;
  const started = process.hrtime.bigint();
  for (let b = 0; b < batches; b++) {
    const commands = Array.from({ length: perBatch }, () => ({ type: 'ChangeTargetGroup', ...JSON.parse(command()) }));
    const res = await fetch(`${url}/v1/commands`, { method: 'POST', headers, body: JSON.stringify({ commands }) });
    if (res.status !== 200) throw new Error(`batch answered ${res.status}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`batch import: ${batches} × ${perBatch} commands in ${seconds.toFixed(2)} s = ${Math.round((batches * perBatch) / seconds)} events/s, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);

  await api.close();
  await store.close();
  await readModels.destroy();
  await db.stop();
  rmSync(DIR, { recursive: true, force: true });
}

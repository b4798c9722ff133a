// `npm run bench -- commands`: the running system (a child process on its own embedded
// PostgreSQL) driven over HTTP by autocannon: single commands at concurrency 1, 8 and 32, then
// batch import. Prints commands/s, p50/p99 latency, events/s and the api process's resident memory.
import { randomUUID } from 'node:crypto';
import { mintToken } from '@app/platform';
import autocannon from 'autocannon';
import { startRunningSystem } from './support/running-system';

export async function main(): Promise<void> {
  const system = await startRunningSystem('.bench-data/commands');
  const token = mintToken({ sub: 'bench', role: 'jobcentre', municipality: '101' }, system.secret);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const command = () => ({
    commandId: randomUUID(),
    municipality: '101',
    personId: `p-${randomUUID().slice(0, 8)}`,
    targetGroup: 'jobafklaring',
    effectiveFrom: '2025-01-01',
  });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, system.rssMiB())), 200);

  const drive = (connections: number, duration: number) =>
    autocannon({
      url: `${system.url}/v1/commands/ChangeTargetGroup`,
      connections,
      duration,
      requests: [
        { method: 'POST', headers, setupRequest: (req) => ({ ...req, body: JSON.stringify(command()) }) },
      ],
    });
  // A few seconds of load first, not reported: the figures are those of a warmed-up process.
  await drive(8, 3);
  for (const connections of [1, 8, 32]) {
    const result = await drive(connections, 10);
    console.log(
      `single commands, concurrency ${connections}: ${Math.round(result.requests.average)} commands/s, ` +
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
    );
  }

  const batches = 20;
  const perBatch = 1000;
  const started = process.hrtime.bigint();
  for (let b = 0; b < batches; b++) {
    const commands = Array.from({ length: perBatch }, () => ({ type: 'ChangeTargetGroup', ...command() }));
    const res = await fetch(`${system.url}/v1/commands`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ commands }),
    });
    if (res.status !== 200) throw new Error(`batch answered ${res.status}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `batch import: ${batches} × ${perBatch} commands in ${seconds.toFixed(2)} s = ${Math.round((batches * perBatch) / seconds)} events/s`,
  );
  const caughtUp = Date.now();
  const projecting = !/--only\s+api/.test(process.env.BENCH_START_ARGS ?? '');
  let behind = projecting ? Infinity : 0;
  while (behind > 0 && Date.now() - caughtUp < 120_000) {
    behind = (
      (await (await fetch(`${system.url}/health`)).json()) as { projection: { eventsBehind: number } }
    ).projection.eventsBehind;
    if (behind > 0) await new Promise((r) => setTimeout(r, 100));
  }
  if (projecting)
    console.log(
      `projector caught up ${((Date.now() - caughtUp) / 1000).toFixed(1)} s after the last batch (events behind: ${behind})`,
    );
  clearInterval(sampler);
  console.log(
    `api process resident memory: peak ${Math.round(peakRss)} MiB (${projecting ? 'the projector runs in a child process of its own' : 'no projector'})`,
  );
  await system.stop();
}

// `npm run bench -- commands`: the running system (a child process on its own embedded
// PostgreSQL) driven over HTTP by autocannon: single commands at concurrency 1, 8 and 32, then
// batch import. Prints commands/s, p50/p99 latency, events/s, the api process's CPU time per
// command (less disturbed than the rates when other work shares the machine) and its resident memory.
import { commandLoad } from './support/command-load';
import { startRunningSystem, type RunningSystem } from './support/running-system';

/** CPU used from now on by the api, the projector and the database, per command, as printed. */
function cpuUse(system: RunningSystem) {
  const api = system.cpuSeconds();
  const { projector, database } = system.childCpuSeconds();
  const perCommand = (seconds: number, count: number) => Math.round((seconds * 1e6) / count);
  return {
    perCommand: (count: number) => {
      const now = system.childCpuSeconds();
      return (
        `api CPU ${perCommand(system.cpuSeconds() - api, count)} µs/command ` +
        `(projector ${perCommand(now.projector - projector, count)}, database ${perCommand(now.database - database, count)})`
      );
    },
  };
}

/** Waits until the projector has applied the whole log (at most `ms`): the events still behind. */
async function projectorCaughtUp(system: RunningSystem, ms: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const behind = (
      (await (await fetch(`${system.url}/health`)).json()) as { projection: { eventsBehind: number } }
    ).projection.eventsBehind;
    if (behind === 0 || Date.now() - started > ms) return behind;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function main(): Promise<void> {
  const system = await startRunningSystem('.bench-data/commands');
  const load = commandLoad(system);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, system.rssMiB())), 200);
  const projecting = !/--only\s+api/.test(process.env.BENCH_START_ARGS ?? '');

  // A few seconds of load first, not reported: the figures are those of a warmed-up process,
  // with its projector running (on a busy machine the projector child can take longer to start
  // than the api, and would otherwise catch up on the warm-up during the first figures).
  await load.single(8, 3);
  if (projecting) await projectorCaughtUp(system, 120_000);
  for (const connections of [1, 8, 32]) {
    const cpu = cpuUse(system);
    const result = await load.single(connections, 10);
    console.log(
      `single commands, concurrency ${connections}: ${Math.round(result.requests.average)} commands/s, ` +
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, ` +
        cpu.perCommand(result.requests.total),
    );
  }

  const batches = 20;
  const perBatch = 1000;
  const cpu = cpuUse(system);
  const seconds = await load.batches(batches, perBatch);
  console.log(
    `batch import: ${batches} × ${perBatch} commands in ${seconds.toFixed(2)} s = ${Math.round((batches * perBatch) / seconds)} events/s, ` +
      cpu.perCommand(batches * perBatch),
  );
  if (projecting) {
    const lastBatch = Date.now();
    const behind = await projectorCaughtUp(system, 120_000);
    console.log(
      `projector caught up ${((Date.now() - lastBatch) / 1000).toFixed(1)} s after the last batch (events behind: ${behind})`,
    );
  }
  clearInterval(sampler);
  console.log(
    `api process resident memory: peak ${Math.round(peakRss)} MiB (${projecting ? 'the projector runs in a child process of its own' : 'no projector'})`,
  );
  await system.stop();
}

// `rebuild` of the built cli as operators run it, in a process of its own (BENCH_NODE_ARGS adds
// node options to it, e.g. --cpu-prof), whose resident memory is sampled from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `rebuild` of the built cli against the database: wall time and the process's peak resident memory. `quiet`: its output is dropped. */
export function runRebuild(url: string, quiet = false): Promise<{ seconds: number; peakRssMiB: number }> {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [...nodeArgs, join(__dirname, '../../dist/apps/cli/src/main.js'), 'rebuild'],
    {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'],
    },
  );
  let peakRssMiB = 0;
  const sampler = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      peakRssMiB = Math.max(peakRssMiB, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    } catch {
      // the process has just exited
    }
  }, 100);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      clearInterval(sampler);
      if (code === 0) resolve({ seconds: (Date.now() - started) / 1000, peakRssMiB });
      else reject(new Error(`rebuild exited with ${code}`));
    });
  });
}

// `rebuild` of the built cli as operators run it, in a process of its own (BENCH_NODE_ARGS adds
// node options to it, e.g. --cpu-prof), whose resident memory and CPU time are sampled from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Clock ticks a second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The user and system CPU seconds of a process so far, from /proc/<pid>/stat (fields 14 and 15, after the command's parentheses). */
function cpuSecondsOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * `rebuild` of the built cli against the database: wall time, the process's peak resident memory and its CPU
 * time (as last sampled, at most 0.1 s before its exit). `quiet`: its output is dropped.
 */
export function runRebuild(
  url: string,
  quiet = false,
): Promise<{ seconds: number; peakRssMiB: number; cpuSeconds: number }> {
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
  let cpuSeconds = 0;
  const sampler = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      peakRssMiB = Math.max(peakRssMiB, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      cpuSeconds = cpuSecondsOf(readFileSync(`/proc/${child.pid}/stat`, 'utf8'));
    } catch {
      // the process has just exited
    }
  }, 100);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      clearInterval(sampler);
      if (code === 0) resolve({ seconds: (Date.now() - started) / 1000, peakRssMiB, cpuSeconds });
      else reject(new Error(`rebuild exited with ${code}`));
    });
  });
}

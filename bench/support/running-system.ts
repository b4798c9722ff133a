// Starts the whole system (`npm start`'s compiled code) as a child process on an embedded PostgreSQL of
// its own, so that a benchmark drives it over HTTP from another process, as a client would.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@app/platform';

export interface RunningSystem {
  url: string;
  secret: string;
  /** The system's process id (its embedded PostgreSQL runs beneath it). */
  pid: number;
  /** Resident memory of the system's process, in MiB. */
  rssMiB(): number;
  /** CPU seconds (user and system) the system's process has used so far (not its children: database, projector). */
  cpuSeconds(): number;
  /**
   * CPU seconds so far of the processes beneath it: the projector's and the database's (every
   * server process alive, and those that exited: a backend whose pool closed its connection).
   */
  childCpuSeconds(): { projector: number; database: number };
  stop(): Promise<void>;
}

/**
 * CPU seconds (user and system) of a live process, with `reaped` those of its children that
 * exited and were waited for; 0 once it is gone.
 */
function cpuSecondsOf(pid: number, reaped = false): number {
  try {
    // Fields 14-17 of /proc/PID/stat (after the parenthesised name): utime, stime, cutime and cstime in clock ticks (USER_HZ, 100 on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const own = Number(fields[11]) + Number(fields[12]);
    return (reaped ? own + Number(fields[13]) + Number(fields[14]) : own) / 100;
  } catch {
    return 0;
  }
}

/** Every live process beneath `pid` (children of each of its threads, recursively). */
function descendantsOf(pid: number): number[] {
  const found: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return found;
  }
  for (const task of tasks) {
    let children = '';
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8');
    } catch {
      continue;
    }
    for (const child of children.split(' ').filter(Boolean).map(Number))
      found.push(child, ...descendantsOf(child));
  }
  return found;
}

/**
 * `BENCH_NODE_ARGS` adds node options to the system's process (for example
 * `--cpu-prof --cpu-prof-dir=.bench-data/prof`), `BENCH_START_ARGS` arguments to `start`
 * (for example `--only api`, to measure the api without the projector beside it).
 * `BENCH_REQUEST_LOGS=1` keeps the request log on (as `npm start` has it), read from a pipe.
 * `env` adds variables (DATABASE_URL: a server of the caller's instead of an embedded one of its own).
 */
export async function startRunningSystem(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningSystem> {
  rmSync(dataDir, { recursive: true, force: true });
  const port = await freePort();
  const secret = 'bench-secret';
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const startArgs = (process.env.BENCH_START_ARGS ?? '').split(' ').filter(Boolean);
  const requestLogs = process.env.BENCH_REQUEST_LOGS === '1';
  const main = join(__dirname, '../../dist/apps/cli/src/main.js'); // built by `npm run bench`, as `npm start` builds it
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, main, 'start', ...startArgs], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      AUTH_JWT_SECRET: secret,
      LOG_REQUESTS: requestLogs ? '1' : '0',
      ...env,
    },
    stdio: ['ignore', requestLogs ? 'pipe' : 'ignore', 'inherit'],
  });
  child.stdout?.resume();
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error('the system did not become healthy within 60 s');
    const healthy = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    secret,
    pid: child.pid!,
    rssMiB: () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    childCpuSeconds: () => {
      const used = { projector: 0, database: 0 };
      for (const pid of descendantsOf(child.pid!)) {
        // A server's backends are the postmaster's children: it reaps those that exit.
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('postgres'))
          used.database += cpuSecondsOf(pid, true);
        else used.projector += cpuSecondsOf(pid);
      }
      return used;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGINT');
      }),
  };
}

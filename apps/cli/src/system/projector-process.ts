// `npm start` runs the projector workers as child processes of their own (the api and the
// projector then use both cores instead of sharing one event loop), one per PROJECTOR_WORKERS,
// each owning its share of the municipalities, and restarts one when it stops unasked — after a
// failed batch, or after a rebuild moved its checkpoint — from its stored checkpoints.
import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';

export interface SupervisedProcess {
  stop(): Promise<void>;
}

const MAX_BACKOFF_MS = 10_000;
/** The projector's CPU priority below the api's (a Unix nice value). */
const PROJECTOR_NICENESS = 10;

/** What the projector child tells its supervisor over the IPC channel: each applied batch, for the api's metrics. */
export interface ProjectorBatchMessage {
  type: 'projector-batch';
  events: number;
  seconds: number;
}

export function isProjectorBatchMessage(message: unknown): message is ProjectorBatchMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'projector-batch'
  );
}

/** Workers 1 … `workers`, each with PROJECTOR_WORKER set. */
export function superviseProjectors(
  workers: number,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  onBatch: (batch: ProjectorBatchMessage) => void = () => {},
): SupervisedProcess {
  const children = Array.from({ length: workers }, (_, i) =>
    superviseProjector(
      { ...env, PROJECTOR_WORKERS: String(workers), PROJECTOR_WORKER: String(i + 1) },
      (line) => log(workers > 1 ? `worker ${i + 1}: ${line}` : line),
      onBatch,
    ),
  );
  return { stop: async () => void (await Promise.all(children.map((c) => c.stop()))) };
}

function superviseProjector(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  onBatch: (batch: ProjectorBatchMessage) => void,
): SupervisedProcess {
  let child: ChildProcess | null = null;
  let stopping = false;
  let backoff = 500;
  const start = () => {
    const started = Date.now();
    child = spawn(
      process.execPath,
      [...process.execArgv, require.main!.filename, 'start', '--only', 'projector'],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      },
    );
    child.on('message', (message) => isProjectorBatchMessage(message) && onBatch(message));
    // The projector is background work with a lag budget; commands are callers waiting. When
    // the machine runs short of CPU the projector yields to the api and catches up afterwards
    // (its lag shows on /health and minPosition waits for it).
    try {
      if (child.pid !== undefined) setPriority(child.pid, PROJECTOR_NICENESS);
    } catch {
      // it exited already: the exit handler restarts it
    }
    child.once('exit', (code, signal) => {
      child = null;
      if (stopping) return;
      backoff = Date.now() - started > 60_000 ? 500 : Math.min(backoff * 2, MAX_BACKOFF_MS);
      log(`projector stopped (${signal ?? `exit ${code}`}); restarting in ${backoff} ms from its checkpoint`);
      setTimeout(() => !stopping && start(), backoff);
    });
  };
  start();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        const running = child;
        if (!running) return resolve();
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      }),
  };
}

// The fault drill: `npm start`'s compiled system on a fresh DATA_DIR under a steady mixed load of
// commands from several municipalities, single and in batches (over loopback, bounded in count
// and time). Meanwhile the projector is killed with SIGKILL (its supervisor restarts it), then
// the api (the whole `npm start` process, with the projector and the PostgreSQL it leaves behind:
// a machine that lost power; started again), then the embedded PostgreSQL itself (the supervisor
// restarts it). At the end, checked by commandId across every stream of the log: each command
// that got a 2xx is in the log exactly once, none that got a 4xx is, every request that got no
// answer (or a 5xx) was retried after the restarts (one by one, also those first sent in a batch)
// until it got a definite answer, and the live read models equal a rebuild row for row.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '@app/event-store';
import { mintToken, freePort } from '@app/platform';
import { allProjections, compareSchemas, projectIntoSchema } from '@app/read-models';
import { rulebooks } from '@app/rules';
import { Client } from 'pg';

jest.setTimeout(240_000);

const root = join(__dirname, '../..');
const SECRET = 'fault-drill-secret';
const MUNICIPALITIES = ['101', '147', '751', '461'];
const WORKERS = 6;
const PERSONS_PER_WORKER = 100;
/** Each fault comes after this many more commands were accepted; the load stops as many after the last restart, or at LOAD_DEADLINE_MS. */
const ACCEPTED_BETWEEN_FAULTS = 60;
const LOAD_DEADLINE_MS = 100_000;

interface Planned {
  type: string;
  body: Record<string, unknown> & { commandId: string; municipality: string };
  /** The final answer: 'accepted' (2xx), 'refused' (4xx), or null while it has had no definite answer. */
  outcome: 'accepted' | 'refused' | null;
  /** The events its 2xx answer listed. */
  events: number | null;
  noAnswer: number;
  attempts: number;
  /** The HTTP status of its last answer. */
  status: number | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(200);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every BATCH_EVERY-th person's commands go as one batch (POST /v1/commands), the others one by one. */
const BATCH_EVERY = 4;

/** The person's life in a municipality: target group, offer, expense, a refused expense, a late change. */
function plan(worker: number): Planned[][] {
  const steps: Planned[][] = [];
  for (let p = 0; p < PERSONS_PER_WORKER; p++) {
    const commands: Planned[] = [];
    const add = (type: string, municipality: string, body: Record<string, unknown>) =>
      commands.push({
        type,
        body: { commandId: randomUUID(), municipality, ...body },
        outcome: null,
        events: null,
        noAnswer: 0,
        attempts: 0,
        status: null,
      });
    const municipality = MUNICIPALITIES[(worker + p) % MUNICIPALITIES.length];
    const personId = `drill-${worker}-${p}`;
    const offerId = `${personId}-o`;
    add('ChangeTargetGroup', municipality, {
      personId,
      targetGroup: 'dagpenge',
      effectiveFrom: '2025-01-01',
    });
    add('RegisterOffer', municipality, {
      offerId,
      personId,
      offerKind: 'ordinary_education',
      startDate: '2025-02-01',
      endDate: '2025-11-30',
    });
    add('RecordOfferExpense', municipality, {
      expenseId: `${offerId}-e1`,
      offerId,
      expenseType: 'course_fee',
      amount: `${1000 + p}.50`,
      activityFrom: '2025-03-01',
      activityTo: '2025-04-15',
    });
    add('RecordOfferExpense', municipality, {
      expenseId: `${offerId}-e2`,
      offerId,
      expenseType: 'course_fee',
      amount: 'not money',
      activityFrom: '2025-03-01',
      activityTo: '2025-04-15',
    });
    add('ChangeTargetGroup', municipality, {
      personId,
      targetGroup: 'jobafklaring',
      effectiveFrom: '2025-04-01',
    });
    if (p % BATCH_EVERY === BATCH_EVERY - 1) steps.push(commands);
    else steps.push(...commands.map((c) => [c]));
  }
  return steps;
}

class RunningSystem {
  readonly url: string;
  process: ChildProcess | null = null;
  output = '';

  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: this.dataDir,
      PORT: String(this.port),
      AUTH_JWT_SECRET: SECRET,
      LOG_REQUESTS: '0',
    };
    delete env.DATABASE_URL;
    delete env.EVENTSTORE_URL;
    // A server killed with SIGKILL leaves backends that take a moment to notice: a start that fails on that is tried again.
    for (let attempt = 1; ; attempt++) {
      const child = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'start'], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      child.stdout!.on('data', (chunk) => (this.output += chunk));
      child.stderr!.on('data', (chunk) => (this.output += chunk));
      this.process = child;
      try {
        await until('npm start ready', async () => {
          if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
          return (await fetch(`${this.url}/health/ready`).catch(() => null))?.status === 200;
        });
        return;
      } catch (error) {
        if (attempt >= 3) throw new Error(`${(error as Error).message}; output:\n${this.output}`);
        await sleep(1000);
      }
    }
  }

  children(): { pid: number; args: string }[] {
    if (!this.process?.pid) return [];
    const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(this.process.pid)], {
      encoding: 'utf8',
    }).trim();
    return out
      ? out.split('\n').map((line) => ({
          pid: Number(line.trim().split(/\s+/)[0]),
          args: line.trim().replace(/^\d+\s+/, ''),
        }))
      : [];
  }

  projectorPid(): number | null {
    return this.children().find((c) => c.args.includes('--only projector'))?.pid ?? null;
  }

  postmasterPid(): number {
    return Number(
      readFileSync(join(this.dataDir, 'postgres', 'pg', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
  }

  databaseUrl(): string {
    return (
      JSON.parse(readFileSync(join(this.dataDir, 'connection.json'), 'utf8')) as { databaseUrl: string }
    ).databaseUrl;
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGINT');
    await exited;
  }
}

let system: RunningSystem;
const orphans: number[] = [];

beforeAll(async () => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
  system = new RunningSystem(mkdtempSync(join(tmpdir(), 'fault-drill-')), await freePort());
  await system.start();
});
afterAll(async () => {
  await system?.stop().catch(() => undefined);
  for (const pid of orphans) if (alive(pid)) process.kill(pid, 'SIGKILL');
  if (system) rmSync(system.dataDir, { recursive: true, force: true });
});

it('kill -9 of the projector, the api and PostgreSQL under load loses nothing and doubles nothing', async () => {
  const tokens = new Map(
    MUNICIPALITIES.map((m) => [
      m,
      `Bearer ${mintToken({ sub: 'drill', role: 'jobcentre', municipality: m }, SECRET)}`,
    ]),
  );
  const plans = Array.from({ length: WORKERS }, (_, w) => plan(w));
  const all = plans.flat(2);
  const accepted = () => all.filter((c) => c.outcome === 'accepted').length;
  let acceptedBefore = 0;
  const moreAccepted = () => accepted() >= acceptedBefore + ACCEPTED_BETWEEN_FAULTS;

  const post = (path: string, municipality: string, body: unknown) =>
    fetch(`${system.url}${path}`, {
      method: 'POST',
      headers: { authorization: tokens.get(municipality)!, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    }).catch(() => null);

  /** A definite answer (2xx, 4xx) settles a command; a 5xx or none leaves it for a retry. */
  const settle = (command: Planned, status: number | null, answer: { events?: unknown[] } | null) => {
    command.attempts++;
    if (status === null || status >= 500) return void command.noAnswer++;
    command.status = status;
    if (status >= 400) command.outcome = 'refused';
    else {
      command.outcome = 'accepted';
      command.events ??= Array.isArray(answer?.events) ? answer.events.length : null;
    }
  };

  /** One command alone, or several as a batch (each with a result of its own). */
  const send = async (step: Planned[]): Promise<void> => {
    if (step.length === 1) {
      const [command] = step;
      const res = await post(`/v1/commands/${command.type}`, command.body.municipality, command.body);
      const answer =
        res && res.status < 500
          ? ((await res.json()) as { events?: unknown[] })
          : (await res?.body?.cancel(), null);
      return settle(command, res?.status ?? null, answer);
    }
    const res = await post('/v1/commands', step[0].body.municipality, {
      commands: step.map((c) => ({ type: c.type, ...c.body })),
    });
    const results =
      res?.status === 200
        ? ((await res.json()) as { results: { status: number; events?: unknown[] }[] }).results
        : (await res?.body?.cancel(), null);
    step.forEach((command, i) => settle(command, results ? results[i].status : null, results?.[i] ?? null));
  };

  let loading = true;
  const started = Date.now();
  const phases: Record<string, number> = {};
  const mark = (phase: string) => (phases[phase] = Math.round((Date.now() - started) / 100) / 10);
  const load = Promise.all(
    plans.map(async (commands) => {
      for (const step of commands) {
        if (!loading || Date.now() - started > LOAD_DEADLINE_MS) return;
        await send(step);
        if (step.some((c) => c.outcome === null)) await sleep(300); // the system is down: do not race through the plan
      }
    }),
  );
  let loadDone = false;
  void load.then(() => (loadDone = true));
  const stopLoad = async () => {
    loading = false;
    await load;
  };

  try {
    // 1. The projector: its supervisor starts it again from its checkpoint.
    await until('load before the projector is killed', moreAccepted);
    const projector = system.projectorPid()!;
    process.kill(projector, 'SIGKILL');
    await until('a new projector', () => {
      const next = system.projectorPid();
      return next !== null && next !== projector;
    });
    mark('projectorRestarted');
    acceptedBefore = accepted();

    // 2. The api: the whole npm start process, and what it leaves behind (projector, PostgreSQL).
    await until('load before the api is killed', moreAccepted);
    const leftBehind = [system.projectorPid(), system.postmasterPid()].filter(
      (pid): pid is number => pid !== null,
    );
    orphans.push(...leftBehind);
    process.kill(system.process!.pid!, 'SIGKILL');
    for (const pid of leftBehind) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await until('everything gone', () => leftBehind.every((pid) => !alive(pid)));
    await sleep(1000); // requests meet a dead port meanwhile
    mark('apiKilled');
    await system.start();
    mark('apiRestarted');
    acceptedBefore = accepted();

    // 3. The embedded PostgreSQL: npm start's supervisor starts it again on its port.
    await until('load before PostgreSQL is killed', moreAccepted);
    const postmaster = system.postmasterPid();
    process.kill(postmaster, 'SIGKILL');
    mark('postgresKilled');
    await until('PostgreSQL restarted', async () => {
      const next = (() => {
        try {
          return system.postmasterPid();
        } catch {
          return null; // between the old server's lock file and the new one's
        }
      })();
      return (
        next !== null &&
        next !== postmaster &&
        (await fetch(`${system.url}/health/ready`).catch(() => null))?.status === 200
      );
    });

    mark('postgresRestarted');
    acceptedBefore = accepted();
    await until('load after the restarts', () => moreAccepted() || loadDone, LOAD_DEADLINE_MS);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- the system's output:\n${system.output.slice(-6000)}`);
  } finally {
    await stopLoad();
    mark('loadStopped');
  }

  // Every command that had no definite answer is sent again until it has one.
  const unanswered = all.filter((c) => c.attempts > 0 && c.outcome === null);
  for (let round = 0; round < 20 && unanswered.some((c) => c.outcome === null); round++) {
    for (const command of unanswered.filter((c) => c.outcome === null)) await send([command]);
    if (unanswered.some((c) => c.outcome === null)) await sleep(500);
  }
  expect(unanswered.filter((c) => c.outcome === null)).toEqual([]);

  // The log, by commandId across every stream.
  const databaseUrl = system.databaseUrl();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  let inLog: Map<string, number>;
  let adoptions = 0;
  try {
    const rows: { command_id: string; events: number }[] = (
      await db.query(
        `SELECT metadata->>'commandId' AS command_id, count(*)::int AS events FROM event_log WHERE stream <> 'rulebook' GROUP BY 1`,
      )
    ).rows;
    // Every start of npm start (three here, api and projector each) adopted the rulebook: once in all.
    adoptions = (await db.query(`SELECT count(*)::int AS n FROM event_log WHERE stream = 'rulebook'`)).rows[0]
      .n;
    inLog = new Map(rows.map((r) => [r.command_id.toLowerCase(), r.events]));
  } finally {
    await db.end();
  }
  const sent = all.filter((c) => c.attempts > 0);
  const acceptedCommands = sent.filter((c) => c.outcome === 'accepted');
  const refusedCommands = sent.filter((c) => c.outcome === 'refused');
  const counts = {
    sent: sent.length,
    requests: sent.reduce((n, c) => n + c.attempts, 0),
    accepted: acceptedCommands.length,
    refused: refusedCommands.length,
    withoutAnswer: unanswered.length,
    withoutAnswerThenAccepted: unanswered.filter((c) => c.outcome === 'accepted').length,
    /** Of those, the ones the log already held (their retry answered 200 with the original result). */
    withoutAnswerButStored: unanswered.filter((c) => c.status === 200).length,
    withoutAnswerThenRefused: unanswered.filter((c) => c.outcome === 'refused').length,
    commandsInLog: inLog.size,
    eventsInLog: [...inLog.values()].reduce((n, e) => n + e, 0),
  };
  mark('retried');
  console.log(`fault drill counts: ${JSON.stringify(counts)}`);

  expect(unanswered.length).toBeGreaterThan(0); // the faults did hit requests
  expect(refusedCommands.length).toBeGreaterThan(0);
  for (const command of acceptedCommands)
    expect({ commandId: command.body.commandId, events: inLog.get(command.body.commandId) }).toEqual({
      commandId: command.body.commandId,
      events: command.events,
    });
  for (const command of refusedCommands)
    expect({ commandId: command.body.commandId, events: inLog.get(command.body.commandId) }).toEqual({
      commandId: command.body.commandId,
      events: undefined,
    });
  expect(new Set(inLog.keys())).toEqual(new Set(acceptedCommands.map((c) => c.body.commandId)));
  expect(adoptions).toBe(1);

  // The live read models, once the projector has caught up, equal a rebuild row for row.
  await until('the projector caught up', async () => {
    const health = (await (await fetch(`${system.url}/health`)).json()) as {
      projection?: { eventsBehind?: number };
    };
    return health.projection?.eventsBehind === 0;
  });
  const store = await PostgresEventStore.connect(databaseUrl);
  try {
    await projectIntoSchema(databaseUrl, 'rm_drill', store, allProjections(rulebooks));
  } finally {
    await store.close();
  }
  expect(await compareSchemas(databaseUrl, 'rm', 'rm_drill')).toEqual([]);
  mark('compared');
  console.log(`fault drill, seconds since the load began: ${JSON.stringify(phases)}`);
});

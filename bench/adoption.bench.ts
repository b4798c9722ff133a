// `npm run bench -- adoption [events]` (default 1,000,000): what adopting a new rulebook version costs a large
// ledger. The log of bench projections (its shares) is judged under the version before the current one (adopted
// before it), with one integration-programme participant in ten persons whose support (ydelsesmodtager or
// selvforsørgende) is not stated, so the adoption has unresolved lines to re-post; then the current version is
// adopted and a projector process of its own catches up that one event, as a deploy of new code does. Printed: the
// catch-up of the log, and of the adoption its wall time, CPU time and that process's peak resident memory, the
// persons and open cost items it re-judged and the postings it made.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { PostgresEventStore, type NewEvent } from '@app/event-store';
import { startEmbeddedPostgres } from '@app/platform';
import {
  adoptRulebook,
  allProjections,
  openReadModels,
  ProjectionRunner,
  RULEBOOK_STREAM,
} from '@app/read-models';
import { rulebooks } from '@app/rules';
import type { DataSource } from 'typeorm';
import { generateLog, logEvent, MUNICIPALITIES } from './support/generated-log';

const DIR = '.bench-data/adoption';

/** `count` integration-programme participants (no attributes.selfSupporting), each with a § 23 a course in May 2025. */
async function programmeParticipants(store: PostgresEventStore, count: number): Promise<number> {
  let appended = 0;
  let clock = Date.parse('2025-06-01T08:00:00Z');
  const at = () => new Date((clock += 1000)).toISOString();
  for (let start = 0; start < count; start += 500) {
    const requests: { stream: string; events: NewEvent[]; expectedRevision: 'any' }[] = [];
    for (let i = start; i < Math.min(count, start + 500); i++) {
      const municipality = MUNICIPALITIES[i % MUNICIPALITIES.length];
      const personId = `ip-${i}`;
      const offer = { offerId: `${personId}-o`, personId, offerKind: 'ordinary_education' };
      const change = {
        personId,
        changeCommandId: randomUUID(),
        targetGroup: 'integration_programme',
        attributes: {},
        effectiveFrom: '2025-01-01',
        reason: null,
      };
      const registered = {
        ...offer,
        startDate: '2025-05-01',
        endDate: '2025-05-31',
        offerCategory: null,
        fundingFrame: null,
        provider: null,
        registrationDate: '2025-04-20',
        validityCitations: [],
      };
      const expense = {
        ...offer,
        expenseId: `${personId}-e`,
        expenseType: 'course_fee',
        amountOere: 200_000,
        activityFrom: '2025-05-01',
        activityTo: '2025-05-31',
        invoiceRef: null,
      };
      requests.push(
        {
          stream: `person-${municipality}-${personId}`,
          events: [logEvent('TargetGroupChanged', change, municipality, at())],
          expectedRevision: 'any',
        },
        {
          stream: `offer-${municipality}-${offer.offerId}`,
          events: [logEvent('OfferRegistered', registered, municipality, at())],
          expectedRevision: 'any',
        },
        {
          stream: `expense-${municipality}-${expense.expenseId}`,
          events: [logEvent('OfferExpenseRecorded', expense, municipality, at())],
          expectedRevision: 'any',
        },
      );
    }
    await store.appendMany(requests);
    appended += requests.length;
  }
  return appended;
}

async function count(readModels: DataSource, sql: string, parameters: unknown[] = []): Promise<number> {
  const [row] = (await readModels.query(sql, parameters)) as { n: string }[];
  return Number(row.n);
}

/** The catch-up of everything appended so far, timed, with the process's peak resident memory while it ran. */
async function catchUp(readModels: DataSource, store: PostgresEventStore) {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const started = performance.now();
  await new ProjectionRunner(store, readModels, allProjections(rulebooks)).catchUp();
  clearInterval(sampler);
  return { seconds: (performance.now() - started) / 1000, peakRssMiB: peakRss / 2 ** 20 };
}

interface ProcessCatchUp {
  seconds: number;
  cpuSeconds: number;
  /** Resident memory once connected, before catching up (the code loaded: swc compiles it at run time here). */
  startRssMiB: number;
  maxRssMiB: number;
}

/** `adoption --catch-up <url>`: the projector process a deploy starts, catching up once; prints its figures as JSON. */
async function catchUpProcess(url: string): Promise<void> {
  const store = await PostgresEventStore.connect(url);
  const readModels = await openReadModels(url);
  const startRssMiB = process.memoryUsage().rss / 2 ** 20;
  const { seconds } = await catchUp(readModels, store);
  const usage = process.resourceUsage();
  const figures: ProcessCatchUp = {
    seconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    startRssMiB,
    maxRssMiB: usage.maxRSS / 1024,
  };
  console.log(JSON.stringify(figures));
  await readModels.destroy();
  await store.close();
}

/** The catch-up in a fresh process (bench/run.ts again, with this process's node options). */
async function catchUpInOwnProcess(url: string): Promise<ProcessCatchUp> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...process.execArgv, process.argv[1], 'adoption', '--catch-up', url],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ProcessCatchUp;
}

export async function main(args: string[]): Promise<void> {
  if (args[0] === '--catch-up') return catchUpProcess(args[1]);
  const total = Number(args[0] ?? 1_000_000);
  const previous = rulebooks.versions[rulebooks.versions.length - 2];
  rmSync(DIR, { recursive: true, force: true });
  const db = await startEmbeddedPostgres(DIR);
  const store = await PostgresEventStore.connect(db.url);
  const readModels = await openReadModels(db.url);

  await adoptRulebook(store, { ...rulebooks, current: previous });
  const generated = await generateLog(store, total);
  const persons = await count(
    readModels,
    "SELECT count(DISTINCT stream) AS n FROM public.event_log WHERE stream LIKE 'person-%'",
  );
  const participants = await programmeParticipants(store, Math.round(persons / 10));
  const built = await catchUp(readModels, store);
  console.log(
    `log of ${generated + participants} events (${persons} persons and ${participants / 3} programme participants) under ${previous}: caught up in ${built.seconds.toFixed(1)} s`,
  );

  await adoptRulebook(store, rulebooks);
  const adoption = (await store.readStream(RULEBOOK_STREAM)).at(-1)!;
  const adopted = await catchUpInOwnProcess(db.url);
  const items = await count(readModels, 'SELECT count(*) AS n FROM cost_item');
  const rejudged = await count(
    readModels,
    'SELECT count(*) AS n FROM (SELECT DISTINCT municipality, person_id FROM cost_item) p',
  );
  const posted = await count(
    readModels,
    'SELECT count(*) AS n FROM ledger_entry WHERE caused_by_command = $1',
    [adoption.id],
  );
  const entries = await count(readModels, 'SELECT count(*) AS n FROM ledger_entry');
  console.log(
    `adopting ${rulebooks.current} over ${previous}: ${adopted.seconds.toFixed(1)} s for the one event (${adopted.cpuSeconds.toFixed(1)} s CPU), ` +
      `the projector process's peak rss ${Math.round(adopted.maxRssMiB)} MiB (${Math.round(adopted.startRssMiB)} MiB before catching up); ` +
      `${rejudged} persons with ${items} cost items re-judged, ${posted} postings made (of ${entries} in the ledger)`,
  );

  await readModels.destroy();
  await store.close();
  await db.stop();
  rmSync(DIR, { recursive: true, force: true });
}

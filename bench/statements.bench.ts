// `npm run bench -- statements [events]` (default 200,000): generates a log with realistic shares
// straight through the event store (the events the command api appends: target-group changes,
// one in five retroactive; offers with six expenses, one in ten reversed; mentor hours; cap
// parameters per municipality and year; the closing of 2024), projects it, then times the refund
// statement of one municipality-year (JSON, CSV and xlsx) as of now and as of an earlier instant.
//
// Size: two municipalities over two booking years, so one municipality-year holds about a
// quarter of all postings — more than a municipality-year of the 1,000,000-event log of `npm run bench -- projections`
// (four municipalities × seven years) holds; the statement query reads only its own
// municipality's booking periods, so its time follows that count, not the size of the log.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import {
  accountingYearClosed,
  capParametersSet,
  mentorAgreementRegistered,
  mentorHoursRecorded,
  offerExpenseRecorded,
  offerExpenseReversed,
  offerRegistered,
  targetGroupChanged,
  type DomainEvent,
  type TargetGroup,
} from '@app/domain';
import { type AppendRequest, type EventStore, PostgresEventStore } from '@app/event-store';
import { startEmbeddedPostgres } from '@app/platform';
import {
  allProjections,
  StatementQueries,
  openReadModels,
  ProjectionRunner,
  statementCsvText,
  statementJson,
  writeStatementXlsx,
} from '@app/read-models';
import { rulebooks } from '@app/rules';

const DIR = '.bench-data/statements';
const MUNICIPALITIES = ['101', '751'];
const GROUPS: TargetGroup[] = [
  'jobafklaring',
  'integration_programme',
  'sygedagpenge',
  'dagpenge',
  'jobafklaring',
  'ressourceforloeb',
];
const START = Date.parse('2024-01-02T08:00:00Z');
const END = Date.parse('2025-12-20T16:00:00Z');

class LogWriter {
  appended = 0;
  private pending: AppendRequest[] = [];
  constructor(
    private readonly store: EventStore,
    private readonly total: number,
  ) {}

  /** Recorded time of the next event: the log spreads evenly over 2024-2025. */
  private at(): string {
    return new Date(
      START + Math.floor(((END - START) * Math.min(this.appended + this.queued(), this.total)) / this.total),
    ).toISOString();
  }

  private queued(): number {
    return this.pending.reduce((n, r) => n + r.events.length, 0);
  }

  now(): string {
    return this.at();
  }

  add(stream: string, municipality: string, commandType: string, events: DomainEvent[]): void {
    const recordedAt = this.at();
    const commandId = randomUUID();
    this.pending.push({
      stream,
      expectedRevision: 'any',
      events: events.map((e, i) => ({
        id: i === 0 ? commandId : randomUUID(),
        type: e.type,
        data: e.data as unknown as Record<string, unknown>,
        metadata: {
          recordedAt,
          commandId,
          commandType,
          actor: 'bench',
          municipality,
          schemaVersion: e.version,
        },
      })),
    });
  }

  async flushIfFull(force = false): Promise<void> {
    if (!force && this.queued() < 1500) return;
    if (this.pending.length) await this.store.appendMany(this.pending);
    this.appended += this.queued();
    this.pending = [];
  }
}

async function generate(store: EventStore, total: number): Promise<number> {
  const log = new LogWriter(store, total);
  const finance = new Set<string>();
  for (let p = 0; log.appended < total; p++) {
    const m = MUNICIPALITIES[p % MUNICIPALITIES.length];
    const now = log.now();
    const bookingYear = Number(now.slice(0, 4));
    if (!finance.has(`${m}/${bookingYear}`)) {
      finance.add(`${m}/${bookingYear}`);
      log.add(`finance-${m}-${bookingYear}`, m, 'SetCapParameters', [
        capParametersSet({
          year: bookingYear,
          cap: 'integration_raadighedsloft',
          amountPerFullYearPersonOere: 4336300,
          fullYearPersonsHundredths: 500,
          reason: null,
        }),
      ]);
      if (bookingYear === 2025)
        log.add(`finance-${m}-2024`, m, 'CloseAccountingYear', [
          accountingYearClosed({ year: 2024, reason: null }),
        ]);
    }
    // activity mostly in the booking year, one person in six a year earlier (afløb)
    const year = p % 6 === 5 ? bookingYear - 1 : bookingYear;
    const personId = `b-${p}`;
    const group = GROUPS[p % GROUPS.length];
    const attributes = group === 'sygedagpenge' ? { sickPayCategory: 2 as const } : {};
    const personStream = `person-${m}-${personId}`;
    log.add(personStream, m, 'ChangeTargetGroup', [
      targetGroupChanged({
        personId,
        changeCommandId: randomUUID(),
        targetGroup: group,
        attributes,
        effectiveFrom: `${year - 1}-01-01`,
        reason: null,
      }),
    ]);
    const offerId = `${personId}-o`;
    const offer = { offerId, personId, offerKind: 'ordinary_education' as const };
    log.add(`offer-${m}-${offerId}`, m, 'RegisterOffer', [
      offerRegistered({
        ...offer,
        startDate: `${year}-01-01`,
        endDate: `${year}-12-31`,
        offerCategory: null,
        fundingFrame: null,
        provider: null,
        registrationDate: now.slice(0, 10),
        validityCitations: [],
      }),
    ]);
    for (let e = 0; e < 6; e++) {
      const month = String(1 + ((p + e * 2) % 12)).padStart(2, '0');
      const expense = {
        expenseId: `${offerId}-e${e}`,
        ...offer,
        expenseType: 'course_fee' as const,
        amountOere: 150_000 + ((p * 7919 + e * 104_729) % 900_000),
        activityFrom: `${year}-${month}-01`,
        activityTo: `${year}-${month}-28`,
      };
      log.add(`expense-${m}-${expense.expenseId}`, m, 'RecordOfferExpense', [
        offerExpenseRecorded({ ...expense, invoiceRef: null }),
      ]);
      if ((p + e) % 10 === 0)
        log.add(`expense-${m}-${expense.expenseId}`, m, 'ReverseOfferExpense', [
          offerExpenseReversed({ ...expense, reason: 'booked in error' }),
        ]);
    }
    const agreement = {
      agreementId: `${personId}-a`,
      personId,
      offerId,
      mentorType: 'company' as const,
      mentorKind: 'employee' as const,
    };
    log.add(`mentor-agreement-${m}-${agreement.agreementId}`, m, 'RegisterMentorAgreement', [
      mentorAgreementRegistered({ ...agreement, startDate: `${year}-01-01`, endDate: `${year}-12-31` }),
    ]);
    for (const month of ['03', '09']) {
      log.add(`mentor-agreement-${m}-${agreement.agreementId}`, m, 'RecordMentorHours', [
        mentorHoursRecorded({
          ...agreement,
          agreementStartDate: `${year}-01-01`,
          agreementEndDate: `${year}-12-31`,
          date: `${year}-${month}-10`,
          contactHours: '2.00',
          preparationHours: null,
          hourlyCostOere: 35_000,
          feeOere: null,
          costOere: 70_000,
        }),
      ]);
    }
    if (p % 5 === 0) {
      // registered late, effective in the past: the ledger regroups the person's costs
      log.add(personStream, m, 'ChangeTargetGroup', [
        targetGroupChanged({
          personId,
          changeCommandId: randomUUID(),
          targetGroup: GROUPS[(p + 1) % GROUPS.length],
          attributes: {},
          effectiveFrom: `${year}-06-01`,
          reason: null,
        }),
      ]);
    }
    await log.flushIfFull();
  }
  await log.flushIfFull(true);
  return log.appended;
}

function timeMs(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function main(args: string[]): Promise<void> {
  const total = Number(args[0] ?? 200_000);
  rmSync(DIR, { recursive: true, force: true });
  const db = await startEmbeddedPostgres(DIR);
  const store = await PostgresEventStore.connect(db.url);
  const readModels = await openReadModels(db.url);
  try {
    let t = process.hrtime.bigint();
    const generated = await generate(store, total);
    console.log(`generated ${generated} events in ${(timeMs(t) / 1000).toFixed(1)} s`);
    t = process.hrtime.bigint();
    await new ProjectionRunner(store, readModels, allProjections(rulebooks), {
      batchSize: 2000,
    }).catchUp();
    const [{ postings }] = (await readModels.query('SELECT count(*)::int AS postings FROM ledger_entry')) as {
      postings: number;
    }[];
    console.log(`projected into ${postings} postings in ${(timeMs(t) / 1000).toFixed(1)} s`);
    await readModels.query('ANALYZE');

    const queries = new StatementQueries(readModels);
    const [{ own }] = (await readModels.query(
      `SELECT count(*)::int AS own FROM ledger_entry WHERE municipality = '101' AND booking_period LIKE '2025-%'`,
    )) as { own: number }[];
    const request = (asOf: string) => ({ municipality: '101', year: 2025, quarter: null, asOf });
    for (const [label, asOf] of [
      ['now', new Date().toISOString()],
      ['as of 2025-07-01', '2025-07-01T00:00:00.000Z'],
    ] as const) {
      const times: number[] = [];
      let statement = await queries.statement(request(asOf));
      for (let i = 0; i < 7; i++) {
        t = process.hrtime.bigint();
        statement = await queries.statement(request(asOf));
        times.push(timeMs(t));
      }
      times.sort((a, b) => a - b);
      t = process.hrtime.bigint();
      const csv = await statementCsvText(statement);
      const csvMs = timeMs(t);
      // the workbook with its postings sheet, streamed to a counter; resident memory sampled meanwhile
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
      let bytes = 0;
      const counter = new Writable({
        write(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          done();
        },
      });
      t = process.hrtime.bigint();
      await Promise.all([
        finished(counter),
        writeStatementXlsx(statement, queries.postings(request(asOf)), counter),
      ]);
      const xlsxMs = timeMs(t);
      clearInterval(sampler);
      const mib = (n: number) => (n / 2 ** 20).toFixed(0);
      console.log(
        `statement 101/2025 ${label} over ${own} postings of that municipality-year: median ${times[3].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times[6].toFixed(0)}); ` +
          `CSV +${csvMs.toFixed(0)} ms (${csv.length} chars), xlsx with the postings +${xlsxMs.toFixed(0)} ms (${bytes} bytes; resident memory peaked ${mib(peak - before)} MiB above the ${mib(before)} MiB before); refund ${statementJson(statement).totals.refund}, caps ${statement.caps.map((c) => c.status).join(',')}`,
      );
    }
  } finally {
    await readModels.destroy();
    await store.close();
    await db.stop();
  }
}

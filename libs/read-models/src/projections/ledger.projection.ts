// The ledger projection: an adapter around libs/ledger. For each batch it loads what the events
// touch (the persons ledgerScope names, the municipalities' books), folds every event with
// applyToLedger under the rulebook version in force at its log position, and writes the facts
// and postings with one statement per table (ledger-rows.ts). A rulebook adoption's copy for a
// municipality (rulebook-adoption.ts) is re-judged when the batch is written, in batches of persons
// (ledger-adoption.ts); the events after it in the log batch are folded after it.
import { DOMAIN_EVENT_TYPES, parseEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import {
  applyToLedger,
  emptyPersonLedger,
  ledgerScope,
  type LedgerEvent,
  type MunicipalityBooks,
  type PersonLedger,
  type ProjectLedger,
  type TimesheetLedger,
  personsOfProject,
} from '@app/ledger';
import type { Rulebook, Rulebooks } from '@app/rules';
import type { DataSource, EntityManager } from 'typeorm';
import { ADOPTION_BATCH_PERSONS, writeAdoption } from './ledger-adoption';
import { adoptionOf, type RulebookAdoption } from '../runner/rulebook-adoption';
import { RulebookAdoptionError } from '../runner/projection-runner';
import { LedgerRows } from './ledger-rows';
import { LedgerCache } from './ledger-cache';
import { loadPersonLedgers, personKey, personLedgerSize } from './ledger-state';
import { RulebookVersions } from './rulebook-versions';
import type { BatchWriter, Projection } from './projection';
import { StoredCitationSets } from './rows/citation-set.row';
import { sumAllPostings } from './rows/ledger-total.row';
import { loadMunicipalityBooks } from './rows/cap-year.row';
import { loadProjectLedgers, projectKey, projectLedgerSize } from './rows/project.row';
import { loadTimesheetLedgers, timesheetKey, timesheetLedgerSize } from './rows/staff-timesheet.row';
import { runWrites, type Write } from './sql-rows';

const DOMAIN_TYPES = new Set<string>(DOMAIN_EVENT_TYPES);

/**
 * Folding is synchronous work: every few events it lets I/O callbacks run, so the previous
 * batch's statements (pipelined catch-up) progress meanwhile instead of waiting for the fold.
 * Each of its statements, and each socket-buffer's worth of a COPY, waits for one such turn.
 */
const YIELD_EVERY = 10;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * How much of the ledgers of persons, projects and timesheets the projection keeps between batches
 * (each kind: changes, items, shares and postings, see the kinds' sizes).
 */
export const LEDGER_CACHE_BUDGET = 25_000;

type BatchEvent =
  | { recorded: RecordedEvent; event: LedgerEvent; adoption?: undefined }
  | { recorded: RecordedEvent; event?: undefined; adoption: RulebookAdoption };

export class LedgerProjection implements Projection {
  readonly name = 'ledger';
  /**
   * Persons, projects and timesheets of recent batches, and every municipality's books: not read
   * back for each batch (a worker owns its municipalities, so what it holds is current).
   */
  private readonly persons: LedgerCache<PersonLedger>;
  private readonly projects: LedgerCache<ProjectLedger>;
  private readonly timesheets: LedgerCache<TimesheetLedger>;
  private readonly books = new Map<string, MunicipalityBooks>();
  private readonly citationSets = new StoredCitationSets();
  private readonly versions: RulebookVersions;
  /** Batches prepared, and committed (in the order prepared). */
  private prepared = 0;
  private committedThrough = 0;
  /** False from startingEmpty() on: a bulk load sums the totals once it has written every posting. */
  private sumsTotals = true;

  /** `adoptionBatchPersons`: how many persons an adoption re-judges at a time; `cacheBudget`: how much of each kind of ledger is kept between batches. */
  constructor(
    private readonly rulebooks: Rulebooks,
    private readonly adoptionBatchPersons = ADOPTION_BATCH_PERSONS,
    cacheBudget = LEDGER_CACHE_BUDGET,
  ) {
    this.versions = new RulebookVersions(rulebooks.genesis);
    this.persons = new LedgerCache(cacheBudget, personLedgerSize);
    this.projects = new LedgerCache(cacheBudget, projectLedgerSize);
    this.timesheets = new LedgerCache(cacheBudget, timesheetLedgerSize);
  }

  async apply(batch: RecordedEvent[], tx: EntityManager): Promise<void> {
    const write = await this.prepare(batch, tx);
    await write(tx);
  }

  committed(): void {
    this.committedThrough = Math.min(this.committedThrough + 1, this.prepared);
    for (const cache of [this.persons, this.projects, this.timesheets]) cache.evict(this.committedThrough);
  }

  startingEmpty(): void {
    for (const cache of [this.persons, this.projects, this.timesheets]) cache.startingEmpty();
    this.sumsTotals = false;
  }

  async bulkLoaded(db: DataSource): Promise<void> {
    await sumAllPostings(db);
    this.sumsTotals = true; // whatever it projects next, it projects on a loaded schema
  }

  rolledBack(): void {
    this.committedThrough = this.prepared;
    this.persons.clear();
    this.books.clear();
    this.projects.clear();
    this.timesheets.clear();
    this.citationSets.clear();
    this.versions.clear();
  }

  async prepare(batch: RecordedEvent[], reader: DataSource | EntityManager): Promise<BatchWriter> {
    const batchNumber = ++this.prepared;
    const events: BatchEvent[] = [];
    for (const recorded of batch) {
      const adoption = adoptionOf(recorded);
      if (adoption) events.push({ recorded, adoption });
      if (!DOMAIN_TYPES.has(recorded.type)) continue;
      const { commandId, recordedAt } = recorded.metadata;
      events.push({
        recorded,
        event: {
          id: recorded.id,
          commandId,
          recordedAt,
          event: parseEvent(recorded.type, recorded.metadata.schemaVersion ?? 1, recorded.data),
        },
      });
      if (events.length % YIELD_EVERY === 0) await yieldToIo();
    }
    if (events.length === 0) return async () => {};
    return this.prepareEvents(events, reader, batchNumber);
  }

  /**
   * Folds the events up to the first adoption of a municipality now; that adoption is re-judged
   * when the batch is written, and the events after it are folded then, reading what it wrote.
   */
  private async prepareEvents(
    events: BatchEvent[],
    reader: DataSource | EntityManager,
    batchNumber: number,
  ): Promise<BatchWriter> {
    await this.versions.load(reader);
    const cut = events.findIndex((e) => e.adoption && e.recorded.metadata.municipality !== '');
    const statements = await this.fold(cut < 0 ? events : events.slice(0, cut), reader, batchNumber);
    if (cut < 0) return (tx) => runWrites(tx, statements);
    const { recorded, adoption } = events[cut];
    const rest = events.slice(cut + 1);
    return async (tx) => {
      await runWrites(tx, statements);
      this.versions.adopted(recorded, adoption!);
      await runWrites(tx, this.versions.writes());
      await this.adopt(recorded, tx, batchNumber);
      if (rest.length) await (await this.prepareEvents(rest, tx, batchNumber))(tx);
    };
  }

  /** Applies the events (none an adoption of a municipality) to the ledgers in memory; returns their statements. */
  private async fold(
    events: BatchEvent[],
    reader: DataSource | EntityManager,
    batchNumber: number,
  ): Promise<Write[]> {
    const persons = await this.load(events, reader, batchNumber);
    const rows = new LedgerRows(this.citationSets, this.sumsTotals);
    for (let i = 0; i < events.length; i++) {
      if ((i + 1) % YIELD_EVERY === 0) await yieldToIo();
      const { recorded, event, adoption } = events[i];
      if (adoption) {
        this.versions.adopted(recorded, adoption);
        continue;
      }
      const municipality = recorded.metadata.municipality;
      const ledger = {
        municipality,
        books: this.books.get(municipality)!,
        persons: { get: (personId: string) => persons.get(personKey(municipality, personId)) },
        projects: {
          get: (projectId: string) => this.projects.take(projectKey(municipality, projectId), batchNumber),
          set: (projectId: string, project: ProjectLedger) =>
            this.projects.put(projectKey(municipality, projectId), project, batchNumber),
        },
        timesheets: {
          get: (staffId: string, timesheetId: string) =>
            this.timesheets.take(timesheetKey(municipality, staffId, timesheetId), batchNumber),
          set: (t: TimesheetLedger) =>
            this.timesheets.put(timesheetKey(municipality, t.staffId, t.timesheetId), t, batchNumber),
        },
      };
      rows.add(recorded, applyToLedger(ledger, event, this.rulebookAt(recorded)));
    }
    return [...this.versions.writes(), ...rows.writes()];
  }

  /** A municipality's adoption, re-judged and written in batches of persons (ledger-adoption.ts). */
  private async adopt(recorded: RecordedEvent, tx: EntityManager, batchNumber: number): Promise<void> {
    const municipality = recorded.metadata.municipality;
    if (!this.books.has(municipality))
      for (const [m, books] of await loadMunicipalityBooks(tx, [municipality])) this.books.set(m, books);
    await writeAdoption(tx, {
      recorded,
      rulebook: this.rulebookAt(recorded),
      rulebookOf: (version) => this.rulebooks.of(version ?? this.rulebooks.genesis),
      books: this.books.get(municipality)!,
      held: (personId) => this.persons.take(personKey(municipality, personId), batchNumber),
      citationSets: this.citationSets,
      sumsTotals: this.sumsTotals,
      batchPersons: this.adoptionBatchPersons,
    });
  }

  /** The rulebook in force at the event's log position (an adoption's own version at it). */
  private rulebookAt(recorded: RecordedEvent): Rulebook {
    const version = this.versions.at(recorded.position);
    try {
      return this.rulebooks.of(version);
    } catch (error) {
      throw new RulebookAdoptionError((error as Error).message, { cause: error });
    }
  }

  /**
   * The ledgers of the persons the events touch (held or read) — those ledgerScope names and
   * every participant of the projects it names — after reading the books of municipalities and
   * the projects not seen before.
   */
  private async load(
    events: BatchEvent[],
    reader: DataSource | EntityManager,
    batchNumber: number,
  ): Promise<Map<string, PersonLedger>> {
    const ledgers = new Map<string, PersonLedger>();
    const toLoad = new Map<string, { municipality: string; personId: string }>();
    const municipalities = new Set<string>();
    const take = (municipality: string, personId: string) => {
      const key = personKey(municipality, personId);
      if (ledgers.has(key) || toLoad.has(key)) return;
      const held = this.persons.take(key, batchNumber);
      if (held) ledgers.set(key, held);
      else if (this.persons.knownEmpty(key)) {
        const empty = emptyPersonLedger();
        ledgers.set(key, empty);
        this.persons.put(key, empty, batchNumber);
      } else toLoad.set(key, { municipality, personId });
    };
    const scopes: { municipality: string; scope: ReturnType<typeof ledgerScope> }[] = [];
    for (const { recorded, event } of events) {
      const municipality = recorded.metadata.municipality;
      if (!event) continue;
      if (!this.books.has(municipality)) municipalities.add(municipality);
      scopes.push({ municipality, scope: ledgerScope(event.event) });
    }
    await this.loadProjects(scopes, reader, batchNumber);
    for (const { municipality, scope } of scopes) {
      const participants = scope.projectIds.flatMap((id) => {
        const project = this.projects.take(projectKey(municipality, id), batchNumber);
        return project ? personsOfProject(project) : [];
      });
      for (const personId of [...scope.personIds, ...participants]) take(municipality, personId);
    }
    for (const [key, ledger] of await loadPersonLedgers(reader, [...toLoad.values()])) {
      ledgers.set(key, ledger);
      this.persons.put(key, ledger, batchNumber);
    }
    for (const [municipality, books] of await loadMunicipalityBooks(reader, [...municipalities]))
      this.books.set(municipality, books);
    return ledgers;
  }

  /** The projects and timesheets the events touch, held (marked as used by the batch) or read unless known not stored. */
  private async loadProjects(
    scopes: { municipality: string; scope: ReturnType<typeof ledgerScope> }[],
    reader: DataSource | EntityManager,
    batchNumber: number,
  ): Promise<void> {
    const toLoad = new Map<string, { municipality: string; projectId: string }>();
    for (const { municipality, scope } of scopes)
      for (const projectId of scope.projectIds) {
        const key = projectKey(municipality, projectId);
        if (toLoad.has(key) || this.projects.take(key, batchNumber) || this.projects.knownEmpty(key))
          continue;
        toLoad.set(key, { municipality, projectId });
      }
    for (const [key, project] of await loadProjectLedgers(reader, [...toLoad.values()]))
      this.projects.put(key, project, batchNumber);
    const timesheets = new Map<string, { municipality: string; staffId: string; timesheetId: string }>();
    for (const { municipality, scope } of scopes) {
      if (!scope.timesheet) continue;
      const key = timesheetKey(municipality, scope.timesheet.staffId, scope.timesheet.timesheetId);
      if (timesheets.has(key) || this.timesheets.take(key, batchNumber) || this.timesheets.knownEmpty(key))
        continue;
      timesheets.set(key, { municipality, ...scope.timesheet });
    }
    for (const [key, timesheet] of await loadTimesheetLedgers(reader, [...timesheets.values()]))
      this.timesheets.put(key, timesheet, batchNumber);
  }
}

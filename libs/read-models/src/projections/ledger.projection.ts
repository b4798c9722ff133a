// The ledger projection: an adapter around libs/ledger. For each batch it loads what the events
// touch (the persons ledgerScope names, the municipalities' books), folds every event with
// applyToLedger under the rulebook version in force at its log position, and writes the facts
// and postings with one statement per table (ledger-rows.ts). A rulebook adoption's copy for a
// municipality (rulebook-adoption.ts) loads every person of it with cost items and re-judges them.
import { DOMAIN_EVENT_TYPES, parseEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import {
  adoptRulebook,
  applyToLedger,
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
import { adoptionOf, type RulebookAdoption } from '../runner/rulebook-adoption';
import { RulebookAdoptionError } from '../runner/projection-runner';
import { LedgerRows } from './ledger-rows';
import { loadPersonLedgers, PersonLedgerCache, personKey, splitPersonKey } from './ledger-state';
import { RulebookVersions } from './rulebook-versions';
import type { BatchWriter, Projection } from './projection';
import { StoredCitationSets } from './rows/citation-set.row';
import { loadMunicipalityBooks } from './rows/cap-year.row';
import { loadProjectLedgers, projectKey } from './rows/project.row';
import { loadTimesheetLedgers, timesheetKey } from './rows/staff-timesheet.row';
import { runWrites } from './sql-rows';

const DOMAIN_TYPES = new Set<string>(DOMAIN_EVENT_TYPES);

/**
 * Folding is synchronous work: every so many events it lets I/O callbacks run, so the previous
 * batch's statements (pipelined catch-up) progress meanwhile instead of waiting for the fold.
 */
const YIELD_EVERY = 100;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How much of the person ledgers the projection keeps between batches (changes, items and postings). */
const LEDGER_CACHE_BUDGET = 25_000;

type BatchEvent =
  | { recorded: RecordedEvent; event: LedgerEvent; adoption?: undefined }
  | { recorded: RecordedEvent; event?: undefined; adoption: RulebookAdoption };

export class LedgerProjection implements Projection {
  readonly name = 'ledger';
  /** Persons of recent batches, and every municipality's books: not read back for each batch. */
  private readonly persons = new PersonLedgerCache(LEDGER_CACHE_BUDGET);
  private readonly books = new Map<string, MunicipalityBooks>();
  /** Every project seen (a worker owns its municipalities, so what it holds is current). */
  private readonly projects = new Map<string, ProjectLedger>();
  /** Every timesheet seen, as the projects. */
  private readonly timesheets = new Map<string, TimesheetLedger>();
  private readonly citationSets = new StoredCitationSets();
  private readonly versions: RulebookVersions;

  constructor(private readonly rulebooks: Rulebooks) {
    this.versions = new RulebookVersions(rulebooks.genesis);
  }

  async apply(batch: RecordedEvent[], tx: EntityManager): Promise<void> {
    const write = await this.prepare(batch, tx);
    await write(tx);
  }

  committed(): void {
    this.persons.committed();
  }

  rolledBack(): void {
    this.persons.clear();
    this.books.clear();
    this.projects.clear();
    this.timesheets.clear();
    this.citationSets.clear();
    this.versions.clear();
  }

  async prepare(batch: RecordedEvent[], reader: DataSource | EntityManager): Promise<BatchWriter> {
    const batchNumber = this.persons.nextBatch();
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
    await this.versions.load(reader);
    const { persons, adopting } = await this.load(events, reader, batchNumber);
    const rows = new LedgerRows(this.citationSets);
    for (let i = 0; i < events.length; i++) {
      if ((i + 1) % YIELD_EVERY === 0) await yieldToIo();
      const { recorded, event, adoption } = events[i];
      const municipality = recorded.metadata.municipality;
      if (adoption) this.versions.adopted(recorded, adoption);
      if (adoption && municipality === '') continue;
      const ledger = {
        municipality,
        books: this.books.get(municipality)!,
        persons: { get: (personId: string) => persons.get(personKey(municipality, personId)) },
        projects: {
          get: (projectId: string) => this.projects.get(projectKey(municipality, projectId)),
          set: (projectId: string, project: ProjectLedger) =>
            this.projects.set(projectKey(municipality, projectId), project),
        },
        timesheets: {
          get: (staffId: string, timesheetId: string) =>
            this.timesheets.get(timesheetKey(municipality, staffId, timesheetId)),
          set: (t: TimesheetLedger) =>
            void this.timesheets.set(timesheetKey(municipality, t.staffId, t.timesheetId), t),
        },
      };
      const rulebook = this.rulebookAt(recorded);
      if (event) rows.add(recorded, applyToLedger(ledger, event, rulebook));
      else rows.add(recorded, this.adopt(ledger, recorded, adopting.get(municipality) ?? [], rulebook));
    }
    const statements = [...this.versions.writes(), ...(await rows.writes())];
    return (tx) => runWrites(tx, statements);
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

  private adopt(
    ledger: Parameters<typeof adoptRulebook>[0],
    recorded: RecordedEvent,
    personIds: string[],
    rulebook: Rulebook,
  ) {
    const { commandId, recordedAt } = recorded.metadata;
    try {
      return adoptRulebook(ledger, { id: recorded.id, commandId, recordedAt }, personIds, rulebook);
    } catch (error) {
      throw new RulebookAdoptionError(
        `rulebook ${rulebook.version} adopted at ${recorded.position} failed for municipality ${ledger.municipality}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }

  /**
   * The ledgers of the persons the events touch (held or read) — those ledgerScope names and
   * every participant of the projects it names — after reading the books of municipalities and
   * the projects not seen before; for a municipality an adoption re-judges, every person of it
   * with cost items (`adopting`: their ids, sorted).
   */
  private async load(
    events: BatchEvent[],
    reader: DataSource | EntityManager,
    batchNumber: number,
  ): Promise<{ persons: Map<string, PersonLedger>; adopting: Map<string, string[]> }> {
    const ledgers = new Map<string, PersonLedger>();
    const toLoad = new Map<string, { municipality: string; personId: string }>();
    const municipalities = new Set<string>();
    const take = (municipality: string, personId: string) => {
      const key = personKey(municipality, personId);
      if (ledgers.has(key) || toLoad.has(key)) return;
      const held = this.persons.take(key, batchNumber);
      if (held) ledgers.set(key, held);
      else toLoad.set(key, { municipality, personId });
    };
    const adopting = new Map<string, Set<string>>();
    const scopes: { municipality: string; scope: ReturnType<typeof ledgerScope> }[] = [];
    for (const { recorded, event } of events) {
      const municipality = recorded.metadata.municipality;
      if (municipality === '') continue;
      if (!this.books.has(municipality)) municipalities.add(municipality);
      if (event) scopes.push({ municipality, scope: ledgerScope(event.event) });
      else adopting.set(municipality, new Set());
    }
    await this.loadProjects(scopes, reader);
    for (const { municipality, scope } of scopes) {
      const participants = scope.projectIds.flatMap((id) => {
        const project = this.projects.get(projectKey(municipality, id));
        return project ? personsOfProject(project) : [];
      });
      for (const personId of [...scope.personIds, ...participants]) take(municipality, personId);
    }
    if (adopting.size) {
      const stored: { municipality: string; person_id: string }[] = await reader.query(
        'SELECT DISTINCT municipality, person_id FROM cost_item WHERE municipality = ANY($1)',
        [[...adopting.keys()]],
      );
      const known = [
        ...stored.map((r) => ({ municipality: r.municipality, personId: r.person_id })),
        ...this.persons.heldOf(adopting),
        ...[...ledgers.keys(), ...toLoad.keys()].map(splitPersonKey),
      ];
      for (const { municipality, personId } of known) {
        const ids = adopting.get(municipality);
        if (!ids || ids.has(personId)) continue;
        ids.add(personId);
        take(municipality, personId);
      }
    }
    for (const [key, ledger] of await loadPersonLedgers(reader, [...toLoad.values()])) {
      ledgers.set(key, ledger);
      this.persons.put(key, ledger, batchNumber);
    }
    for (const [municipality, books] of await loadMunicipalityBooks(reader, [...municipalities]))
      this.books.set(municipality, books);
    const sorted = new Map([...adopting].map(([m, ids]) => [m, [...ids].sort()]));
    return { persons: ledgers, adopting: sorted };
  }

  private async loadProjects(
    scopes: { municipality: string; scope: ReturnType<typeof ledgerScope> }[],
    reader: DataSource | EntityManager,
  ): Promise<void> {
    const toLoad = new Map<string, { municipality: string; projectId: string }>();
    for (const { municipality, scope } of scopes)
      for (const projectId of scope.projectIds) {
        const key = projectKey(municipality, projectId);
        if (!this.projects.has(key)) toLoad.set(key, { municipality, projectId });
      }
    for (const [key, project] of await loadProjectLedgers(reader, [...toLoad.values()]))
      this.projects.set(key, project);
    const timesheets = new Map<string, { municipality: string; staffId: string; timesheetId: string }>();
    for (const { municipality, scope } of scopes) {
      if (!scope.timesheet) continue;
      const key = timesheetKey(municipality, scope.timesheet.staffId, scope.timesheet.timesheetId);
      if (!this.timesheets.has(key)) timesheets.set(key, { municipality, ...scope.timesheet });
    }
    for (const [key, timesheet] of await loadTimesheetLedgers(reader, [...timesheets.values()]))
      this.timesheets.set(key, timesheet);
  }
}

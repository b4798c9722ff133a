// The ledger projection: an adapter around libs/ledger. For each batch it loads what the events
// touch (the persons ledgerScope names, the municipalities' books), folds every event with
// applyToLedger and writes the facts and postings with one statement per table (ledger-rows.ts).
import { DOMAIN_EVENT_TYPES, parseEvent } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import {
  applyToLedger,
  ledgerScope,
  type DecideRefund,
  type LedgerEvent,
  type MunicipalityBooks,
  type PersonLedger,
  type ProjectLedger,
  personsOfProject,
} from '@app/ledger';
import type { DataSource, EntityManager } from 'typeorm';
import { LedgerRows } from './ledger-rows';
import { loadPersonLedgers, PersonLedgerCache, personKey } from './ledger-state';
import type { BatchWriter, Projection } from './projection';
import { StoredCitationSets } from './rows/citation-set.row';
import { loadMunicipalityBooks } from './rows/cap-year.row';
import { loadProjectLedgers, projectKey } from './rows/project.row';
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

type BatchEvent = { recorded: RecordedEvent; event: LedgerEvent };

export class LedgerProjection implements Projection {
  readonly name = 'ledger';
  /** Persons of recent batches, and every municipality's books: not read back for each batch. */
  private readonly persons = new PersonLedgerCache(LEDGER_CACHE_BUDGET);
  private readonly books = new Map<string, MunicipalityBooks>();
  /** Every project seen (a worker owns its municipalities, so what it holds is current). */
  private readonly projects = new Map<string, ProjectLedger>();
  private readonly citationSets = new StoredCitationSets();

  constructor(private readonly decide: DecideRefund) {}

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
    this.citationSets.clear();
  }

  async prepare(batch: RecordedEvent[], reader: DataSource | EntityManager): Promise<BatchWriter> {
    const batchNumber = this.persons.nextBatch();
    const events: BatchEvent[] = [];
    for (const recorded of batch) {
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
    const persons = await this.load(events, reader, batchNumber);
    const rows = new LedgerRows(this.citationSets);
    for (let i = 0; i < events.length; i++) {
      if ((i + 1) % YIELD_EVERY === 0) await yieldToIo();
      const { recorded, event } = events[i];
      const municipality = recorded.metadata.municipality;
      const ledger = {
        municipality,
        books: this.books.get(municipality)!,
        persons: { get: (personId: string) => persons.get(personKey(municipality, personId)) },
        projects: {
          get: (projectId: string) => this.projects.get(projectKey(municipality, projectId)),
          set: (projectId: string, project: ProjectLedger) =>
            this.projects.set(projectKey(municipality, projectId), project),
        },
      };
      rows.add(recorded, applyToLedger(ledger, event, this.decide));
    }
    const statements = await rows.writes();
    return (tx) => runWrites(tx, statements);
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
    const scopes = events.map(({ recorded, event }) => ({
      municipality: recorded.metadata.municipality,
      scope: ledgerScope(event.event),
    }));
    await this.loadProjects(scopes, reader);
    for (const { municipality, scope } of scopes) {
      if (!this.books.has(municipality)) municipalities.add(municipality);
      const participants = scope.projectIds.flatMap((id) => {
        const project = this.projects.get(projectKey(municipality, id));
        return project ? personsOfProject(project) : [];
      });
      for (const personId of [...scope.personIds, ...participants]) {
        const key = personKey(municipality, personId);
        if (ledgers.has(key) || toLoad.has(key)) continue;
        const held = this.persons.take(key, batchNumber);
        if (held) ledgers.set(key, held);
        else toLoad.set(key, { municipality, personId });
      }
    }
    for (const [key, ledger] of await loadPersonLedgers(reader, [...toLoad.values()])) {
      ledgers.set(key, ledger);
      this.persons.put(key, ledger, batchNumber);
    }
    for (const [municipality, books] of await loadMunicipalityBooks(reader, [...municipalities]))
      this.books.set(municipality, books);
    return ledgers;
  }

  private async loadProjects(
    scopes: { municipality: string; scope: { projectIds: string[] } }[],
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
  }
}

// A rulebook adoption for one municipality, re-judged a batch of persons at a time inside the
// transaction of the log batch it belongs to: each batch's ledgers are read, judged again and their
// postings written before the next batch is read, so memory holds one batch of persons however
// large the municipality. Once every person has been re-judged the open cap years are restated.
// The adoption stays one event: its postings commit with the checkpoint that passes it, so a crash
// midway rolls all of them back and the restarted projector re-judges from the first person again
// (nothing lost, nothing doubled).
import type { RecordedEvent } from '@app/event-store';
import { startAdoption, type LedgerOutcome, type MunicipalityBooks, type PersonLedger } from '@app/ledger';
import type { Rulebook } from '@app/rules';
import type { EntityManager } from 'typeorm';
import { RulebookAdoptionError } from '../runner/projection-runner';
import { LedgerRows } from './ledger-rows';
import { loadPersonLedgers, personKey } from './ledger-state';
import { personsOf } from './rows/ledger-cause.row';
import type { StoredCitationSets } from './rows/citation-set.row';
import { runWrites } from './sql-rows';

/** How many persons an adoption re-judges at a time, unless told otherwise. */
export const ADOPTION_BATCH_PERSONS = 500;

export interface MunicipalityAdoption {
  /** The adoption's copy for the municipality (rulebook-adoption.ts fanOut). */
  recorded: RecordedEvent;
  rulebook: Rulebook;
  /** The version a posting was made under (null: before postings carried it, the genesis version). */
  rulebookOf(version: string | null): Rulebook;
  books: MunicipalityBooks;
  /** A person's ledger the projection holds (then it is current, and stays so), or undefined: read it. */
  held(personId: string): PersonLedger | undefined;
  citationSets: StoredCitationSets;
  /** Whether the postings' totals are written with them (not during a bulk load). */
  sumsTotals: boolean;
  batchPersons: number;
}

/**
 * Re-judges every person of the municipality with cost items, `batchPersons` at a time in person
 * id order (the order of the postings' ordinals), and writes the postings in `tx`, which must
 * already hold everything before the adoption in the log.
 */
export async function writeAdoption(tx: EntityManager, a: MunicipalityAdoption): Promise<void> {
  const { recorded, rulebook } = a;
  const municipality = recorded.metadata.municipality;
  const { commandId, recordedAt } = recorded.metadata;
  const judged = <T>(judge: () => T): T => {
    try {
      return judge();
    } catch (error) {
      throw new RulebookAdoptionError(
        `rulebook ${rulebook.version} adopted at ${recorded.position} failed for municipality ${municipality}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  };
  const readoption = startAdoption(
    { books: a.books },
    { id: recorded.id, commandId, recordedAt },
    rulebook,
    (p) => a.rulebookOf(p.rulebookVersion).capYearOf,
  );
  const personIds = await personsWithCostItems(tx, municipality);
  let ordinal = 0;
  const persons = new Set<string>();
  const write = async (outcome: LedgerOutcome, cause: boolean) => {
    const rows = new LedgerRows(a.citationSets, a.sumsTotals);
    rows.add(recorded, { facts: outcome.facts, postings: [] });
    rows.addPostings(recorded, outcome.postings, ordinal);
    ordinal += outcome.postings.length;
    personsOf(outcome.postings, persons);
    if (cause && ordinal > 0) rows.addCause(recorded, persons);
    await runWrites(tx, rows.writes());
  };
  for (let from = 0; from < personIds.length; from += a.batchPersons) {
    const batch = personIds.slice(from, from + a.batchPersons);
    const ledgers = await ledgersOf(tx, municipality, batch, a.held);
    const postings = judged(() => readoption.rejudge(batch.map((id) => ledgers.get(id)!)));
    await write({ facts: [], postings }, false);
  }
  await write(
    judged(() => readoption.finish()),
    true,
  );
}

/** The ids of the municipality's persons with cost items, sorted as JavaScript sorts (not by the database's collation). */
async function personsWithCostItems(tx: EntityManager, municipality: string): Promise<string[]> {
  const rows: { person_id: string }[] = await tx.query(
    'SELECT DISTINCT person_id FROM cost_item WHERE municipality = $1',
    [municipality],
  );
  return rows.map((r) => r.person_id).sort();
}

/** The persons' ledgers: those held as they are, the others read (and not kept once the batch is written). */
async function ledgersOf(
  tx: EntityManager,
  municipality: string,
  personIds: readonly string[],
  held: (personId: string) => PersonLedger | undefined,
): Promise<Map<string, PersonLedger>> {
  const ledgers = new Map<string, PersonLedger>();
  const toRead: { municipality: string; personId: string }[] = [];
  for (const personId of personIds) {
    const ledger = held(personId);
    if (ledger) ledgers.set(personId, ledger);
    else toRead.push({ municipality, personId });
  }
  const read = await loadPersonLedgers(tx, toRead);
  for (const { personId } of toRead) ledgers.set(personId, read.get(personKey(municipality, personId))!);
  return ledgers;
}

// citation_set: the citation lists postings refer to (citations_id), each stored once.
import type { Posting } from '@app/ledger';
import { citationSetId, type CitationSet } from '../citation-sets';
import type { Write } from '../sql-rows';

/** Citation lists repeat endlessly: their id and JSON, memoised by value, and by list (the ledger shares one list between the postings that cite it). */
const citationSets = new Map<string, CitationSet>();
const citationSetsByList = new WeakMap<Posting['citations'], CitationSet>();
function citationSetOf(cs: Posting['citations']): CitationSet {
  const known = citationSetsByList.get(cs);
  if (known) return known;
  let key = '';
  for (const c of cs)
    key += `${c.source}\u0000${c.section}\u0000${c.note === undefined ? '\u0001' : `\u0002${c.note}`}\u0003`;
  let set = citationSets.get(key);
  if (set === undefined) {
    set = citationSetId(cs);
    if (citationSets.size > 10_000) citationSets.clear();
    citationSets.set(key, set);
  }
  citationSetsByList.set(cs, set);
  return set;
}

/** The citation lists a projection has stored (or found stored) in its read models; forget them on a rollback. */
export class StoredCitationSets {
  private readonly stored = new Set<string>();

  /** The id of a posting's citation list; a list not stored yet is added to `unstored`. */
  idOf(citations: Posting['citations'], unstored: CitationSet[]): string {
    const set = citationSetOf(citations);
    if (!this.stored.has(set.id)) {
      this.stored.add(set.id);
      unstored.push(set);
    }
    return set.id;
  }

  clear(): void {
    this.stored.clear();
  }
}

/** New citation lists: inserted unless there (a restarted projector may have stored them before). */
export function citationSetsWrite(sets: CitationSet[]): Write | null {
  if (sets.length === 0) return null;
  // In one order for every worker: concurrent workers then wait for each other's rows instead of deadlocking.
  sets = [...sets].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    sql: 'INSERT INTO citation_set (id, citations) SELECT * FROM unnest($1::uuid[], $2::jsonb[]) ON CONFLICT (id) DO NOTHING',
    params: [sets.map((s) => s.id), sets.map((s) => s.json)],
  };
}

// Canonical copies with a fixed key order, so postings serialise identically however their inputs
// were stored (e.g. JSONB reorders object keys) and never share objects with the rulebook. The
// same few accounts, citation lists and unresolved outcomes recur in every posting: each distinct
// value is one frozen object, shared by the postings that carry it (postings are immutable), from
// bounded tables.
import type { Account, Citation } from '@app/rules';
import type { Unresolved } from './posting.types';

const TABLE_LIMIT = 10_000;

/** Every copy made here: passed again (a posting's own, a treatment's), it is returned as it is, no key built. */
const copies = new WeakSet<object>();

/** A string as part of a table's key: length-prefixed, so that no two values share a key. */
const part = (s: string) => `${s.length}:${s}`;

function interned<T extends object>(table: Map<string, T>, key: string, make: () => T): T {
  let value = table.get(key);
  if (value === undefined) {
    value = make();
    copies.add(value);
    if (table.size >= TABLE_LIMIT) table.clear();
    table.set(key, value);
  }
  return value;
}

const accounts = new Map<string, Account>();
export function copyAccount(a: Account | null): Account | null {
  if (a === null) return null;
  if (copies.has(a)) return a;
  return interned(accounts, part(a.function) + part(a.dranst) + part(a.grouping), () =>
    Object.freeze({ function: a.function, dranst: a.dranst, grouping: a.grouping }),
  );
}

const citationLists = new Map<string, Citation[]>();
export function copyCitations(cs: readonly Citation[]): Citation[] {
  if (copies.has(cs)) return cs as Citation[];
  let key = '';
  for (const c of cs) key += part(c.source) + part(c.section) + (c.note === undefined ? '-' : part(c.note));
  return interned(
    citationLists,
    key,
    () =>
      Object.freeze(
        cs.map((c) =>
          Object.freeze(
            c.note === undefined
              ? { source: c.source, section: c.section }
              : { source: c.source, section: c.section, note: c.note },
          ),
        ),
      ) as Citation[],
  );
}

const unresolvedOutcomes = new Map<string, Unresolved>();
export function copyUnresolved(u: Unresolved | null): Unresolved | null {
  if (u === null) return null;
  if (copies.has(u)) return u;
  const candidates =
    u.candidates === undefined ? '-' : `${u.candidates.length}:${u.candidates.map(part).join('')}`;
  return interned(unresolvedOutcomes, part(u.outcome) + part(u.reason) + candidates, () => {
    const copy: Unresolved = { outcome: u.outcome, reason: u.reason };
    if (u.candidates !== undefined) copy.candidates = Object.freeze([...u.candidates]) as string[];
    return Object.freeze(copy);
  });
}

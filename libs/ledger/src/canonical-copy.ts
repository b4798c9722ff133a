// Fresh copies with a fixed key order, so postings serialise identically however their inputs
// were stored (e.g. JSONB reorders object keys) and never share objects with the rulebook.
import type { Account, Citation } from '@app/rules';
import type { Unresolved } from './posting.types';

export function copyAccount(a: Account | null): Account | null {
  return a === null ? null : { function: a.function, dranst: a.dranst, grouping: a.grouping };
}

export function copyCitations(cs: readonly Citation[]): Citation[] {
  return cs.map((c) =>
    c.note === undefined
      ? { source: c.source, section: c.section }
      : { source: c.source, section: c.section, note: c.note },
  );
}

export function copyUnresolved(u: Unresolved | null): Unresolved | null {
  if (u === null) return null;
  const copy: Unresolved = { outcome: u.outcome, reason: u.reason };
  if (u.candidates !== undefined) copy.candidates = [...u.candidates];
  return copy;
}

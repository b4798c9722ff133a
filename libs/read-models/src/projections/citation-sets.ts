// Citation lists by reference (migration 1732400000004): the id of a list is the md5 of its
// canonical JSON, so the live projector, a rebuild and a replay give every list the same id.
import { createHash } from 'node:crypto';
import type { Citation } from '@app/rules';

/** What a posting's citations are stored as: citation_set(id, citations). */
export interface CitationSet {
  id: string;
  /** The canonical JSON text (fields source, section, note in that order). */
  json: string;
}

/** The id and canonical JSON of a list of citations (fields source, section, note, whatever the input's order, e.g. JSONB's). */
export function citationSetId(citations: readonly Citation[]): CitationSet {
  const json = JSON.stringify(
    citations.map((c) =>
      c.note === undefined
        ? { source: c.source, section: c.section }
        : { source: c.source, section: c.section, note: c.note },
    ),
  );
  const hex = createHash('md5').update(json).digest('hex');
  return {
    id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    json,
  };
}

/** ledger_entry with its citations (SELECT ledger_entry.*, citation_set.citations FROM …). */
export const LEDGER_ENTRY_WITH_CITATIONS =
  'ledger_entry JOIN citation_set ON citation_set.id = ledger_entry.citations_id';
export const LEDGER_ENTRY_COLUMNS_WITH_CITATIONS = 'ledger_entry.*, citation_set.citations';

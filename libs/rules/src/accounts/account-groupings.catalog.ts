// The chart-of-accounts groupings the rulebook books on (BRS July 2020, function 5.68.90 and neighbours;
// VEJ 9584/2025 Bilag 1 for 5.46.60; 6.45.53 for administration), validated at load, for lookups and display.
import type { Account } from '../rulebook.types';
import { isIsoDate } from '@app/domain';
import groupingsDocument from '../data/account-groupings.json';
import type { AccountGrouping } from './account-grouping.model';

interface GroupingRow {
  function: string;
  dranst: string;
  grouping: string;
  title: string;
  validFrom: string | null;
  validTo: string | null;
  source: { source: string; section: string; note?: string };
}

export function accountKey(account: { function: string; dranst: string; grouping: string }): string {
  return `${account.function}/${account.dranst}/${account.grouping}`;
}

/** Problems in the groupings data (empty when valid). */
export function validateGroupingRows(rows: readonly GroupingRow[]): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = accountKey(row);
    if (seen.has(key)) errors.push(`${key}: duplicate grouping`);
    seen.add(key);
    if (!/^\d\.\d{2}\.\d{2}$/.test(row.function)) errors.push(`${key}: bad function`);
    if (!/^\d$/.test(row.dranst)) errors.push(`${key}: bad dranst`);
    if (!/^(\d{3}|-)$/.test(row.grouping)) errors.push(`${key}: bad grouping`);
    if (!row.title) errors.push(`${key}: missing title`);
    for (const date of [row.validFrom, row.validTo])
      if (date !== null && !isIsoDate(date)) errors.push(`${key}: bad date ${date}`);
    if (row.validFrom && row.validTo && row.validFrom > row.validTo)
      errors.push(`${key}: validFrom after validTo`);
    if (!row.source?.source || !row.source.section) errors.push(`${key}: missing source`);
  }
  return errors;
}

function load(): Map<string, AccountGrouping> {
  const rows = groupingsDocument.groupings as GroupingRow[];
  const errors = validateGroupingRows(rows);
  if (errors.length > 0) throw new Error(`account-groupings.json is invalid:\n${errors.join('\n')}`);
  return new Map(
    rows.map((row) => [
      accountKey(row),
      Object.freeze({ key: accountKey(row), ...row, source: Object.freeze({ ...row.source }) }),
    ]),
  );
}

const GROUPINGS = load();
const GROUPING_LIST: readonly AccountGrouping[] = Object.freeze([...GROUPINGS.values()]);

/** Every grouping the rulebook knows, for display. */
export function groupings(): readonly AccountGrouping[] {
  return GROUPING_LIST;
}

/** A grouping by its key 'function/dranst/grouping', or undefined. */
export function groupingByKey(key: string): AccountGrouping | undefined {
  return GROUPINGS.get(key);
}

/** The posting account for a grouping key (throws for a key the chart does not hold). */
export function accountOf(key: string): Account {
  const grouping = GROUPINGS.get(key);
  if (!grouping || (grouping.dranst !== '1' && grouping.dranst !== '2'))
    throw new Error(`unknown posting account ${key}`);
  return Object.freeze({ function: grouping.function, dranst: grouping.dranst, grouping: grouping.grouping });
}

/** An account as the chart of accounts names it, field by field, with its grouping's title. */
export interface AccountFields {
  /** "5" of 5.68.90. */
  hovedkonto: string;
  /** "5.68.90": hovedkonto, hovedfunktion, funktion. */
  function: string;
  dranst: string;
  grouping: string;
  /** The grouping's title in the chart, or null for a grouping the catalog does not hold. */
  title: string | null;
}

/** "5.68.90.1.097" (function.dranst.grouping) → its fields and the grouping's title. */
export function accountFields(account: string): AccountFields {
  const [hovedkonto, hovedfunktion, funktion, dranst, grouping] = account.split('.');
  const fn = `${hovedkonto}.${hovedfunktion}.${funktion}`;
  return {
    hovedkonto,
    function: fn,
    dranst,
    grouping,
    title: GROUPINGS.get(`${fn}/${dranst}/${grouping}`)?.title ?? null,
  };
}

// `npm run cli -- rulebook --date 2025-03-01 [--target-group <group>]` prints the refund rules in force on a
// date as a table, so a finance officer can check them against the sources they cite.
import { TARGET_GROUPS, type IsoDate, type TargetGroup } from '@app/domain';
import { COST_CATEGORIES, RULEBOOK_VERSION, ruleById, rulesInForce, type RuleTableRow } from '@app/rules';
import { renderTable, type Column } from './text-table';
import { UsageError } from './usage-error';

const COLUMNS: Column[] = [
  { header: 'rule', width: 22 },
  { header: 'outcome', width: 9 },
  { header: 'rate', width: 9 },
  { header: 'cap', width: 20 },
  { header: 'accounts (cost → refund)', width: 30 },
  { header: 'target groups', width: 28 },
  { header: 'categories', width: 28 },
  { header: 'conditions', width: 26 },
  { header: 'valid', width: 24 },
  { header: 'sources', width: 44 },
];

/** A seed file name ('000_140518b2c182b2de.txt'), printed as its number ('[000]'); the legend names the files. */
const SEED_FILE = /\b(\d{3})_[0-9a-f]{16}\.txt\b/g;

/** A list of values as printed: 'all', 'all but x, y' when most are listed, else the values themselves. */
export function listOrAll(values: readonly string[], universe: readonly string[]): string {
  if (values.length === universe.length && universe.every((v) => values.includes(v))) return 'all';
  const missing = universe.filter((v) => !values.includes(v));
  return values.length > universe.length / 2 && missing.length <= 3
    ? `all but ${missing.join(', ')}`
    : values.join(', ');
}

/** The rate column: the rate of a rule, or for no_rule/ambiguous '-' or the rate the sources indicate in brackets. */
function rateOf(row: RuleTableRow): string {
  if (row.outcome === 'rule') return row.rate;
  const rule = ruleById(row.id);
  const indicated = rule && rule.outcome !== 'rule' ? rule.indicatedRateBasisPoints : undefined;
  return indicated === undefined ? '-' : `(${indicated / 100} %)`;
}

export function rulebookTableRow(row: RuleTableRow): string[] {
  const accounts =
    row.costAccount === ''
      ? '-'
      : row.refundAccount === ''
        ? row.costAccount
        : `${row.costAccount} → ${row.refundAccount}`;
  return [
    row.id,
    row.outcome,
    rateOf(row),
    row.cap === '' ? '-' : row.cap,
    accounts,
    listOrAll(row.targetGroups.split(', '), TARGET_GROUPS),
    listOrAll(row.categories.split(', '), COST_CATEGORIES),
    row.conditions === '' ? '-' : row.conditions,
    `${row.validFrom} – ${row.validTo === '' ? 'open' : row.validTo}`,
    row.sources.replace(SEED_FILE, '[$1]'),
  ];
}

/** The whole printout for a date: heading, table, and how to read the rate column. Pure. */
export function formatRulebook(
  date: IsoDate,
  rows: readonly RuleTableRow[],
  targetGroup?: TargetGroup,
): string {
  const scope = targetGroup ? ` for ${targetGroup}` : '';
  const heading = `Refund rules in force on ${date}${scope} (rulebook ${RULEBOOK_VERSION}): ${rows.length} row(s)`;
  const seedFiles = [...new Set(rows.flatMap((row) => row.sources.match(SEED_FILE) ?? []))].sort();
  const legend = [
    'rate: "(x %)" = no_rule/ambiguous, but the sources indicate this rate (never booked as a refund); "-" = none indicated.',
    'conditions: further query attributes a row requires (unconstrained dimensions accept every value; scheme defaults to none).',
    `sources: [nnn] = the seed file in shared/seeds starting with that number (${seedFiles.join(', ')}), then the section or passage.`,
    'A row covers every combination of its target groups × categories × conditions; `explain` shows the decision for one.',
  ];
  return [heading, '', renderTable(COLUMNS, rows.map(rulebookTableRow)), '', ...legend].join('\n');
}

export interface RulebookOptions {
  date: string;
  targetGroup?: TargetGroup;
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export async function rulebookCommand({ date, targetGroup }: RulebookOptions): Promise<void> {
  if (!isCalendarDate(date)) throw new UsageError('--date must be a calendar date YYYY-MM-DD');
  const rows = rulesInForce(date).filter(
    (row) => !targetGroup || row.targetGroups.split(', ').includes(targetGroup),
  );
  console.log(formatRulebook(date, rows, targetGroup));
}

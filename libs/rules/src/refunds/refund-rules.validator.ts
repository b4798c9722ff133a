// Hand-written schema check of data/refund-rules.json: every row well-formed, cited, booked on a known grouping
// that is valid for the row's dates, and no two rows claiming the same query on the same day.
import { TARGET_GROUPS, isIsoDate, END_OF_TIME } from '@app/domain';
import type { AccountGrouping } from '../accounts/account-grouping.model';
import {
  COST_CATEGORIES,
  CONDITION_DIMENSIONS,
  CONDITION_VALUES,
  DEFAULT_CONDITIONS,
  type ConditionDimension,
  type RefundRule,
  type RefundRulesDocument,
} from './refund-rule.model';

export const SEED_FILES: readonly string[] = [
  '000_140518b2c182b2de.txt',
  '001_fcfd66b91da6fb8d.txt',
  '002_4983c5daf0fb88e9.txt',
  '003_ba212cd929ee8ae7.txt',
  '004_7b71a4a1118163a3.txt',
];
const CAP_IDS = [
  'driftsloft_dagpenge_kontanthjaelp',
  'driftsloft_sygedagpenge_revalidering',
  'integration_raadighedsloft',
  'mentorramme',
];
const OUTCOMES = ['rule', 'no_rule', 'ambiguous'];

type GroupingLookup = (key: string) => AccountGrouping | undefined;

function subsetErrors(id: string, field: string, values: unknown, allowed: readonly string[]): string[] {
  if (!Array.isArray(values) || values.length === 0) return [`${id}: ${field} must be a non-empty list`];
  return values
    .filter((v) => !allowed.includes(v as string))
    .map((v) => `${id}: unknown ${field} value '${String(v)}'`);
}

function accountErrors(
  rule: RefundRule,
  field: string,
  key: string,
  dranst: string,
  lookup: GroupingLookup,
): string[] {
  const grouping = lookup(key);
  if (!grouping) return [`${rule.id}: ${field} ${key} is not in account-groupings.json`];
  const errors: string[] = [];
  if (grouping.dranst !== dranst) errors.push(`${rule.id}: ${field} ${key} must be dranst ${dranst}`);
  if (grouping.validFrom && rule.validFrom < grouping.validFrom)
    errors.push(`${rule.id}: ${field} ${key} is valid only from ${grouping.validFrom}`);
  if (grouping.validTo && (rule.validTo ?? END_OF_TIME) > grouping.validTo)
    errors.push(`${rule.id}: ${field} ${key} is valid only to ${grouping.validTo}`);
  return errors;
}

function outcomeErrors(rule: RefundRule, lookup: GroupingLookup, ids: ReadonlySet<string>): string[] {
  const errors: string[] = [];
  if (rule.outcome === 'rule') {
    const rate = rule.rateBasisPoints;
    if (!Number.isInteger(rate) || rate < 0 || rate > 10000)
      errors.push(`${rule.id}: rateBasisPoints must be an integer 0..10000`);
    if (rule.cap !== null && !CAP_IDS.includes(rule.cap))
      errors.push(`${rule.id}: unknown cap '${rule.cap}'`);
    if (rate === 0 && (rule.cap !== null || rule.refundAccount !== null))
      errors.push(`${rule.id}: a 0 % rule has neither cap nor refund account`);
    errors.push(...accountErrors(rule, 'costAccount', rule.costAccount, '1', lookup));
    if (rule.refundAccount !== null)
      errors.push(...accountErrors(rule, 'refundAccount', rule.refundAccount, '2', lookup));
    return errors;
  }
  if (typeof rule.reason !== 'string' || rule.reason.length < 10)
    errors.push(`${rule.id}: ${rule.outcome} needs a reason`);
  if (rule.costAccount !== undefined)
    errors.push(...accountErrors(rule, 'costAccount', rule.costAccount, '1', lookup));
  if (rule.outcome === 'ambiguous') {
    if (!rule.candidates?.length) errors.push(`${rule.id}: ambiguous needs candidates`);
    for (const candidate of rule.candidates ?? [])
      if (!ids.has(candidate)) errors.push(`${rule.id}: unknown candidate ${candidate}`);
  }
  const indicated = rule.indicatedRateBasisPoints;
  if (indicated !== undefined && (!Number.isInteger(indicated) || indicated < 0 || indicated > 10000))
    errors.push(`${rule.id}: bad indicatedRateBasisPoints`);
  if (rule.indicatedCap !== undefined && rule.indicatedCap !== null && !CAP_IDS.includes(rule.indicatedCap))
    errors.push(`${rule.id}: bad indicatedCap`);
  return errors;
}

function rowErrors(rule: RefundRule, lookup: GroupingLookup, ids: ReadonlySet<string>): string[] {
  const id =
    typeof rule.id === 'string' && /^[A-Z0-9][A-Z0-9-]*$/.test(rule.id)
      ? rule.id
      : `row '${String(rule.id)}'`;
  const errors: string[] = [];
  if (id !== rule.id) errors.push(`${id}: id must be upper-case letters, digits and dashes`);
  if (typeof rule.title !== 'string' || rule.title.length === 0) errors.push(`${id}: missing title`);
  if (!isIsoDate(rule.validFrom)) errors.push(`${id}: bad validFrom`);
  if (rule.validTo !== null && !isIsoDate(rule.validTo)) errors.push(`${id}: bad validTo`);
  if (rule.validTo !== null && rule.validFrom > rule.validTo) errors.push(`${id}: validFrom after validTo`);
  if (!OUTCOMES.includes(rule.outcome)) errors.push(`${id}: unknown outcome '${String(rule.outcome)}'`);
  errors.push(...subsetErrors(id, 'targetGroups', rule.when?.targetGroups, TARGET_GROUPS));
  errors.push(...subsetErrors(id, 'categories', rule.when?.categories, COST_CATEGORIES));
  for (const dimension of CONDITION_DIMENSIONS) {
    if (rule.when?.[dimension] !== undefined)
      errors.push(...subsetErrors(id, dimension, rule.when[dimension], CONDITION_VALUES[dimension]));
  }
  if (!Array.isArray(rule.sources) || rule.sources.length === 0)
    errors.push(`${id}: at least one source citation is required`);
  for (const citation of rule.sources ?? []) {
    if (!SEED_FILES.includes(citation.source))
      errors.push(`${id}: source '${citation.source}' is not a seed file`);
    if (!citation.section) errors.push(`${id}: citation without section`);
  }
  return errors.length > 0 ? errors : outcomeErrors(rule, lookup, ids);
}

/** The values a row accepts for a dimension (all values when the row does not constrain it). */
export function acceptedValues(rule: RefundRule, dimension: ConditionDimension): readonly string[] {
  return rule.when[dimension] ?? DEFAULT_CONDITIONS[dimension] ?? CONDITION_VALUES[dimension];
}

function intersects(a: readonly string[], b: readonly string[]): boolean {
  return a.some((value) => b.includes(value));
}

function overlapErrors(rules: readonly RefundRule[]): string[] {
  const errors: string[] = [];
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const [a, b] = [rules[i], rules[j]];
      const datesOverlap =
        a.validFrom <= (b.validTo ?? END_OF_TIME) && b.validFrom <= (a.validTo ?? END_OF_TIME);
      if (
        datesOverlap &&
        intersects(a.when.targetGroups, b.when.targetGroups) &&
        intersects(a.when.categories, b.when.categories) &&
        CONDITION_DIMENSIONS.every((d) => intersects(acceptedValues(a, d), acceptedValues(b, d)))
      ) {
        errors.push(`${a.id} and ${b.id} overlap`);
      }
    }
  }
  return errors;
}

function readingErrors(
  reading: RefundRulesDocument['mentorAgreementReading'],
  ids: ReadonlySet<string>,
): string[] {
  if (!reading) return ['document: missing mentorAgreementReading'];
  const errors: string[] = [];
  if (ids.has(reading.id)) errors.push(`${reading.id}: mentorAgreementReading id is also a rule id`);
  if (!isIsoDate(reading.validFrom) || !isIsoDate(reading.validTo) || reading.validFrom > reading.validTo)
    errors.push(`${reading.id}: bad validity`);
  errors.push(...subsetErrors(reading.id, 'agreementGroups', reading.agreementGroups, TARGET_GROUPS));
  errors.push(...subsetErrors(reading.id, 'followsAgreementFor', reading.followsAgreementFor, TARGET_GROUPS));
  if (!reading.reason || !reading.followNote)
    errors.push(`${reading.id}: reason and followNote are required`);
  if (!reading.sources?.length || reading.sources.some((c) => !SEED_FILES.includes(c.source) || !c.section))
    errors.push(`${reading.id}: every source must be a seed file with a section`);
  return errors;
}

function capAdjustmentAccountsErrors(
  reading: RefundRulesDocument['capAdjustmentAccounts'],
  ids: ReadonlySet<string>,
): string[] {
  if (reading === undefined) return [];
  const errors: string[] = [];
  if (ids.has(reading.id)) errors.push(`${reading.id}: capAdjustmentAccounts id is also a rule id`);
  if (reading.reading !== 'per_refund_account')
    errors.push(`${reading.id}: unknown reading ${reading.reading}`);
  if (!reading.title || !reading.note) errors.push(`${reading.id}: title and note are required`);
  if (!reading.sources?.length || reading.sources.some((c) => !SEED_FILES.includes(c.source) || !c.section))
    errors.push(`${reading.id}: every source must be a seed file with a section`);
  return errors;
}

function afloebCapYearsErrors(
  reading: RefundRulesDocument['afloebCapYears'],
  ids: ReadonlySet<string>,
  lookup: GroupingLookup,
): string[] {
  if (reading === undefined) return [];
  const errors: string[] = [];
  if (ids.has(reading.id)) errors.push(`${reading.id}: afloebCapYears id is also a rule id`);
  if (!reading.title || !reading.note) errors.push(`${reading.id}: title and note are required`);
  const claimed = new Set<string>();
  for (const a of reading.allowances ?? []) {
    if (!CAP_IDS.includes(a.cap)) errors.push(`${reading.id}: unknown cap ${a.cap}`);
    if (!Number.isInteger(a.capYear)) errors.push(`${reading.id}: capYear must be a year`);
    if (!SEED_FILES.includes(a.source?.source) || !a.source?.section)
      errors.push(`${reading.id}: every allowance must cite a seed file with a section`);
    for (const key of a.costAccounts) {
      if (!lookup(key)) errors.push(`${reading.id}: unknown account ${key}`);
      if (claimed.has(`${a.cap}/${key}`)) errors.push(`${reading.id}: ${a.cap} ${key} named twice`);
      claimed.add(`${a.cap}/${key}`);
    }
  }
  if (claimed.size === 0) errors.push(`${reading.id}: no allowances`);
  return errors;
}

/** Problems in the refund rules document (empty when valid). */
export function validateRefundRules(document: RefundRulesDocument, lookup: GroupingLookup): string[] {
  const errors: string[] = [];
  if (typeof document.version !== 'string' || document.version.length === 0)
    errors.push('document: missing version');
  const buckets = document.monthsBuckets ?? [];
  buckets.forEach((bucket, i) => {
    if (bucket.id !== CONDITION_VALUES.months[i])
      errors.push(`monthsBuckets[${i}]: expected id ${CONDITION_VALUES.months[i]}`);
    const expectedFrom = i === 0 ? 0 : buckets[i - 1].toMonths;
    if (bucket.fromMonths !== expectedFrom)
      errors.push(`monthsBuckets[${i}]: must start where the previous ends`);
    if ((bucket.toMonths === null) !== (i === buckets.length - 1))
      errors.push(`monthsBuckets[${i}]: only the last bucket is open-ended`);
  });
  if (buckets.length !== CONDITION_VALUES.months.length - 1)
    errors.push('monthsBuckets: one bucket per months value except unknown');
  const ids = new Set<string>();
  for (const rule of document.rules ?? []) {
    if (ids.has(rule.id)) errors.push(`${rule.id}: duplicate id`);
    ids.add(rule.id);
  }
  errors.push(...readingErrors(document.mentorAgreementReading, ids));
  errors.push(...capAdjustmentAccountsErrors(document.capAdjustmentAccounts, ids));
  errors.push(...afloebCapYearsErrors(document.afloebCapYears, ids, lookup));
  const rowProblems = (document.rules ?? []).flatMap((rule) => rowErrors(rule, lookup, ids));
  errors.push(...rowProblems);
  if (rowProblems.length === 0) errors.push(...overlapErrors(document.rules));
  return errors;
}

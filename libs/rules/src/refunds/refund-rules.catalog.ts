// Every adopted version of the rule data (data/<version>/refund-rules.json), each loaded once,
// validated (throws at import if one is broken) and frozen. A version once adopted by a ledger
// (RulebookAdopted in its log) is never edited: a correction is a new version beside it.
import { groupingByKey } from '../accounts/account-groupings.catalog';
import genesisDocument from '../data/2026.12-2/refund-rules.json';
import integrationSupportDocument from '../data/2026.12-3/refund-rules.json';
import resultGrantDocument from '../data/2026.12-4/refund-rules.json';
import capAccountsDocument from '../data/2026.12-5/refund-rules.json';
import currentDocument from '../data/2026.12-6/refund-rules.json';
import type {
  MentorAgreementReading,
  MonthsBucket,
  RefundRule,
  RefundRulesDocument,
} from './refund-rule.model';
import { validateRefundRules } from './refund-rules.validator';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function load(data: unknown): RefundRulesDocument {
  const document = data as RefundRulesDocument;
  const errors = validateRefundRules(document, groupingByKey);
  if (errors.length > 0)
    throw new Error(`refund-rules.json of ${document.version} is invalid:\n${errors.join('\n')}`);
  return deepFreeze(document);
}

/** Oldest first; the last is the version this code adopts. */
const DOCUMENTS: readonly RefundRulesDocument[] = [
  genesisDocument,
  integrationSupportDocument,
  resultGrantDocument,
  capAccountsDocument,
  currentDocument,
].map(load);
const BY_VERSION = new Map(DOCUMENTS.map((d) => [d.version, d]));
const DOCUMENT = DOCUMENTS[DOCUMENTS.length - 1];
const RULES_BY_ID = new Map(
  DOCUMENTS.map((d) => [d.version, new Map(d.rules.map((rule) => [rule.id, rule]))]),
);

/** The version this code adopts when first deployed (the newest); stored with every posting made under it. */
export const RULEBOOK_VERSION: string = DOCUMENT.version;

/**
 * The version a ledger was judged under where its log holds no RulebookAdopted yet: the rule data
 * in force when the log began to record adoptions.
 */
export const GENESIS_RULEBOOK_VERSION: string = DOCUMENTS[0].version;

/** Every version of the rule data this code can judge by, oldest first. */
export const RULEBOOK_VERSIONS: readonly string[] = DOCUMENTS.map((d) => d.version);

/** The rule data of a version; throws for a version this code does not know (adopted by newer code). */
export function rulesDocument(version: string): RefundRulesDocument {
  const document = BY_VERSION.get(version);
  if (!document)
    throw new RangeError(
      `rulebook version ${version} is unknown to this code (it knows ${RULEBOOK_VERSIONS.join(', ')})`,
    );
  return document;
}

/** Every row of the current rulebook, in data order. */
export function refundRules(): readonly RefundRule[] {
  return DOCUMENT.rules;
}

/** When the mentor agreement's target group rather than the activity date's decides (2014-2018 groupings 017/019). */
export function mentorAgreementReading(document: RefundRulesDocument = DOCUMENT): MentorAgreementReading {
  return document.mentorAgreementReading;
}

/** A row by id (for explanations) of a version (default: the current one), or undefined. */
export function ruleById(id: string, version: string = RULEBOOK_VERSION): RefundRule | undefined {
  return RULES_BY_ID.get(version)?.get(id);
}

/** The months-of-unemployment bucket ('lt9', '9to24', 'ge24') of a query, or 'unknown'. */
export function monthsBucketOf(
  monthsUnemployed: number | undefined,
  document: RefundRulesDocument = DOCUMENT,
): string {
  if (monthsUnemployed === undefined || !Number.isFinite(monthsUnemployed) || monthsUnemployed < 0)
    return 'unknown';
  const bucket = document.monthsBuckets.find(
    (b: MonthsBucket) => b.toMonths === null || monthsUnemployed < b.toMonths,
  );
  return bucket ? bucket.id : 'unknown';
}

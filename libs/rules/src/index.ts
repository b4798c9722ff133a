// Public API of the rulebook: refund decisions, rule rows for explanations and tables, account groupings,
// offer category × funding frame validity.
export * from './rulebook.types';
export { decideRefund } from './refunds/refund-decision.engine';
export {
  ruleById,
  refundRules,
  RULEBOOK_VERSION,
  GENESIS_RULEBOOK_VERSION,
  RULEBOOK_VERSIONS,
} from './refunds/refund-rules.catalog';
export { rulebooks } from './refunds/rulebooks';
export { rulesInForce, type RuleTableRow } from './refunds/rules-in-force.table';
export { COST_CATEGORIES, type CostCategory, type RefundRule } from './refunds/refund-rule.model';
export { costCategoryOf } from './refunds/cost-category.mapper';
export {
  groupings,
  groupingByKey,
  accountKey,
  accountFields,
  type AccountFields,
} from './accounts/account-groupings.catalog';
export type { AccountGrouping } from './accounts/account-grouping.model';
export {
  SOURCE_DOCUMENTS,
  SOURCE_KINDS,
  sourceDocument,
  citationReference,
  type SourceDocument,
  type SourceKind,
} from './sources/source-documents';
export { checkOfferValidity, OFFER_CATEGORY_IDS, FUNDING_FRAME_IDS } from './offers/offer-validity.checker';

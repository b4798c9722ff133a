// The filters of the ledger queries (API.md "Queries"), turned into one parameterised WHERE clause.
import { itemKey } from '@app/ledger';

export interface LedgerFilter {
  municipality: string;
  asOf: string;
  personId?: string;
  offerId?: string;
  /** the project's shares of its expenses, and what of them no participant bore */
  projectId?: string;
  /** a target group, or 'unknown' for postings made while the person's group was not known */
  targetGroup?: string;
  kind?: string;
  /** function[.dranst[.grouping]], e.g. 5.68.90.1.097 */
  account?: string;
  bookingPeriod?: string;
  /** booking periods from..to (YYYY-MM, inclusive) */
  bookingPeriodFrom?: string;
  bookingPeriodTo?: string;
  activityFrom?: string;
  activityTo?: string;
}

export function ledgerWhere(filter: LedgerFilter, params: unknown[]): string {
  const clauses = postingClauses(filter, params);
  return [...clauses, `recorded_at <= $${params.push(filter.asOf)}`].join(' AND ');
}

/** The filters without its instant: which postings, whenever recorded. */
export function postingClauses(filter: LedgerFilter, params: unknown[]): string[] {
  const add = (value: unknown) => `$${params.push(value)}`;
  const clauses = [`municipality = ${add(filter.municipality)}`];
  if (filter.personId) clauses.push(`person_id = ${add(filter.personId)}`);
  if (filter.offerId) clauses.push(`offer_id = ${add(filter.offerId)}`);
  if (filter.projectId) {
    const project = add(filter.projectId);
    const unshared = add(`${itemKey('project', filter.projectId)}:`);
    clauses.push(
      `(cost_item_id IN (SELECT cost_item_id FROM cost_item WHERE municipality = $1 AND project_id = ${project}) OR starts_with(cost_item_id, ${unshared}))`,
    );
  }
  if (filter.targetGroup === 'unknown') clauses.push('target_group IS NULL');
  else if (filter.targetGroup) clauses.push(`target_group = ${add(filter.targetGroup)}`);
  if (filter.kind) clauses.push(`kind = ${add(filter.kind)}`);
  if (filter.bookingPeriod) clauses.push(`booking_period = ${add(filter.bookingPeriod)}`);
  if (filter.bookingPeriodFrom) clauses.push(`booking_period >= ${add(filter.bookingPeriodFrom)}`);
  if (filter.bookingPeriodTo) clauses.push(`booking_period <= ${add(filter.bookingPeriodTo)}`);
  if (filter.activityFrom) clauses.push(`activity_to >= ${add(filter.activityFrom)}`);
  if (filter.activityTo) clauses.push(`activity_from <= ${add(filter.activityTo)}`);
  if (filter.account) {
    const parts = filter.account.split('.');
    clauses.push(`account->>'function' = ${add(parts.slice(0, 3).join('.'))}`);
    if (parts[3]) clauses.push(`account->>'dranst' = ${add(parts[3])}`);
    if (parts[4]) clauses.push(`account->>'grouping' = ${add(parts[4])}`);
  }
  return clauses;
}

/** Whether the filter names only keys the totals keep (ledger_total): not a person, an offer or a project. */
export const totalsServe = (filter: LedgerFilter) => !filter.personId && !filter.offerId && !filter.projectId;

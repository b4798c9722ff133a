// The state of one municipality's ledger that an event may touch: its books (closed years, cap
// years) and the ledgers of its persons — each person's timeline changes, cost items and
// postings. Persons are loaded lazily: ledgerScope tells which ones an event needs.
import { timesheetProjectIds, type DomainEvent } from '@app/domain';
import type { MunicipalityBooks } from '../caps/cap-restatement';
import type { CostItem, Posting } from '../posting.types';
import type { TargetGroupChangeRecord } from '../timeline';
import type { OfferCarveOut, ProjectLedger } from './project-ledger';
import type { TimesheetLedger } from './timesheet-split';

/** A cost item and whether it has been reversed (a reversed item is posted as nothing). */
export interface StoredCostItem extends CostItem {
  reversed: boolean;
}

/** Everything about one person that their postings depend on. */
export interface PersonLedger {
  changes: TargetGroupChangeRecord[];
  items: Map<string, StoredCostItem>;
  /** Every posting of the person's cost items, in log order. */
  postings: Posting[];
  /** The person's offers cancelled, with the reason: a cost of one that arrives later is reversed as it arrives. */
  cancelledOffers: Map<string, string>;
  /** The carve-outs of the person's offers outside a project, in the order recorded. */
  offerCarveOuts: OfferCarveOut[];
}

export const emptyPersonLedger = (): PersonLedger => ({
  changes: [],
  items: new Map(),
  postings: [],
  cancelledOffers: new Map(),
  offerCarveOuts: [],
});

/**
 * A new cost item of an offer cancelled before it arrived (its command was decided before the cancellation and
 * appended after it): reversed as the cancellation reversed the offer's costs before it, so the order in which the
 * two reach the log does not change what is posted. Returns the reason, or null for an offer not cancelled.
 */
export function reverseIfOfferCancelled(person: PersonLedger, item: StoredCostItem): string | null {
  const reason = item.offerId === null ? undefined : person.cancelledOffers.get(item.offerId);
  if (reason === undefined) return null;
  item.reversed = true;
  return `offer cancelled: ${reason}`;
}

/** One municipality's ledger, as far as it is loaded. */
export interface MunicipalityLedger {
  municipality: string;
  books: MunicipalityBooks;
  /** The persons loaded; applyToLedger needs those ledgerScope names, and every participant of its projects (personsOfProject). */
  persons: { get(personId: string): PersonLedger | undefined };
  /** The projects loaded (those ledgerScope names); a registered project is added. */
  projects: {
    get(projectId: string): ProjectLedger | undefined;
    set(projectId: string, project: ProjectLedger): void;
  };
  /** The timesheets loaded (the one ledgerScope names); a new one is added. */
  timesheets: {
    get(staffId: string, timesheetId: string): TimesheetLedger | undefined;
    set(timesheet: TimesheetLedger): void;
  };
}

/** What of a municipality's ledger an event reads and changes (besides its books). */
interface LedgerScope {
  personIds: string[];
  /** With each of them, every person personsOfProject names. */
  projectIds: string[];
  /** The timesheet whose revision the event records. */
  timesheet?: { staffId: string; timesheetId: string };
}

export function ledgerScope(event: DomainEvent): LedgerScope {
  switch (event.type) {
    case 'CapParametersSet':
    case 'AccountingYearClosed':
      return { personIds: [], projectIds: [] };
    case 'AdministrativeShareRecorded': {
      const { projectId, personId } = event.data;
      return projectId === undefined
        ? { personIds: [personId!], projectIds: [] }
        : { personIds: [], projectIds: [projectId] };
    }
    case 'ProjectRegistered':
    case 'ProjectExpenseRecorded':
      return { personIds: [], projectIds: [event.data.projectId] };
    case 'StaffTimesheetRecorded': {
      const d = event.data;
      return {
        personIds: [...new Set([...d.offers, ...(d.replaces?.offers ?? [])].map((o) => o.personId))],
        projectIds: [...new Set([...timesheetProjectIds(d), ...(d.replaces?.projectIds ?? [])])],
        timesheet: { staffId: d.staffId, timesheetId: d.timesheetId },
      };
    }
    case 'OfferRegistered':
    case 'OfferPeriodChanged':
    case 'OfferCancelled':
      return {
        personIds: [event.data.personId],
        projectIds: event.data.projectId === undefined ? [] : [event.data.projectId],
      };
    default:
      return { personIds: [event.data.personId], projectIds: [] };
  }
}

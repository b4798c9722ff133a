// What an event did to a municipality's ledger besides its postings, in the ledger's terms: the
// read side turns each fact into a row of its table.
import type { DomainEvent } from '@app/domain';
import type { CapComputation, CapParameters } from '../caps/cap';
import type { CapYear } from '../caps/cap-restatement';
import type { Posting } from '../posting.types';
import type { TargetGroupChangeRecord } from '../timeline';
import type { StoredCostItem } from './ledger-state';
import type { ProjectCarveOut, ProjectLedger, ProjectShare } from './project-ledger';
import type { TimesheetLedger } from './timesheet-split';

type EventOf<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

export type LedgerFact =
  | { type: 'target_group_changed'; personId: string; change: TargetGroupChangeRecord; reason: string | null }
  | { type: 'target_group_change_retracted'; changeCommandId: string; reason: string | null }
  /** A version of an offer (registered, period changed, cancelled): the offer read model's history. */
  | { type: 'offer_version'; event: EventOf<'OfferRegistered' | 'OfferPeriodChanged' | 'OfferCancelled'> }
  | { type: 'mentor_agreement_registered'; agreement: EventOf<'MentorAgreementRegistered'>['data'] }
  | { type: 'expense_recorded'; item: StoredCostItem; invoiceRef: string | null }
  | { type: 'mentor_hours_recorded'; item: StoredCostItem; hours: EventOf<'MentorHoursRecorded'>['data'] }
  | { type: 'cost_item_reversed'; costItemId: string; reason: string }
  | {
      type: 'cap_parameters_set';
      year: number;
      cap: CapYear['cap'];
      parameters: CapParameters;
      reason: string | null;
    }
  | { type: 'accounting_year_closed'; year: number; reason: string | null }
  /** A cap adjustment's computation (the posting itself is among the postings). */
  | { type: 'cap_restated'; entryId: string; computation: CapComputation }
  /** A project after the event changed it (its participants, expenses and their shares); created: registered by it. */
  | { type: 'project_changed'; project: ProjectLedger; created: boolean }
  /** A participant's share of a project expense as it now stands (share null: no longer theirs, the item reversed). */
  | {
      type: 'project_share_set';
      projectId: string;
      expenseId: string;
      expenseAmountOere: number;
      totalParticipantDays: number;
      share: ProjectShare | null;
      item: StoredCostItem;
      /** The item is new to the person: not among their cost items before (else it changed). */
      created: boolean;
    }
  /** A carve-out as the event left it against the period's costs (a copy): its history, for explanations as of a posting. */
  | {
      type: 'administrative_share_set';
      /** The project whose costs it comes out of, or the offer outside a project and its person. */
      projectId: string | null;
      offerId: string | null;
      personId: string | null;
      carveOut: ProjectCarveOut;
    }
  /** A deduction of an offer's carve-out from one of the offer's expenses, as it now stands. */
  | { type: 'carve_out_item_set'; item: StoredCostItem }
  /** A participant's item of a project other than a share (a deduction of a carve-out) as it now stands. */
  | { type: 'project_item_set'; projectId: string; item: StoredCostItem; created: boolean }
  /** A timesheet's part on an offer outside a project, as it now stands (reversed: the corrected revision has none). */
  | { type: 'timesheet_item_set'; item: StoredCostItem; reversalReason?: string }
  /** A timesheet after the event recorded a revision of it. */
  | { type: 'timesheet_changed'; timesheet: TimesheetLedger }
  /** A cap year's figures after the event (a copy). */
  | { type: 'cap_year_changed'; capYear: CapYear };

/** A posting made by the event, and the closed year its activity relates to when it was booked after the close. */
export interface LedgerPosting {
  posting: Posting;
  relatesToClosedYear: number | null;
}

/** What applyToLedger made of one event; postings in order (their ordinal is their index). */
export interface LedgerOutcome {
  facts: LedgerFact[];
  postings: LedgerPosting[];
}

import { evolveExpense, initialExpenseState, type ExpenseState } from '../expenses/expense.state';
import type { DomainEvent } from '../events/domain-events';
import { evolveFinanceYear, initialFinanceYearState, type FinanceYearState } from '../finance/finance.state';
import {
  evolveMentorAgreement,
  initialMentorAgreementState,
  type MentorAgreementState,
} from '../mentor-agreements/mentor-agreement.state';
import { evolveOffer, initialOfferState, type OfferState } from '../offers/offer.state';
import { evolvePerson, initialPersonState, type PersonState } from '../persons/person.state';
import { evolveProject, initialProjectState, type ProjectState } from '../projects/project.state';
import {
  evolveStaffTimesheets,
  initialStaffTimesheetsState,
  type StaffTimesheetsState,
} from '../timesheets/staff-timesheets.state';

/** How to fold a stream of one aggregate into its state. `evolve` ignores events of other aggregates. */
export interface AggregateDefinition<S> {
  initialState: S;
  evolve: (state: S, event: DomainEvent) => S;
}

export interface AggregateStates {
  person: PersonState;
  offer: OfferState;
  expense: ExpenseState;
  mentorAgreement: MentorAgreementState;
  financeYear: FinanceYearState;
  project: ProjectState;
  staffTimesheets: StaffTimesheetsState;
}
export type AggregateName = keyof AggregateStates;

export const AGGREGATES: { readonly [A in AggregateName]: AggregateDefinition<AggregateStates[A]> } = {
  person: { initialState: initialPersonState, evolve: evolvePerson },
  offer: { initialState: initialOfferState, evolve: evolveOffer },
  expense: { initialState: initialExpenseState, evolve: evolveExpense },
  mentorAgreement: { initialState: initialMentorAgreementState, evolve: evolveMentorAgreement },
  financeYear: { initialState: initialFinanceYearState, evolve: evolveFinanceYear },
  project: { initialState: initialProjectState, evolve: evolveProject },
  staffTimesheets: { initialState: initialStaffTimesheetsState, evolve: evolveStaffTimesheets },
};

/** Folds events (in stream order) into the aggregate's state. */
export function fold<A extends AggregateName>(
  aggregate: A,
  events: readonly DomainEvent[],
): AggregateStates[A] {
  const def = AGGREGATES[aggregate] as AggregateDefinition<AggregateStates[A]>;
  return events.reduce(def.evolve, def.initialState);
}

// One entry per CommandType of API.md, so the command path handles any command the same way:
// parse the body with the type's schema (InvalidCommandError -> 400), name its stream, fold the
// stream (and the context streams the decider needs), decide (DomainRuleViolation -> 422) and
// append what the decider returns with the revision read (conflict -> 409).
import type { z } from 'zod';
import { expenseStream } from '../expenses/expense.stream';
import {
  recordOfferExpenseSchema,
  type RecordOfferExpense,
} from '../expenses/record-offer-expense/record-offer-expense.command';
import { decideRecordOfferExpense } from '../expenses/record-offer-expense/record-offer-expense.decide';
import { reverseOfferExpenseSchema } from '../expenses/reverse-offer-expense/reverse-offer-expense.command';
import { decideReverseOfferExpense } from '../expenses/reverse-offer-expense/reverse-offer-expense.decide';
import type { DomainEvent } from '../events/domain-events';
import { mentorAgreementStream } from '../mentor-agreements/mentor-agreement.stream';
import { recordMentorHoursSchema } from '../mentor-agreements/record-mentor-hours/record-mentor-hours.command';
import { decideRecordMentorHours } from '../mentor-agreements/record-mentor-hours/record-mentor-hours.decide';
import { registerMentorAgreementSchema } from '../mentor-agreements/register-mentor-agreement/register-mentor-agreement.command';
import { decideRegisterMentorAgreement } from '../mentor-agreements/register-mentor-agreement/register-mentor-agreement.decide';
import { cancelOfferSchema } from '../offers/cancel-offer/cancel-offer.command';
import { decideCancelOffer } from '../offers/cancel-offer/cancel-offer.decide';
import { changeOfferPeriodSchema } from '../offers/change-offer-period/change-offer-period.command';
import { decideChangeOfferPeriod } from '../offers/change-offer-period/change-offer-period.decide';
import { offerStream } from '../offers/offer.stream';
import { registerOfferSchema } from '../offers/register-offer/register-offer.command';
import { decideRegisterOffer } from '../offers/register-offer/register-offer.decide';
import { changeTargetGroupSchema } from '../persons/change-target-group/change-target-group.command';
import { decideChangeTargetGroup } from '../persons/change-target-group/change-target-group.decide';
import { personStream } from '../persons/person.stream';
import { retractTargetGroupChangeSchema } from '../persons/retract-target-group-change/retract-target-group-change.command';
import { decideRetractTargetGroupChange } from '../persons/retract-target-group-change/retract-target-group-change.decide';
import { closeAccountingYearSchema } from '../finance/close-accounting-year/close-accounting-year.command';
import { decideCloseAccountingYear } from '../finance/close-accounting-year/close-accounting-year.decide';
import { financeStream } from '../finance/finance.stream';
import { setCapParametersSchema } from '../finance/set-cap-parameters/set-cap-parameters.command';
import { decideSetCapParameters } from '../finance/set-cap-parameters/set-cap-parameters.decide';
import { projectStream } from '../projects/project.stream';
import { recordProjectExpenseSchema } from '../projects/record-project-expense/record-project-expense.command';
import { decideRecordProjectExpense } from '../projects/record-project-expense/record-project-expense.decide';
import { registerProjectSchema } from '../projects/register-project/register-project.command';
import { decideRegisterProject } from '../projects/register-project/register-project.decide';
import { recordAdministrativeShareSchema } from '../projects/record-administrative-share/record-administrative-share.command';
import { decideRecordAdministrativeShare } from '../projects/record-administrative-share/record-administrative-share.decide';
import {
  recordStaffTimesheetSchema,
  type RecordStaffTimesheet,
} from '../timesheets/record-staff-timesheet/record-staff-timesheet.command';
import { decideRecordStaffTimesheet } from '../timesheets/record-staff-timesheet/record-staff-timesheet.decide';
import { staffTimesheetStream } from '../timesheets/staff-timesheet.stream';
import type { DecisionContext, RelatedStates } from '../shared/decision-context';
import { commandParser } from '../shared/parse-command';
import { AGGREGATES, type AggregateName, type AggregateStates } from './aggregate-registry';
import type { CommandOf, CommandType, DomainCommand } from './domain-commands';

/** Another stream whose folded state a decider needs, put at `context.related[key]` (with `id`: at `[key][id]`). */
export interface ContextStreamRef {
  key: keyof RelatedStates;
  aggregate: AggregateName;
  stream: string;
  id?: string;
}

/** The offer whose expenses, as projected, a decider needs (DecisionContext.offerCosts). */
export interface ProjectedContextRef {
  offerCostsOf: string;
}

/** A command body's object schema, piped into the parsed command. */
export type CommandSchema<C> = z.ZodPipe<z.ZodObject, z.ZodType<C>>;

/** Who sends a command (API.md "Authentication"): jobcentre systems, or municipal finance. Admin may send any. */
export type CommandIssuer = 'jobcentre' | 'finance';

export interface CommandDefinition<T extends CommandType, A extends AggregateName> {
  type: T;
  aggregate: A;
  issuer: CommandIssuer;
  /** The body's schema (envelope and fields; no `type`; `in` is the body object), parsed into the command: for validation and OpenAPI. */
  schema: CommandSchema<CommandOf<T>>;
  /** Parses an untrusted body into the typed command; throws InvalidCommandError listing every bad field. */
  parse(input: unknown): CommandOf<T>;
  streamOf(command: CommandOf<T>): string;
  initialState: AggregateStates[A];
  evolve(state: AggregateStates[A], event: DomainEvent): AggregateStates[A];
  contextStreams?(command: CommandOf<T>): ContextStreamRef[];
  /** What the decider reads of the read models (DecisionContext.offerCosts): the offer whose expenses it needs. */
  projectedContext?(command: CommandOf<T>): ProjectedContextRef | undefined;
  /** Pure. Returns the events to append (possibly none); throws DomainRuleViolation / InvalidCommandError. */
  decide(command: CommandOf<T>, state: AggregateStates[A], context: DecisionContext): DomainEvent[];
}

/** A definition with its type parameters erased, for code that loops over all commands. */
export interface AnyCommandDefinition {
  type: CommandType;
  aggregate: AggregateName;
  issuer: CommandIssuer;
  schema: CommandSchema<DomainCommand>;
  parse(input: unknown): DomainCommand;
  streamOf(command: DomainCommand): string;
  initialState: unknown;
  evolve(state: unknown, event: DomainEvent): unknown;
  contextStreams?(command: DomainCommand): ContextStreamRef[];
  projectedContext?(command: DomainCommand): ProjectedContextRef | undefined;
  decide(command: DomainCommand, state: unknown, context: DecisionContext): DomainEvent[];
}

/** What a command's definition states of its own; its type is its key in the registry, its fold its aggregate's. */
interface CommandSpec<C, A extends AggregateName> {
  aggregate: A;
  issuer: CommandIssuer;
  schema: CommandSchema<C>;
  streamOf(command: C): string;
  contextStreams?(command: C): ContextStreamRef[];
  projectedContext?(command: C): ProjectedContextRef | undefined;
  decide(command: C, state: AggregateStates[A], context: DecisionContext): DomainEvent[];
}

/**
 * The commands decided on one kind of stream, named from the command by `streamOf` and folded as
 * `aggregate`: each states only its schema, its decider and the context streams that decider reads.
 */
function commandsOn<A extends AggregateName, S>(
  aggregate: A,
  streamOf: (command: S) => string,
  issuer: CommandIssuer = 'jobcentre',
) {
  return <C extends S>(
    schema: CommandSchema<C>,
    decide: CommandSpec<C, A>['decide'],
    contextStreams?: (command: C) => ContextStreamRef[],
  ): CommandSpec<C, A> => ({
    aggregate,
    issuer,
    schema,
    streamOf,
    decide,
    ...(contextStreams && { contextStreams }),
  });
}

/** The stream a stream name gives for the command's municipality and the id in its field `idField`. */
const streamBy =
  <K extends string, V>(name: (municipality: string, id: V) => string, idField: K) =>
  (command: { municipality: string } & { [F in K]: V }): string =>
    name(command.municipality, command[idField]);

/** An offer lives on its project's stream when it takes part in one, else on its own. */
const offerHostStream = (c: { municipality: string; offerId: string; projectId?: string }) =>
  c.projectId === undefined
    ? offerStream(c.municipality, c.offerId)
    : projectStream(c.municipality, c.projectId);

/** A project's stream, or an offer's own (an offer outside a project); with neither id the decider refuses it on the share's. */
const administrativeShareStream = (c: {
  municipality: string;
  projectId?: string;
  offerId?: string;
  shareId: string;
}) =>
  c.projectId !== undefined
    ? projectStream(c.municipality, c.projectId)
    : offerStream(c.municipality, c.offerId ?? c.shareId);

const personCommand = commandsOn('person', streamBy(personStream, 'personId'));
const offerCommand = commandsOn('project', offerHostStream);
const expenseCommand = commandsOn('expense', streamBy(expenseStream, 'expenseId'));
const mentorAgreementCommand = commandsOn('mentorAgreement', streamBy(mentorAgreementStream, 'agreementId'));
const financeCommand = commandsOn('financeYear', streamBy(financeStream, 'year'), 'finance');
const projectCommand = commandsOn('project', streamBy(projectStream, 'projectId'));
const administrativeShareCommand = commandsOn('project', administrativeShareStream);
const timesheetCommand = commandsOn('staffTimesheets', streamBy(staffTimesheetStream, 'staffId'));

/** The expense's offer, whose period and kind the decider checks the expense against. */
const expenseOffer = (c: RecordOfferExpense): ContextStreamRef[] => [
  { key: 'offer', aggregate: 'offer', stream: offerStream(c.municipality, c.offerId) },
];

/** The projects and offers the timesheet's hours are spent on. */
function timesheetOffers(c: RecordStaffTimesheet): ContextStreamRef[] {
  const hours = c.days.flatMap((d) => d.offerHours);
  const projectIds = new Set(hours.flatMap((h) => h.projectId ?? []));
  const offerIds = new Set(hours.flatMap((h) => (h.projectId === undefined ? (h.offerId ?? []) : [])));
  return [
    ...[...projectIds].map((id) => ({
      key: 'projects' as const,
      aggregate: 'project' as const,
      stream: projectStream(c.municipality, id),
      id,
    })),
    ...[...offerIds].map((id) => ({
      key: 'offers' as const,
      aggregate: 'offer' as const,
      stream: offerStream(c.municipality, id),
      id,
    })),
  ];
}

/** Each spec made a definition: its key is its type, its parser derived from its schema. */
function defineCommands<M extends { [T in CommandType]: CommandSpec<CommandOf<T>, AggregateName> }>(
  specs: M,
): { [T in CommandType]: CommandDefinition<T, M[T]['aggregate']> } {
  const erased: Record<string, CommandSpec<DomainCommand, AggregateName>> = specs;
  const entries = Object.entries(erased).map(([type, spec]) => [
    type,
    { type, ...AGGREGATES[spec.aggregate], parse: commandParser(type, spec.schema), ...spec },
  ]);
  return Object.fromEntries(entries) as { [T in CommandType]: CommandDefinition<T, M[T]['aggregate']> };
}

export const COMMAND_REGISTRY = defineCommands({
  ChangeTargetGroup: personCommand(changeTargetGroupSchema, decideChangeTargetGroup),
  RetractTargetGroupChange: personCommand(retractTargetGroupChangeSchema, decideRetractTargetGroupChange),
  RegisterOffer: offerCommand(registerOfferSchema, decideRegisterOffer),
  ChangeOfferPeriod: offerCommand(changeOfferPeriodSchema, decideChangeOfferPeriod),
  CancelOffer: offerCommand(cancelOfferSchema, decideCancelOffer),
  RecordOfferExpense: expenseCommand(recordOfferExpenseSchema, decideRecordOfferExpense, expenseOffer),
  ReverseOfferExpense: expenseCommand(reverseOfferExpenseSchema, decideReverseOfferExpense),
  RegisterMentorAgreement: mentorAgreementCommand(
    registerMentorAgreementSchema,
    decideRegisterMentorAgreement,
  ),
  RecordMentorHours: mentorAgreementCommand(recordMentorHoursSchema, decideRecordMentorHours),
  SetCapParameters: financeCommand(setCapParametersSchema, decideSetCapParameters),
  CloseAccountingYear: financeCommand(closeAccountingYearSchema, decideCloseAccountingYear),
  RegisterProject: projectCommand(registerProjectSchema, decideRegisterProject),
  RecordProjectExpense: projectCommand(recordProjectExpenseSchema, decideRecordProjectExpense),
  RecordAdministrativeShare: {
    ...administrativeShareCommand(recordAdministrativeShareSchema, decideRecordAdministrativeShare),
    // An offer's expenses lie on a stream each: the decider reads them as projected.
    projectedContext: (c) =>
      c.projectId === undefined && c.offerId !== undefined ? { offerCostsOf: c.offerId } : undefined,
  },
  RecordStaffTimesheet: timesheetCommand(
    recordStaffTimesheetSchema,
    decideRecordStaffTimesheet,
    timesheetOffers,
  ),
});

export const COMMAND_TYPES = Object.keys(COMMAND_REGISTRY) as CommandType[];

export function isCommandType(type: string): type is CommandType {
  return Object.prototype.hasOwnProperty.call(COMMAND_REGISTRY, type);
}

/** The definition of a CommandType, type parameters erased; undefined for an unknown type. */
export function getCommandDefinition(type: string): AnyCommandDefinition | undefined {
  return isCommandType(type) ? (COMMAND_REGISTRY[type] as unknown as AnyCommandDefinition) : undefined;
}

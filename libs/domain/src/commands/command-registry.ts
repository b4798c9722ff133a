// One entry per CommandType of API.md, so the command path handles any command the same way:
// parse the body with the type's schema (InvalidCommandError -> 400), name its stream, fold the
// stream (and the context streams the decider needs), decide (DomainRuleViolation -> 422) and
// append what the decider returns with the revision read (conflict -> 409).
import type { z } from 'zod';
import { expenseStream } from '../expenses/expense.stream';
import {
  parseRecordOfferExpense,
  recordOfferExpenseSchema,
} from '../expenses/record-offer-expense/record-offer-expense.command';
import { decideRecordOfferExpense } from '../expenses/record-offer-expense/record-offer-expense.decide';
import {
  parseReverseOfferExpense,
  reverseOfferExpenseSchema,
} from '../expenses/reverse-offer-expense/reverse-offer-expense.command';
import { decideReverseOfferExpense } from '../expenses/reverse-offer-expense/reverse-offer-expense.decide';
import type { DomainEvent } from '../events/domain-events';
import { mentorAgreementStream } from '../mentor-agreements/mentor-agreement.stream';
import {
  parseRecordMentorHours,
  recordMentorHoursSchema,
} from '../mentor-agreements/record-mentor-hours/record-mentor-hours.command';
import { decideRecordMentorHours } from '../mentor-agreements/record-mentor-hours/record-mentor-hours.decide';
import {
  parseRegisterMentorAgreement,
  registerMentorAgreementSchema,
} from '../mentor-agreements/register-mentor-agreement/register-mentor-agreement.command';
import { decideRegisterMentorAgreement } from '../mentor-agreements/register-mentor-agreement/register-mentor-agreement.decide';
import { parseCancelOffer, cancelOfferSchema } from '../offers/cancel-offer/cancel-offer.command';
import { decideCancelOffer } from '../offers/cancel-offer/cancel-offer.decide';
import {
  parseChangeOfferPeriod,
  changeOfferPeriodSchema,
} from '../offers/change-offer-period/change-offer-period.command';
import { decideChangeOfferPeriod } from '../offers/change-offer-period/change-offer-period.decide';
import { offerStream } from '../offers/offer.stream';
import { parseRegisterOffer, registerOfferSchema } from '../offers/register-offer/register-offer.command';
import { decideRegisterOffer } from '../offers/register-offer/register-offer.decide';
import {
  parseChangeTargetGroup,
  changeTargetGroupSchema,
} from '../persons/change-target-group/change-target-group.command';
import { decideChangeTargetGroup } from '../persons/change-target-group/change-target-group.decide';
import { personStream } from '../persons/person.stream';
import {
  parseRetractTargetGroupChange,
  retractTargetGroupChangeSchema,
} from '../persons/retract-target-group-change/retract-target-group-change.command';
import { decideRetractTargetGroupChange } from '../persons/retract-target-group-change/retract-target-group-change.decide';
import {
  parseCloseAccountingYear,
  closeAccountingYearSchema,
} from '../finance/close-accounting-year/close-accounting-year.command';
import { decideCloseAccountingYear } from '../finance/close-accounting-year/close-accounting-year.decide';
import { financeStream } from '../finance/finance.stream';
import {
  parseSetCapParameters,
  setCapParametersSchema,
} from '../finance/set-cap-parameters/set-cap-parameters.command';
import { decideSetCapParameters } from '../finance/set-cap-parameters/set-cap-parameters.decide';
import { projectStream } from '../projects/project.stream';
import {
  parseRecordProjectExpense,
  recordProjectExpenseSchema,
} from '../projects/record-project-expense/record-project-expense.command';
import { decideRecordProjectExpense } from '../projects/record-project-expense/record-project-expense.decide';
import {
  parseRegisterProject,
  registerProjectSchema,
} from '../projects/register-project/register-project.command';
import { decideRegisterProject } from '../projects/register-project/register-project.decide';
import {
  parseRecordAdministrativeShare,
  recordAdministrativeShareSchema,
} from '../projects/record-administrative-share/record-administrative-share.command';
import { decideRecordAdministrativeShare } from '../projects/record-administrative-share/record-administrative-share.decide';
import {
  parseRecordStaffTimesheet,
  recordStaffTimesheetSchema,
} from '../timesheets/record-staff-timesheet/record-staff-timesheet.command';
import { decideRecordStaffTimesheet } from '../timesheets/record-staff-timesheet/record-staff-timesheet.decide';
import { staffTimesheetStream } from '../timesheets/staff-timesheet.stream';
import type { DecisionContext, RelatedStates } from '../shared/decision-context';
import { AGGREGATES, type AggregateName, type AggregateStates } from './aggregate-registry';
import type { CommandOf, CommandType, DomainCommand } from './domain-commands';

/** Another stream whose folded state a decider needs, put at `context.related[key]` (with `id`: at `[key][id]`). */
export interface ContextStreamRef {
  key: keyof RelatedStates;
  aggregate: AggregateName;
  stream: string;
  id?: string;
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
  decide(command: DomainCommand, state: unknown, context: DecisionContext): DomainEvent[];
}

function define<T extends CommandType, A extends AggregateName>(
  type: T,
  aggregate: A,
  spec: {
    /** Default 'jobcentre'. */
    issuer?: CommandIssuer;
    schema: CommandSchema<CommandOf<T>>;
    parse: (input: unknown) => CommandOf<T>;
    streamOf: (command: CommandOf<T>) => string;
    contextStreams?: (command: CommandOf<T>) => ContextStreamRef[];
    decide: (command: CommandOf<T>, state: AggregateStates[A], context: DecisionContext) => DomainEvent[];
  },
): CommandDefinition<T, A> {
  return {
    type,
    aggregate,
    issuer: 'jobcentre',
    ...AGGREGATES[aggregate],
    ...spec,
  } as CommandDefinition<T, A>;
}

/** An offer lives on its project's stream when it takes part in one, else on its own. */
const offerHostStream = (c: { municipality: string; offerId: string; projectId?: string }) =>
  c.projectId === undefined
    ? offerStream(c.municipality, c.offerId)
    : projectStream(c.municipality, c.projectId);

export const COMMAND_REGISTRY = {
  ChangeTargetGroup: define('ChangeTargetGroup', 'person', {
    schema: changeTargetGroupSchema,
    parse: parseChangeTargetGroup,
    streamOf: (c) => personStream(c.municipality, c.personId),
    decide: decideChangeTargetGroup,
  }),
  RetractTargetGroupChange: define('RetractTargetGroupChange', 'person', {
    schema: retractTargetGroupChangeSchema,
    parse: parseRetractTargetGroupChange,
    streamOf: (c) => personStream(c.municipality, c.personId),
    decide: decideRetractTargetGroupChange,
  }),
  RegisterOffer: define('RegisterOffer', 'project', {
    schema: registerOfferSchema,
    parse: parseRegisterOffer,
    streamOf: offerHostStream,
    decide: decideRegisterOffer,
  }),
  ChangeOfferPeriod: define('ChangeOfferPeriod', 'project', {
    schema: changeOfferPeriodSchema,
    parse: parseChangeOfferPeriod,
    streamOf: offerHostStream,
    decide: decideChangeOfferPeriod,
  }),
  CancelOffer: define('CancelOffer', 'project', {
    schema: cancelOfferSchema,
    parse: parseCancelOffer,
    streamOf: offerHostStream,
    decide: decideCancelOffer,
  }),
  RecordOfferExpense: define('RecordOfferExpense', 'expense', {
    schema: recordOfferExpenseSchema,
    parse: parseRecordOfferExpense,
    streamOf: (c) => expenseStream(c.municipality, c.expenseId),
    contextStreams: (c) => [
      { key: 'offer', aggregate: 'offer', stream: offerStream(c.municipality, c.offerId) },
    ],
    decide: decideRecordOfferExpense,
  }),
  ReverseOfferExpense: define('ReverseOfferExpense', 'expense', {
    schema: reverseOfferExpenseSchema,
    parse: parseReverseOfferExpense,
    streamOf: (c) => expenseStream(c.municipality, c.expenseId),
    decide: decideReverseOfferExpense,
  }),
  RegisterMentorAgreement: define('RegisterMentorAgreement', 'mentorAgreement', {
    schema: registerMentorAgreementSchema,
    parse: parseRegisterMentorAgreement,
    streamOf: (c) => mentorAgreementStream(c.municipality, c.agreementId),
    decide: decideRegisterMentorAgreement,
  }),
  RecordMentorHours: define('RecordMentorHours', 'mentorAgreement', {
    schema: recordMentorHoursSchema,
    parse: parseRecordMentorHours,
    streamOf: (c) => mentorAgreementStream(c.municipality, c.agreementId),
    decide: decideRecordMentorHours,
  }),
  SetCapParameters: define('SetCapParameters', 'financeYear', {
    issuer: 'finance',
    schema: setCapParametersSchema,
    parse: parseSetCapParameters,
    streamOf: (c) => financeStream(c.municipality, c.year),
    decide: decideSetCapParameters,
  }),
  CloseAccountingYear: define('CloseAccountingYear', 'financeYear', {
    issuer: 'finance',
    schema: closeAccountingYearSchema,
    parse: parseCloseAccountingYear,
    streamOf: (c) => financeStream(c.municipality, c.year),
    decide: decideCloseAccountingYear,
  }),
  RegisterProject: define('RegisterProject', 'project', {
    schema: registerProjectSchema,
    parse: parseRegisterProject,
    streamOf: (c) => projectStream(c.municipality, c.projectId),
    decide: decideRegisterProject,
  }),
  RecordProjectExpense: define('RecordProjectExpense', 'project', {
    schema: recordProjectExpenseSchema,
    parse: parseRecordProjectExpense,
    streamOf: (c) => projectStream(c.municipality, c.projectId),
    decide: decideRecordProjectExpense,
  }),
  RecordAdministrativeShare: define('RecordAdministrativeShare', 'project', {
    schema: recordAdministrativeShareSchema,
    parse: parseRecordAdministrativeShare,
    // Without a projectId the decider refuses it; the stream named is then the offer's (or the share's own).
    streamOf: (c) =>
      c.projectId !== undefined
        ? projectStream(c.municipality, c.projectId)
        : offerStream(c.municipality, c.offerId ?? c.shareId),
    decide: decideRecordAdministrativeShare,
  }),
  RecordStaffTimesheet: define('RecordStaffTimesheet', 'staffTimesheets', {
    schema: recordStaffTimesheetSchema,
    parse: parseRecordStaffTimesheet,
    streamOf: (c) => staffTimesheetStream(c.municipality, c.staffId),
    contextStreams: (c) => {
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
    },
    decide: decideRecordStaffTimesheet,
  }),
} satisfies { [T in CommandType]: CommandDefinition<T, AggregateName> };

export const COMMAND_TYPES = Object.keys(COMMAND_REGISTRY) as CommandType[];

export function isCommandType(type: string): type is CommandType {
  return Object.prototype.hasOwnProperty.call(COMMAND_REGISTRY, type);
}

/** The definition of a CommandType, type parameters erased; undefined for an unknown type. */
export function getCommandDefinition(type: string): AnyCommandDefinition | undefined {
  return isCommandType(type) ? (COMMAND_REGISTRY[type] as unknown as AnyCommandDefinition) : undefined;
}

// The shapes the api answers with (API.md "Commands", "Queries"), as zod schemas: OpenAPI is
// generated from them, and the end-to-end tests check real answers against them. They describe
// every field of each answer (objects refuse fields they do not name), so a client generated
// from the document reads every answer without a hand-written type.
import {
  CAP_IDS,
  COMMAND_TYPES,
  EXPENSE_TYPES,
  OFFER_KINDS,
  PROVIDER_KINDS,
  READINESS,
  TARGET_GROUPS,
  type CommandType,
} from '@app/domain';
import { ROLES } from '@app/platform';
import { SOURCE_KINDS } from '@app/rules';
import { z } from 'zod';

const money = () =>
  z
    .string()
    .regex(/^-?\d+\.\d{2}$/)
    .meta({ description: 'kroner, two decimals', example: '4200.00' });
const rate = () => z.string().meta({ description: 'percent, up to two decimals', example: '50' });
const date = () => z.string().meta({ format: 'date', example: '2025-03-01' });
const instant = () => z.string().meta({ format: 'date-time', example: '2025-03-01T10:00:00.000Z' });
const statementAccount = () =>
  z.string().meta({ description: 'function.dranst.grouping', example: '5.68.90.1.097' });
const position = () =>
  z
    .string()
    .regex(/^\d+$/)
    .meta({ description: 'a log position (a consistency token for ?minPosition=)', example: '1234' });

const fieldError = () =>
  z.strictObject({
    path: z.string().meta({ description: 'the field, by path', example: 'reason' }),
    message: z.string().meta({ example: 'is required' }),
  });

/** The slugs `type` takes (/problems/<slug>), each stable; `code` tells domain rules apart. */
const PROBLEM_SLUGS = [
  'validation',
  'bad-request',
  'unauthorized',
  'forbidden',
  'not-found',
  'unknown-command',
  'conflict',
  'concurrency-conflict',
  'command-id-reused',
  'payload-too-large',
  'unsupported-media-type',
  'domain-rule-violation',
  'unavailable',
  'not-yet-projected',
  'parked',
  'internal',
  'error',
] as const;

export const problemSchema = z
  .object({
    type: z
      .enum(PROBLEM_SLUGS.map((slug) => `/problems/${slug}` as const))
      .meta({ example: '/problems/validation' }),
    title: z
      .enum([
        'Bad Request',
        'Unauthorized',
        'Forbidden',
        'Not Found',
        'Conflict',
        'Payload Too Large',
        'Unsupported Media Type',
        'Unprocessable Entity',
        'Internal Server Error',
        'Service Unavailable',
        'Error',
      ])
      .meta({ description: 'the HTTP status in words', example: 'Bad Request' }),
    status: z.int().min(400).max(599).meta({ example: 400 }),
    detail: z.string().meta({ description: 'what went wrong, in a sentence' }),
    instance: z.string().optional().meta({ description: 'RFC 9457: the occurrence; not sent today' }),
    code: z.string().optional().meta({
      description: 'for a domain rule violation (422): its stable code',
      example: 'offer.not_found',
    }),
    errors: z.array(fieldError()).optional().meta({
      description: 'for a validation error (400), an unstorable event (422): one message per bad field',
    }),
    stream: z.string().optional().meta({ description: 'a concurrency conflict (409): the stream' }),
    limit: z.int().optional().meta({ description: 'a body over the limit (413): the limit in bytes' }),
    retryAfter: z
      .int()
      .optional()
      .meta({ description: '503: the seconds of the Retry-After header', example: 5 }),
    checks: z
      .record(z.string(), z.record(z.string(), z.unknown()))
      .optional()
      .meta({ description: '503 of /health: each check with its status and details' }),
  })
  .catchall(z.unknown())
  .meta({
    description:
      "RFC 9457 problem details (application/problem+json). Open: a 422 adds the rule's own details beside `code` (the ids concerned, the passage cited)",
  });

export const commandResultSchema = z
  .strictObject({
    commandId: z.string().meta({ format: 'uuid' }),
    position: position().nullable().meta({
      description: 'the position of the last event appended (or the current one when nothing was appended)',
    }),
    events: z.array(
      z.strictObject({
        id: z.string().meta({ format: 'uuid' }),
        type: z.string(),
        stream: z.string(),
        revision: z.int(),
      }),
    ),
  })
  .meta({
    description:
      '201: the events appended; 200: a retry (its original result) or a command that changes nothing',
  });

export const batchResultSchema = z
  .strictObject({
    results: z.array(
      z.strictObject({
        status: z.int().meta({
          description: "the command's own status: 200/201 with its result, or a 4xx with its problem",
        }),
        commandId: z.string().optional(),
        position: position().nullable().optional(),
        events: commandResultSchema.shape.events.optional(),
        problem: problemSchema.optional(),
      }),
    ),
  })
  .meta({ description: 'one result per command, in order' });

export const accountSchema = z.strictObject({
  function: z.string().meta({ example: '5.68.90' }),
  dranst: z.enum(['1', '2']),
  grouping: z.string().meta({ example: '097' }),
});
const titledAccount = () =>
  accountSchema
    .extend({
      title: z.string().nullable().meta({
        description: "the grouping's title in the chart of accounts; null for a grouping it does not hold",
      }),
    })
    .nullable();
const targetGroup = () => z.enum(TARGET_GROUPS);
const unresolvedSchema = z.strictObject({
  outcome: z.enum(['no_rule', 'ambiguous']),
  reason: z.string(),
  candidates: z.array(z.string()).optional().meta({ description: 'ambiguous: the contradicting rule ids' }),
});
export const citationSchema = z.strictObject({
  source: z
    .string()
    .meta({ description: 'the source file (../shared/seeds)', example: '000_140518b2c182b2de.txt' }),
  section: z.string().meta({ example: 'Bilag 3' }),
  note: z.string().optional(),
  reference: z.string().meta({
    description: 'how a reader cites the document',
    example: 'STAR, VEJ nr. 9584 af 30/06/2025',
  }),
  title: z
    .string()
    .nullable()
    .meta({ example: 'Vejledning om kommunernes dokumentation af driftsudgifter til tilbud m.v.' }),
  kind: z
    .enum(SOURCE_KINDS)
    .nullable()
    .meta({ description: "the document's kind; null for a file not catalogued" }),
});
const attributes = z.strictObject({
  readiness: z.enum(READINESS).optional(),
  sickPayCategory: z.literal([1, 2, 3]).optional(),
  selfSupporting: z.boolean().optional(),
  programmeExpired: z.boolean().optional(),
  hasVocationalEducation: z.boolean().optional(),
  unemploymentSpellStart: date().optional(),
});

const segmentSchema = () =>
  z.strictObject({
    targetGroup: targetGroup().nullable(),
    attributes,
    from: date().nullable(),
    to: date().nullable().meta({ description: 'inclusive; null while open-ended' }),
    recordedAt: instant().nullable(),
    changeCommandId: z.string().nullable(),
    reason: z.string().nullable().meta({ description: 'the reason given with the change' }),
  });
export const timelineSchema = z.array(segmentSchema()).meta({
  description:
    'the target-group segments of a person as known at asOf; a further page is announced in a Link header (rel="next")',
});

export const timelineHistorySchema = z
  .array(
    z.strictObject({
      changeCommandId: z.string(),
      targetGroup: targetGroup(),
      attributes,
      effectiveFrom: date(),
      reason: z.string().nullable(),
      recordedAt: instant(),
      retractedAt: instant().nullable().meta({ description: 'when it was retracted, if by asOf' }),
      retractionReason: z.string().nullable(),
    }),
  )
  .meta({ description: 'with history=true: every registration known at asOf, retracted ones included' });

export const postingSchema = z.strictObject({
  entryId: z.string(),
  kind: z.enum(['original', 'reversal', 'rebooking', 'cap_adjustment']),
  account: titledAccount(),
  refundAccount: titledAccount(),
  targetGroup: targetGroup().nullable(),
  activityFrom: date(),
  activityTo: date(),
  bookingPeriod: z.string().meta({
    description:
      'YYYY-MM: the booking date’s month, else the month recorded in Denmark; the first open one when that year is closed',
    example: '2025-03',
  }),
  bookingDate: date().meta({
    description:
      'the booking date the causing command gave (an expense’s or a carve-out’s bookingDate), else the day the posting was recorded in Denmark (Europe/Copenhagen)',
  }),
  amount: money(),
  refundRate: rate().nullable(),
  refundAmount: money().nullable(),
  ruleId: z.string().nullable(),
  citation: z.string().nullable(),
  citations: z.array(citationSchema),
  cap: z.enum(CAP_IDS).nullable(),
  unresolved: unresolvedSchema.nullable(),
  causedBy: z.strictObject({ eventId: z.string(), commandId: z.string() }),
  reverses: z.string().nullable().meta({ description: 'for a reversal: the entryId it reverses' }),
  reversedBy: z.string().nullable().meta({
    description: 'the entryId of the reversal that reverses this posting, if one was recorded by asOf',
  }),
  relatesToClosedYear: z.int().nullable(),
  recordedAt: instant(),
  rulebookVersion: z
    .string()
    .nullable()
    .meta({ description: 'the rulebook version in force at the causing event', example: '2026.12-3' }),
  personId: z.string().nullable(),
  offerId: z.string().nullable(),
  costItemId: z.string(),
});

/** What an offer's or a project's expense shows of itself. */
const expenseFields = {
  expenseId: z.string(),
  expenseType: z.enum(EXPENSE_TYPES),
  amount: money(),
  activityFrom: date(),
  activityTo: date(),
  invoiceRef: z.string().nullable(),
};

/** An administrative carve-out with its method, price level and every line's arithmetic, and how it stands. */
const carveOutSchema = z
  .strictObject({
    shareId: z.string(),
    projectId: z.string().nullable().meta({ description: 'the project whose costs it comes out of' }),
    offerId: z
      .string()
      .nullable()
      .meta({ description: 'or the offer outside a project whose own expenses it comes out of' }),
    activityFrom: date(),
    activityTo: date(),
    method: z.enum(['standard_price', 'time_registration', 'area']),
    methodReference: z.string().meta({ description: 'the municipality’s written method' }),
    priceLevelYear: z.int(),
    amount: money(),
    lines: z.array(
      z.strictObject({
        activity: z.string(),
        count: z.int(),
        hoursEach: z.string(),
        hourlyRate: money(),
        amount: money(),
        formula: z.string().meta({ example: '4 × 0.50 h × 451.00 kr = 902.00 kr' }),
      }),
    ),
    hours: z.string().nullable().meta({ description: 'time_registration: the hours' }),
    hourlyCost: money().nullable().meta({ description: 'time_registration: the hourly cost' }),
    area: z
      .strictObject({
        expenseId: z.string(),
        expenseAmount: money(),
        administration: z.string().meta({ description: 'the administration’s floor area, m²' }),
        total: z.string().meta({ description: 'the whole floor area, m²' }),
      })
      .nullable()
      .meta({ description: 'area: the rent it comes out of alone and the floor areas' }),
    formula: z.string(),
    costsOfPeriod: money().meta({
      description:
        'the period’s hovedkonto 5 costs as they stood for it: less what the carve-outs recorded before took of them',
    }),
    carved: money().meta({ description: 'what the period’s hovedkonto 5 costs carry, on 6.45.53' }),
    excess: money().meta({ description: 'what they cannot carry: posted unresolved' }),
    deductions: z.array(
      z.strictObject({
        costItemId: z.string(),
        expenseId: z.string(),
        offerId: z.string(),
        personId: z.string(),
        from: date(),
        to: date(),
        cost: money().meta({
          description:
            'the share’s (or the offer’s expense’s) cost in the carve-out’s period, less what the carve-outs recorded before took of it',
        }),
        amount: money().meta({ description: 'the deduction from it (negative)' }),
        formula: z.string(),
      }),
    ),
    note: z.string(),
  })
  .meta({ description: 'an administrative carve-out (RecordAdministrativeShare), as it stands now' });

export const offerSchema = z
  .strictObject({
    offerId: z.string(),
    personId: z.string(),
    offerKind: z.enum(OFFER_KINDS),
    startDate: date(),
    endDate: date(),
    offerCategory: z.string().nullable(),
    fundingFrame: z.string().nullable(),
    provider: z.strictObject({ kind: z.enum(PROVIDER_KINDS), name: z.string() }).nullable(),
    status: z.enum(['registered', 'cancelled']),
    cancellationReason: z.string().nullable(),
    registeredAt: instant(),
    expenses: z.array(
      z.strictObject({
        ...expenseFields,
        reversed: z.boolean(),
        recordedAt: instant(),
      }),
    ),
    mentorHours: z.array(
      z.strictObject({
        agreementId: z.string(),
        date: date(),
        contactHours: z.string().meta({ example: '1.50' }),
        preparationHours: z.string().nullable(),
        hourlyCost: money().nullable(),
        fee: money().nullable(),
        cost: money().nullable(),
        recordedAt: instant(),
      }),
    ),
    administrativeShares: z.array(carveOutSchema).meta({
      description:
        'the administrative shares carved out of the offer’s own expenses (an offer outside a project)',
    }),
  })
  .meta({
    description: 'the offer with its expenses, mentor hours and administrative shares, as known at asOf',
  });

export const projectSchema = z
  .strictObject({
    projectId: z.string(),
    name: z.string(),
    offerKind: z.enum(OFFER_KINDS),
    fundingFrame: z.string().nullable(),
    startDate: date(),
    endDate: date(),
    registeredAt: instant(),
    participants: z.array(
      z.strictObject({
        offerId: z.string(),
        personId: z.string(),
        startDate: date(),
        endDate: date(),
        status: z.enum(['active', 'cancelled']),
      }),
    ),
    expenses: z.array(
      z.strictObject({
        ...expenseFields,
        timesheet: z
          .strictObject({
            staffId: z.string(),
            timesheetId: z.string(),
            revision: z.int(),
            week: z.string(),
            hours: z.string(),
            totalHours: z.string(),
            percentage: z.string().meta({ example: '35.96' }),
          })
          .optional()
          .meta({
            description: "a Bilag 2 timesheet's hours on the project: their part of the week's salary cost",
          }),
        totalParticipantDays: z
          .int()
          .meta({ description: 'every participant’s days in the period together' }),
        unshared: z.boolean().meta({ description: 'no participant bears it: posted whole as unresolved' }),
        shares: z.array(
          z.strictObject({
            offerId: z.string(),
            personId: z.string(),
            from: date(),
            to: date(),
            participantDays: z.int(),
            percentage: z.string().meta({
              description: 'participantDays / totalParticipantDays, two decimals',
              example: '37.35',
            }),
            amount: money(),
            costItemId: z.string(),
          }),
        ),
      }),
    ),
    administrativeShares: z.array(carveOutSchema),
  })
  .meta({ description: 'the project with its participants, expenses and shares, as known at asOf' });

export const entriesPageSchema = z.strictObject({
  entries: z.array(postingSchema),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: 'pass as ?cursor= for the next page; null on the last' }),
});

/** A cap's computation (capJson): the statement's caps and an explanation's cap give it alike. */
const capComputationSchema = z.strictObject({
  cap: z.enum(CAP_IDS),
  capLabel: z.string().meta({ description: "the cap's Danish name" }),
  status: z.enum(['no_parameters', 'within_allowance', 'allowance_exceeded']),
  statusLabel: z.string().meta({ description: 'the status in Danish' }),
  refundRate: rate().nullable(),
  parameters: z.strictObject({ amountPerFullYearPerson: money(), fullYearPersons: z.string() }).nullable(),
  allowance: money().nullable().meta({ description: 'null without parameters' }),
  eligibleCosts: money(),
  refundBeforeCap: money(),
  limit: money().nullable().meta({ description: 'null without parameters' }),
  cappedRefund: money(),
  adjustment: money().meta({
    description: 'what the adjustments must add up to: capped refund − refund before cap',
  }),
  formula: z.string().meta({ description: 'the computation with its figures' }),
});

const loggedEvent = z.strictObject({
  id: z.string().meta({ format: 'uuid' }),
  type: z.string().meta({ example: 'OfferExpenseRecorded' }),
  stream: z.string(),
  revision: z.int(),
  position: position(),
  data: z
    .record(z.string(), z.unknown())
    .meta({ description: "the event's data as stored (its type's schema)" }),
  metadata: z.strictObject({
    recordedAt: instant(),
    commandId: z.string(),
    commandType: z.string().optional(),
    commandHash: z.string().optional(),
    commandHashVersion: z.int().optional(),
    causationId: z.string().optional(),
    correlationId: z.string().optional(),
    actor: z.string(),
    municipality: z.string(),
    schemaVersion: z.int().optional(),
  }),
});

const ruleConditions = z
  .strictObject(
    Object.fromEntries(
      [
        'targetGroups',
        'categories',
        'readiness',
        'sickPayCategories',
        'vocationalEducation',
        'months',
        'mentorWindow',
        'mentorAgreement',
        'scheme',
      ].map((k) => [k, z.array(z.union([z.string(), z.int(), z.boolean()])).optional()]),
    ),
  )
  .meta({ description: 'the facts the rule applies to (each list: any of its values)' });

const timesheetSchema = z.strictObject({
  staffId: z.string(),
  timesheetId: z.string(),
  revision: z.int(),
  week: z.string().meta({ example: '2025-W10' }),
  staffCategory: z.string(),
  salaryCost: money(),
  totalHours: z.string().meta({ example: '22.25' }),
  reportForm: z.array(
    z.strictObject({
      target: z.enum(['project', 'offer', 'administration']),
      projectId: z.string().nullable(),
      offerId: z.string().nullable(),
      from: date(),
      to: date(),
      hours: z.string(),
      percentage: z.string().meta({ description: 'hours / totalHours, two decimals', example: '35.96' }),
      amount: money(),
      formula: z.string(),
    }),
  ),
  part: z.int().meta({ description: 'the index in reportForm of the line the posting comes from' }),
  source: z.string(),
  note: z.string(),
});

export const explanationSchema = z
  .strictObject({
    entry: postingSchema,
    costItem: z
      .strictObject({
        costItemId: z.string(),
        kind: z.enum(['expense', 'mentor']),
        expenseType: z.string().nullable(),
        offerId: z.string().nullable(),
        invoiceRef: z.string().nullable(),
        amount: money(),
        activityFrom: date(),
        activityTo: date(),
        unemploymentMonthsOn: date().nullable().meta({
          description:
            "the day the 2014-2018 9- and 24-month rules read the person's months of unemployment on for the whole item (unemploymentMonthsAt 'offer_start': the offer's start date); null: on each activity date",
        }),
      })
      .nullable()
      .meta({ description: 'the cost item the posting is a part of; null for a cap adjustment' }),
    projectShare: z
      .strictObject({
        projectId: z.string(),
        expenseId: z.string(),
        offerId: z.string(),
        expenseAmount: money(),
        totalParticipantDays: z.int(),
        share: money().nullable(),
        note: z.string().optional(),
        participantDays: z.int().optional(),
        daysBefore: z.int().optional(),
        percentage: z.string().optional().meta({ example: '37.35' }),
        formula: z.string().optional(),
        source: z.string().optional(),
      })
      .nullable()
      .optional()
      .meta({
        description:
          "a project expense's share: the participant's days of all participants' days in the expense's period; costItem is then the share",
      }),
    administrativeShare: carveOutSchema
      .extend({
        role: z.enum(['carve_out', 'excess', 'deduction']).meta({
          description:
            'what the posting is of it: the carve-out on 6.45.53, its excess (unresolved), or a deduction from a cost',
        }),
      })
      .optional()
      .meta({
        description:
          'the carve-out a posting on 6.45.53, its excess or a deduction from a share or an offer’s expense belongs to (its costItemId begins admin: for a project’s, admin-offer: for an offer’s)',
      }),
    timesheet: timesheetSchema.optional().meta({
      description:
        "a Bilag 2 timesheet's part (a project's share of it, an offer's part, its administration on 6.45.53): the report form's percentage split of the week's hours and the øre each line takes",
    }),
    events: z.array(loggedEvent).meta({
      description:
        'the events behind the posting: its cost, its cause (for a cap adjustment: the event that changed the figures), a reversal',
    }),
    causedBy: z.strictObject({ eventId: z.string(), commandId: z.string() }).optional().meta({
      description: 'a cap adjustment: the event and command that changed the figures (as entry.causedBy)',
    }),
    timelineSegment: segmentSchema().nullable().meta({
      description: "the person's target-group segment the posting lies in, as known when it was posted",
    }),
    rule: z
      .strictObject({
        id: z.string(),
        title: z.string(),
        validFrom: date(),
        validTo: date().nullable(),
        when: ruleConditions,
        outcome: z.enum(['rule', 'no_rule', 'ambiguous']),
        sources: z.array(citationSchema),
        rateBasisPoints: z.int().optional(),
        cap: z.enum(CAP_IDS).nullable().optional(),
        costAccount: z.string().optional().meta({ example: '5.68.90/1/097' }),
        refundAccount: z.string().nullable().optional(),
        reason: z.string().optional(),
        candidates: z.array(z.string()).optional(),
        indicatedRateBasisPoints: z.int().optional(),
        indicatedCap: z.enum(CAP_IDS).nullable().optional(),
      })
      .nullable(),
    rulebookAdoption: z
      .strictObject({
        version: z.string(),
        previous: z.string(),
        position: z.string(),
        adoptedAt: instant(),
        note: z.string(),
      })
      .nullable()
      .optional()
      .meta({ description: 'for a posting a rulebook adoption caused: the versions, when and why' }),
    unresolved: unresolvedSchema.nullable(),
    arithmetic: z
      .strictObject({
        totalDays: z.int(),
        daysBefore: z.int(),
        days: z.int(),
        cumulativeBeforeOere: z.int(),
        cumulativeAfterOere: z.int(),
        amountOere: z.int(),
        shareFormula: z.string(),
        refundRateBasisPoints: z.int().nullable(),
        refundOere: z.int().nullable(),
        refundFormula: z.string(),
        roundingRule: z.string(),
        note: z.string().optional(),
      })
      .nullable()
      .meta({ description: 'the day split and the rate applied, step by step, in øre' }),
    cap: capComputationSchema
      .extend({
        bookingYear: z.int(),
        note: z.string(),
        lastAdjustment: capComputationSchema.extend({ entryId: z.string() }).nullable().optional(),
        adjustmentsBefore: money().optional(),
        delta: money().optional(),
        account: z
          .strictObject({
            refundAccount: statementAccount().nullable(),
            refundBeforeCap: money(),
            totalRefundBeforeCap: money(),
            adjustment: money(),
            adjustmentsBefore: money(),
            delta: money(),
            formula: z.string(),
          })
          .optional()
          .meta({
            description:
              "a cap adjustment shared over the cap's refund accounts (rulebook 2026.12-5 on): this posting's account, its refund before the cap of the total, its share, what was adjusted on it before, and the posting's refund (delta)",
          }),
      })
      .nullable(),
  })
  .meta({ description: 'the events, timeline segment, rule with citation and arithmetic behind a posting' });

const sums = {
  unresolved: z.enum(['no_rule', 'ambiguous']).nullable().meta({
    description:
      'the outcome of unresolved postings, which always form lines of their own; null for resolved ones',
  }),
  entries: z.int(),
  amount: money(),
  refund: money(),
};
export const summarySchema = z.strictObject({
  groupBy: z.array(z.enum(['account', 'targetGroup', 'bookingPeriod', 'activityYear'])),
  lines: z.array(
    z
      .strictObject({
        account: z
          .string()
          .optional()
          .meta({ description: 'grouped by account: function.dranst.grouping', example: '5.68.90.1.097' }),
        targetGroup: z
          .enum([...TARGET_GROUPS])
          .nullable()
          .optional()
          .meta({ description: 'grouped by target group; null: not known' }),
        bookingPeriod: z.string().optional().meta({ description: 'grouped by booking period: YYYY-MM' }),
        activityYear: z
          .string()
          .optional()
          .meta({ description: 'grouped by activity year: YYYY', example: '2025' }),
        ...sums,
      })
      .meta({ description: 'one line per group: the grouped keys (those in groupBy) beside the sums' }),
  ),
  totals: z.strictObject({ amount: money(), refund: money() }),
});

const statementTotals = { entries: z.int(), cost: money(), refund: money() };
const quarterNumber = () => z.int().min(1).max(4);
const withQuarters = {
  ...statementTotals,
  quarters: z.array(z.strictObject({ quarter: quarterNumber(), ...statementTotals })).meta({
    description:
      "the line's totals per booking quarter: Q1-Q4 in a year's statement, the one quarter in a quarter's",
  }),
};
export const accountFieldsSchema = z
  .strictObject({
    hovedkonto: z.string().meta({ example: '5' }),
    function: z.string().meta({ description: 'hovedkonto.hovedfunktion.funktion', example: '5.68.90' }),
    dranst: z.string().meta({ example: '1' }),
    grouping: z.string().meta({ example: '097' }),
    title: z.string().nullable().meta({
      description: "the grouping's title in the chart of accounts; null for a grouping it does not hold",
    }),
  })
  .meta({ description: 'the account as the chart of accounts names it, field by field' });
const accountLine = {
  account: statementAccount().nullable(),
  refundAccount: statementAccount()
    .nullable()
    .meta({ description: 'the dranst-2 account; null where there is no refund or the sources name none' }),
  accountFields: accountFieldsSchema.nullable(),
  refundAccountFields: accountFieldsSchema.nullable(),
};
export const statementSchema = z.strictObject({
  municipality: z.string(),
  municipalityName: z
    .string()
    .nullable()
    .meta({ description: 'the name of the kommune (kommunekoder.csv)', example: 'København' }),
  year: z.int(),
  quarter: quarterNumber().nullable(),
  bookingPeriods: z
    .object({ from: z.string(), to: z.string() })
    .meta({ description: 'the first and last booking period (YYYY-MM) of the year or quarter' }),
  asOf: instant(),
  closedAt: instant().nullable(),
  frozen: z.boolean(),
  totals: z.strictObject({
    cost: money(),
    refundBeforeCaps: money(),
    capAdjustments: money(),
    refund: money(),
    afloebCost: money(),
    afloebRefund: money(),
    unresolvedCost: money(),
    unresolvedEntries: z.int(),
  }),
  accounts: z.array(z.strictObject({ ...accountLine, ...withQuarters })),
  targetGroups: z.array(
    z.strictObject({
      targetGroup: targetGroup().nullable(),
      label: z.string().meta({
        description: 'the Danish name with its LAB § 6 number',
        example: 'Personer i jobafklaringsforløb (LAB § 6, nr. 7)',
      }),
      lab6: z.string().nullable().meta({ description: 'the LAB § 6 number', example: '7' }),
      ...withQuarters,
    }),
  ),
  afloeb: z.array(z.strictObject({ activityYear: z.int(), ...accountLine, ...withQuarters })),
  unresolved: z.array(
    z.strictObject({
      entryId: z.string(),
      personId: z.string().nullable(),
      offerId: z.string().nullable(),
      costItemId: z.string(),
      account: statementAccount().nullable(),
      targetGroup: targetGroup().nullable(),
      activityFrom: date(),
      activityTo: date(),
      bookingPeriod: z.string(),
      bookingDate: date(),
      amount: money(),
      outcome: z.enum(['no_rule', 'ambiguous']),
      outcomeLabel: z.string().meta({ description: 'the outcome in Danish' }),
      reason: z.string(),
      wouldTake: z.array(accountFieldsSchema.extend({ account: statementAccount() })).meta({
        description:
          "the account the posting would take: the chart's account where it decides one, else the accounts of the contradicting rules; empty when none is known",
      }),
    }),
  ),
  caps: z.array(capComputationSchema.extend({ adjustmentsInPeriod: money() })),
  capAdjustments: z
    .array(
      z.strictObject({
        cap: z.enum(CAP_IDS),
        capLabel: z.string(),
        refundAccount: statementAccount().nullable(),
        refundAccountFields: accountFieldsSchema.nullable(),
        refund: money(),
        quarters: z.array(z.strictObject({ quarter: quarterNumber(), refund: money() })),
        outcome: z.enum(['no_rule']).nullable().meta({
          description: 'no_rule where the sources name no dranst-2 account to post on (the reason says why)',
        }),
        outcomeLabel: z.string().nullable(),
        reason: z.string().nullable(),
      }),
    )
    .meta({
      description:
        "the cap adjustments booked in the statement's periods on their dranst-2 accounts; a cap spanning several accounts is shared by their refunds before the cap",
    }),
});

export const changesSchema = z
  .strictObject({
    from: instant(),
    to: instant(),
    commands: z.array(
      z.strictObject({
        commandId: z.string(),
        commandType: z
          .enum(COMMAND_TYPES as [CommandType, ...CommandType[]])
          .nullable()
          .meta({ description: 'null for postings of events written without a command type' }),
        recordedAt: instant(),
        actor: z.string().meta({
          description:
            "role:subject of the token that sent the command ('' if projected before actors were kept)",
          example: 'jobcentre:sb-1234',
        }),
        reason: z.string().nullable().meta({ description: "the command's reason, where it has one" }),
        personId: z.string().nullable().meta({
          description: 'the person the command concerns; null for none (a cap) or several (a project)',
        }),
        entries: z.int(),
        amount: money(),
        refund: money(),
        postings: z.array(postingSchema),
      }),
    ),
    totals: z
      .strictObject({ commands: z.int(), entries: z.int(), amount: money(), refund: money() })
      .meta({ description: 'of the whole span, not only this page' }),
    nextCursor: z.string().nullable().meta({
      description: 'pass as ?cursor= (with the same from and to) for the next page; null on the last',
    }),
  })
  .meta({
    description:
      'the postings recorded in (from, to], grouped by the command that caused it, a page of commands at a time',
  });

export const capParameterHistorySchema = z
  .strictObject({
    year: z.int(),
    settings: z.array(
      z.strictObject({
        cap: z.enum(CAP_IDS),
        amountPerFullYearPerson: money(),
        fullYearPersons: z.string().meta({ example: '12.50' }),
        allowance: money(),
        reason: z.string().nullable(),
        recordedAt: instant(),
        commandId: z.string(),
      }),
    ),
  })
  .meta({ description: "every setting of a year's cap parameters, oldest first; the last per cap stands" });

export const auditJobSchema = z
  .strictObject({
    jobId: z.string(),
    municipality: z.string(),
    until: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    createdAt: instant(),
    startedAt: instant().nullable(),
    finishedAt: instant().nullable(),
    progress: z.strictObject({
      applied: z.int(),
      position: z.string().nullable(),
      head: z.string().nullable(),
    }),
    result: z
      .strictObject({
        identical: z.boolean(),
        asOf: instant(),
        throughPosition: z.string().nullable(),
        eventsReplayed: z.int(),
        compared: z.int(),
        differences: z.array(z.string()),
      })
      .nullable(),
    error: z.string().nullable(),
  })
  .meta({
    description:
      'a replay of the municipality into a scratch schema and its comparison with the live figures',
  });

const parkedEventSchema = z
  .strictObject({
    municipality: z.string().meta({ example: '101' }),
    position: position(),
    eventId: z.string().meta({ format: 'uuid' }),
    eventType: z.string().meta({ example: 'OfferExpenseRecorded' }),
    stream: z.string(),
    error: z.string(),
    parkedAt: instant(),
    heldEvents: z.int().meta({ description: "the municipality's events read since, held back" }),
  })
  .meta({ description: 'an event the projector could not apply, waiting for an operator (cli parked)' });
const projectionLagSchema = {
  checkpoint: position()
    .nullable()
    .meta({ description: 'every municipality not parked is projected through it' }),
  head: position().nullable().meta({ description: "the log's last position; null for an empty log" }),
  eventsBehind: z.int().nullable().meta({
    description: 'events after the checkpoint; null where the log cannot count them (EventStoreDB)',
  }),
  positionDistance: z
    .string()
    .regex(/^-?\d+$/)
    .meta({ description: 'head − checkpoint in log positions' }),
  parked: z.array(parkedEventSchema),
};
const up = () => z.literal('up');
const healthChecks = z
  .strictObject({
    eventLog: z.strictObject({ status: up(), head: position().nullable() }),
    readModels: z.strictObject({ status: up(), checkpoint: position().nullable() }),
    projection: z.strictObject({ status: up(), ...projectionLagSchema }),
  })
  .meta({ description: 'each check of readiness, up (a check down answers 503)' });

export const healthSchema = z
  .strictObject({
    status: z.enum(['ok', 'degraded']).meta({ description: 'degraded: some events are parked' }),
    eventLog: z.strictObject({ head: position().nullable() }),
    projection: z.strictObject(projectionLagSchema),
    degraded: z.array(parkedEventSchema).optional().meta({ description: 'the parked events, when any' }),
    checks: healthChecks,
  })
  .meta({ description: 'ok while the api can serve, with the event log head and the projection lag' });

export const healthReadySchema = z
  .strictObject({
    status: z.literal('ok'),
    info: healthChecks,
    error: z.strictObject({}),
    details: healthChecks,
    degraded: z.array(parkedEventSchema).optional().meta({ description: 'the parked events, when any' }),
  })
  .meta({ description: 'the database and the event log answer (terminus: info and details per check)' });

export const healthLiveSchema = z
  .strictObject({
    status: z.literal('ok'),
    info: z.strictObject({}),
    error: z.strictObject({}),
    details: z.strictObject({}),
  })
  .meta({ description: 'the process runs' });

export const webConfigSchema = z
  .strictObject({
    developmentSignIn: z
      .boolean()
      .meta({ description: 'the development sign-in (POST /v1/dev/sign-in) is offered' }),
    oidc: z
      .strictObject({
        issuer: z.string().meta({ example: 'https://login.example.dk/realms/kommune' }),
        clientId: z.string().meta({ example: 'refusion-web' }),
        scopes: z.string().meta({ example: 'openid' }),
      })
      .nullable()
      .meta({
        description: 'the OpenID Connect issuer the web app signs in with (authorization code, PKCE)',
      }),
  })
  .meta({ description: "the web app's ways to sign in" });

export const webSessionSchema = z
  .strictObject({ sub: z.string(), role: z.enum(ROLES), municipality: z.string().meta({ example: '101' }) })
  .meta({ description: 'the caller as the api reads its token' });

export const replayStartedSchema = z
  .strictObject({ jobId: z.string().meta({ format: 'uuid' }) })
  .meta({ description: 'the audit job started: follow it at …/audit/replays/{jobId}' });

export const devSignInOfferSchema = z
  .strictObject({ roles: z.array(z.enum(['finance', 'auditor'])), lifetimeHours: z.int() })
  .meta({ description: 'the development sign-in is offered (only on the development secret)' });

export const devSignInSchema = z
  .strictObject({
    token: z.string().meta({ description: 'a bearer token' }),
    expiresAt: instant(),
    role: z.enum(['finance', 'auditor']),
    municipality: z.string().meta({ example: '101' }),
  })
  .meta({ description: 'a token valid for one hour' });

/** What a parked municipality's object answers gain (min-position.interceptor.ts): the read models stop there. */
const staleSchema = z
  .strictObject({
    parkedAt: position().meta({ description: 'the log position of the parked event' }),
    eventId: z.string().meta({ format: 'uuid' }),
    parkedSince: instant(),
  })
  .meta({
    description:
      "present only while one of the municipality's events is parked: the answer is what the read models held before it (also the Ledger-Stale header)",
  });

/** An object answer of a municipality's query, which a parked event marks stale. */
function mayBeStale<T extends z.ZodObject>(answer: T) {
  return answer.extend({ stale: staleSchema.optional() }).meta(answer.meta() ?? {});
}

/** The answers by the name they have in components.schemas. */
export const ANSWER_SCHEMAS: Record<string, z.ZodType> = {
  Problem: problemSchema,
  CommandResult: commandResultSchema,
  BatchResult: batchResultSchema,
  Account: accountSchema,
  Citation: citationSchema,
  Posting: postingSchema,
  Timeline: timelineSchema,
  TimelineHistory: timelineHistorySchema,
  Offer: mayBeStale(offerSchema),
  Project: mayBeStale(projectSchema),
  LedgerEntriesPage: mayBeStale(entriesPageSchema),
  Explanation: mayBeStale(explanationSchema),
  LedgerSummary: mayBeStale(summarySchema),
  RefundStatement: mayBeStale(statementSchema),
  LedgerChanges: mayBeStale(changesSchema),
  CapParameterHistory: mayBeStale(capParameterHistorySchema),
  AuditJob: auditJobSchema,
  ReplayStarted: replayStartedSchema,
  DevSignInOffer: devSignInOfferSchema,
  DevSignIn: devSignInSchema,
  Health: healthSchema,
  HealthReady: healthReadySchema,
  HealthLive: healthLiveSchema,
  WebConfig: webConfigSchema,
  WebSession: webSessionSchema,
};

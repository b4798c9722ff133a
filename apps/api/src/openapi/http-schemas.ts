// The shapes the api answers with (API.md "Commands", "Queries"), as zod schemas: OpenAPI is
// generated from them, and the end-to-end tests check real answers against them. They describe
// the main fields of each answer; an answer may carry more.
import {
  CAP_IDS,
  COMMAND_TYPES,
  EXPENSE_TYPES,
  OFFER_KINDS,
  READINESS,
  TARGET_GROUPS,
  type CommandType,
} from '@app/domain';
import { ROLES } from '@app/platform';
import { z } from 'zod';

const money = () =>
  z
    .string()
    .regex(/^-?\d+\.\d{2}$/)
    .meta({ description: 'kroner, two decimals', example: '4200.00' });
const rate = () => z.string().meta({ description: 'percent, up to two decimals', example: '50' });
const date = () => z.string().meta({ format: 'date', example: '2025-03-01' });
const instant = () => z.string().meta({ format: 'date-time', example: '2025-03-01T10:00:00.000Z' });
const position = () =>
  z
    .string()
    .regex(/^\d+$/)
    .meta({ description: 'a log position (a consistency token for ?minPosition=)', example: '1234' });

export const problemSchema = z
  .looseObject({
    type: z.string().meta({ example: '/problems/validation' }),
    title: z.string().meta({ example: 'Bad Request' }),
    status: z.int().min(400).max(599).meta({ example: 400 }),
    detail: z.string(),
    code: z.string().optional().meta({
      description: 'for a domain rule violation (422): its stable code',
      example: 'offer.not_found',
    }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: 'for a validation error (400): one message per bad field' }),
  })
  .meta({ description: 'RFC 9457 problem details (application/problem+json)' });

export const commandResultSchema = z
  .object({
    commandId: z.string().meta({ format: 'uuid' }),
    position: position().nullable().meta({
      description: 'the position of the last event appended (or the current one when nothing was appended)',
    }),
    events: z.array(
      z.object({
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
  .object({
    results: z.array(
      z.looseObject({
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

export const accountSchema = z.object({
  function: z.string().meta({ example: '5.68.90' }),
  dranst: z.enum(['1', '2']),
  grouping: z.string().meta({ example: '097' }),
});
const targetGroup = () => z.enum(TARGET_GROUPS);
export const citationSchema = z.looseObject({
  source: z.string(),
  section: z.string(),
  note: z.string().optional(),
});
const attributes = z.looseObject({
  readiness: z.enum(READINESS).optional(),
  sickPayCategory: z.int().optional(),
  selfSupporting: z.boolean().optional(),
  programmeExpired: z.boolean().optional(),
  hasVocationalEducation: z.boolean().optional(),
});

export const timelineSchema = z
  .array(
    z.looseObject({
      targetGroup: targetGroup().nullable(),
      attributes,
      from: date().nullable(),
      to: date().nullable().meta({ description: 'inclusive; null while open-ended' }),
      recordedAt: instant().nullable(),
      changeCommandId: z.string().nullable(),
      reason: z.string().nullable().meta({ description: 'the reason given with the change' }),
    }),
  )
  .meta({
    description:
      'the target-group segments of a person as known at asOf; a further page is announced in a Link header (rel="next")',
  });

export const postingSchema = z.looseObject({
  entryId: z.string(),
  kind: z.enum(['original', 'reversal', 'rebooking', 'cap_adjustment']),
  account: accountSchema.nullable(),
  refundAccount: accountSchema.nullable(),
  targetGroup: targetGroup().nullable(),
  activityFrom: date(),
  activityTo: date(),
  bookingPeriod: z.string().meta({ description: 'YYYY-MM', example: '2025-03' }),
  bookingDate: date().meta({
    description:
      'the booking date the causing command gave (an expense’s bookingDate), else the day the posting was recorded (UTC)',
  }),
  amount: money(),
  refundRate: rate().nullable(),
  refundAmount: money().nullable(),
  ruleId: z.string().nullable(),
  citation: z.string().nullable(),
  citations: z.array(citationSchema),
  cap: z.enum(CAP_IDS).nullable(),
  unresolved: z.looseObject({ outcome: z.enum(['no_rule', 'ambiguous']), reason: z.string() }).nullable(),
  causedBy: z.object({ eventId: z.string(), commandId: z.string() }),
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

export const offerSchema = z
  .looseObject({
    offerId: z.string(),
    personId: z.string(),
    offerKind: z.enum(OFFER_KINDS),
    startDate: date(),
    endDate: date(),
    offerCategory: z.string().nullable(),
    fundingFrame: z.string().nullable(),
    status: z.string().meta({ example: 'active' }),
    registeredAt: instant(),
    expenses: z.array(
      z.looseObject({
        ...expenseFields,
        reversed: z.boolean(),
        recordedAt: instant(),
      }),
    ),
    mentorHours: z.array(
      z.looseObject({
        agreementId: z.string(),
        date: date(),
        contactHours: z.string(),
        cost: money().nullable(),
        recordedAt: instant(),
      }),
    ),
  })
  .meta({ description: 'the offer with its expenses and mentor hours, as known at asOf' });

export const projectSchema = z
  .looseObject({
    projectId: z.string(),
    name: z.string(),
    offerKind: z.enum(OFFER_KINDS),
    fundingFrame: z.string().nullable(),
    startDate: date(),
    endDate: date(),
    registeredAt: instant(),
    participants: z.array(
      z.looseObject({
        offerId: z.string(),
        personId: z.string(),
        startDate: date(),
        endDate: date(),
        status: z.enum(['active', 'cancelled']),
      }),
    ),
    expenses: z.array(
      z.looseObject({
        ...expenseFields,
        totalParticipantDays: z
          .int()
          .meta({ description: 'every participant’s days in the period together' }),
        unshared: z.boolean().meta({ description: 'no participant bears it: posted whole as unresolved' }),
        shares: z.array(
          z.looseObject({
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
    administrativeShares: z.array(
      z.looseObject({
        shareId: z.string(),
        activityFrom: date(),
        activityTo: date(),
        method: z.enum(['standard_price', 'time_registration', 'area']),
        methodReference: z.string(),
        priceLevelYear: z.int(),
        amount: money(),
        lines: z.array(
          z.looseObject({
            activity: z.string(),
            count: z.int(),
            hoursEach: z.string(),
            hourlyRate: money(),
            amount: money(),
            formula: z.string().meta({ example: '4 × 0.50 h × 451.00 kr = 902.00 kr' }),
          }),
        ),
        formula: z.string(),
        costsOfPeriod: money(),
        carved: money().meta({ description: 'what the period’s hovedkonto 5 costs carry, on 6.45.53' }),
        excess: money().meta({ description: 'what they cannot carry: posted unresolved' }),
        deductions: z.array(
          z.looseObject({ offerId: z.string(), personId: z.string(), amount: money(), formula: z.string() }),
        ),
      }),
    ),
  })
  .meta({ description: 'the project with its participants, expenses and shares, as known at asOf' });

export const entriesPageSchema = z.object({
  entries: z.array(postingSchema),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: 'pass as ?cursor= for the next page; null on the last' }),
});

export const explanationSchema = z
  .looseObject({
    entry: postingSchema,
    costItem: z
      .looseObject({
        costItemId: z.string(),
        kind: z.string(),
        amount: money(),
        activityFrom: date(),
        activityTo: date(),
      })
      .nullable(),
    events: z.array(
      z.looseObject({
        id: z.string(),
        type: z.string(),
        stream: z.string(),
        revision: z.int(),
        position: z.string(),
        data: z.looseObject({}),
      }),
    ),
    timelineSegment: timelineSchema.element.nullable(),
    rule: z.looseObject({ id: z.string() }).nullable(),
    rulebookAdoption: z
      .looseObject({
        version: z.string(),
        previous: z.string(),
        position: z.string(),
        adoptedAt: instant(),
        note: z.string(),
      })
      .nullable()
      .meta({ description: 'for a posting a rulebook adoption caused: the versions, when and why' }),
    arithmetic: z
      .looseObject({})
      .nullable()
      .meta({ description: 'the day split and the rate applied, step by step' }),
    cap: z.looseObject({ bookingYear: z.int(), cap: z.enum(CAP_IDS), status: z.string() }).nullable(),
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
export const summarySchema = z.object({
  groupBy: z.array(z.enum(['account', 'targetGroup', 'bookingPeriod', 'activityYear'])),
  lines: z.array(
    z.looseObject(sums).meta({ description: 'one line per group; the grouped keys appear beside the sums' }),
  ),
  totals: z.object({ amount: money(), refund: money() }),
});

const statementTotals = { entries: z.int(), cost: money(), refund: money() };
const quarterNumber = () => z.int().min(1).max(4);
const withQuarters = {
  ...statementTotals,
  quarters: z.array(z.object({ quarter: quarterNumber(), ...statementTotals })).meta({
    description:
      "the line's totals per booking quarter: Q1-Q4 in a year's statement, the one quarter in a quarter's",
  }),
};
const statementAccount = () =>
  z.string().meta({ description: 'function.dranst.grouping', example: '5.68.90.1.097' });
export const accountFieldsSchema = z
  .object({
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
const capJson = z.looseObject({
  cap: z.enum(CAP_IDS),
  capLabel: z.string().meta({ description: "the cap's Danish name" }),
  status: z.enum(['no_parameters', 'within_allowance', 'allowance_exceeded']),
  statusLabel: z.string().meta({ description: 'the status in Danish' }),
  refundRate: rate().nullable(),
  parameters: z.object({ amountPerFullYearPerson: money(), fullYearPersons: z.string() }).nullable(),
  allowance: money().nullable(),
  eligibleCosts: money(),
  refundBeforeCap: money(),
  limit: money().nullable(),
  cappedRefund: money(),
  adjustment: money(),
  formula: z.string(),
});
export const statementSchema = z.looseObject({
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
  totals: z.looseObject({
    cost: money(),
    refundBeforeCaps: money(),
    capAdjustments: money(),
    refund: money(),
    afloebCost: money(),
    afloebRefund: money(),
    unresolvedCost: money(),
    unresolvedEntries: z.int(),
  }),
  accounts: z.array(z.looseObject({ ...accountLine, ...withQuarters })),
  targetGroups: z.array(
    z.looseObject({
      targetGroup: targetGroup().nullable(),
      label: z.string().meta({
        description: 'the Danish name with its LAB § 6 number',
        example: 'Personer i jobafklaringsforløb (LAB § 6, nr. 7)',
      }),
      lab6: z.string().nullable().meta({ description: 'the LAB § 6 number', example: '7' }),
      ...withQuarters,
    }),
  ),
  afloeb: z.array(z.looseObject({ activityYear: z.int(), ...accountLine, ...withQuarters })),
  unresolved: z.array(
    z.looseObject({
      entryId: z.string(),
      personId: z.string().nullable(),
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
  caps: z.array(capJson.extend({ adjustmentsInPeriod: money() })),
  capAdjustments: z
    .array(
      z.object({
        cap: z.enum(CAP_IDS),
        capLabel: z.string(),
        refundAccount: statementAccount().nullable(),
        refundAccountFields: accountFieldsSchema.nullable(),
        refund: money(),
        quarters: z.array(z.object({ quarter: quarterNumber(), refund: money() })),
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
  .object({
    from: instant(),
    to: instant(),
    commands: z.array(
      z.looseObject({
        commandId: z.string(),
        commandType: z.enum(COMMAND_TYPES as [CommandType, ...CommandType[]]),
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
      .object({ commands: z.int(), entries: z.int(), amount: money(), refund: money() })
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
  .object({
    year: z.int(),
    settings: z.array(
      z.looseObject({
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
  .looseObject({
    jobId: z.string(),
    municipality: z.string(),
    until: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    createdAt: instant(),
    startedAt: instant().nullable(),
    finishedAt: instant().nullable(),
    progress: z.looseObject({
      applied: z.int(),
      position: z.string().nullable(),
      head: z.string().nullable(),
    }),
    result: z
      .looseObject({
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

export const healthSchema = z
  .looseObject({ status: z.string().meta({ example: 'ok' }) })
  .meta({ description: 'ok while the api can serve, with the event log head and the projection lag' });

export const webConfigSchema = z
  .object({
    developmentSignIn: z
      .boolean()
      .meta({ description: 'the development sign-in (POST /v1/dev/sign-in) is offered' }),
    oidc: z
      .object({
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
  .object({ sub: z.string(), role: z.enum(ROLES), municipality: z.string().meta({ example: '101' }) })
  .meta({ description: 'the caller as the api reads its token' });

/** The answers by the name they have in components.schemas. */
export const ANSWER_SCHEMAS: Record<string, z.ZodType> = {
  Problem: problemSchema,
  CommandResult: commandResultSchema,
  BatchResult: batchResultSchema,
  Account: accountSchema,
  Citation: citationSchema,
  Posting: postingSchema,
  Timeline: timelineSchema,
  Offer: offerSchema,
  Project: projectSchema,
  LedgerEntriesPage: entriesPageSchema,
  Explanation: explanationSchema,
  LedgerSummary: summarySchema,
  RefundStatement: statementSchema,
  LedgerChanges: changesSchema,
  CapParameterHistory: capParameterHistorySchema,
  AuditJob: auditJobSchema,
  Health: healthSchema,
  WebConfig: webConfigSchema,
  WebSession: webSessionSchema,
};

// Shapes of the api's answers that /v1/openapi.json does not describe yet (its responses name no
// schema); regenerate openapi.d.ts with `npm run web:api-types` and replace these as it does.
import type { components } from './openapi';

export type Money = string;

/** The refund statement (described by the OpenAPI schema RefundStatement). */
export type Statement = components['schemas']['RefundStatement'];
export type CapLine = Statement['caps'][number];

export interface Account {
  function: string;
  dranst: string;
  grouping: string;
}

export interface Citation {
  source: string;
  section: string;
  note?: string;
}

export interface Posting {
  entryId: string;
  kind: 'original' | 'reversal' | 'rebooking' | 'cap_adjustment';
  account: Account;
  refundAccount: Account | null;
  targetGroup: string | null;
  activityFrom: string;
  activityTo: string;
  bookingPeriod: string;
  amount: Money;
  refundRate: string | null;
  refundAmount: Money | null;
  ruleId: string | null;
  citation: string | null;
  citations: Citation[];
  cap: string | null;
  unresolved: { outcome: string; reason: string } | null;
  causedBy: { eventId: string; commandId: string };
  reverses: string | null;
  relatesToClosedYear: number | null;
  recordedAt: string;
  personId: string | null;
  offerId: string | null;
  costItemId: string;
}

export interface EntriesPage {
  entries: Posting[];
  nextCursor: string | null;
}

export interface LoggedEvent {
  id: string;
  type: string;
  stream: string;
  revision: number;
  position: string;
  data: Record<string, unknown>;
  metadata: { recordedAt: string; commandType?: string; actor?: string; commandId?: string };
}

export interface Explanation {
  entry: Posting;
  costItem: {
    costItemId: string;
    kind: string;
    amount: Money;
    activityFrom: string;
    activityTo: string;
  } | null;
  events: LoggedEvent[];
  timelineSegment: TimelineSegment | null;
  rule: {
    id: string;
    title: string;
    validFrom: string | null;
    validTo: string | null;
    sources: Citation[];
    rateBasisPoints?: number;
  } | null;
  unresolved: { outcome: string; reason: string } | null;
  arithmetic: {
    totalDays: number;
    days: number;
    daysBefore: number;
    amountOere: number;
    refundOere: number | null;
    refundRateBasisPoints: number | null;
    shareFormula: string;
    refundFormula: string;
    roundingRule: string;
    note?: string;
  } | null;
  cap:
    | (CapLine & {
        bookingYear: number;
        note: string;
        delta?: Money;
        adjustmentsBefore?: Money;
        lastAdjustment?: { entryId: string } | null;
      })
    | null;
}

export interface TimelineSegment {
  targetGroup: string | null;
  attributes: Record<string, unknown>;
  from: string | null;
  to: string | null;
  recordedAt: string | null;
  changeCommandId: string | null;
}

export interface Registration {
  changeCommandId: string;
  targetGroup: string;
  attributes: Record<string, unknown>;
  effectiveFrom: string;
  reason: string | null;
  recordedAt: string;
  retractedAt: string | null;
  retractionReason: string | null;
}

export interface Changes {
  from: string;
  to: string;
  commands: {
    commandId: string;
    commandType: string;
    recordedAt: string;
    entries: number;
    amount: Money;
    refund: Money;
    postings: Posting[];
    actor?: string;
    reason?: string;
    personId?: string;
  }[];
  totals: { commands: number; entries: number; amount: Money; refund: Money };
}

export interface CommandResult {
  commandId: string;
  position: string;
}

export interface CapSettings {
  year: number;
  settings: {
    cap: string;
    amountPerFullYearPerson: Money;
    fullYearPersons: string;
    allowance: Money;
    reason: string | null;
    recordedAt: string;
    commandId: string;
  }[];
}

export interface AuditJob {
  jobId: string;
  municipality: string;
  until: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: { applied: number; position: string | null; head: string | null };
  result: {
    identical: boolean;
    asOf: string;
    throughPosition: string | null;
    eventsReplayed: number;
    compared: number;
    differences: string[];
  } | null;
  error: string | null;
}

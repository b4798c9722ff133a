// The api's answers by the names the app uses: every one is a type generated from the OpenAPI
// document (openapi.d.ts, `npm run web:api-types`), none is written by hand.
import type { components } from './openapi';

type Schemas = components['schemas'];
export type Statement = Schemas['RefundStatement'];
export type Account = Schemas['Account'];
export type Citation = Schemas['Citation'];
export type Posting = Schemas['Posting'];
export type EntriesPage = Schemas['LedgerEntriesPage'];
export type Explanation = Schemas['Explanation'];
export type LoggedEvent = Explanation['events'][number];
export type CarveOut = Schemas['Project']['administrativeShares'][number];
export type Project = Schemas['Project'];
export type Offer = Schemas['Offer'];
export type TimelineSegment = Schemas['Timeline'][number];
export type Registration = Schemas['TimelineHistory'][number];
export type Changes = Schemas['LedgerChanges'];
export type CommandResult = Schemas['CommandResult'];
export type CapSettings = Schemas['CapParameterHistory'];
export type AuditJob = Schemas['AuditJob'];
export type Timesheet = NonNullable<Explanation['timesheet']>;

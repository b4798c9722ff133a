import { DomainError } from './domain-error';

export const DOMAIN_CONFLICT_CODES = [
  'timesheet.revision_superseded', // RecordStaffTimesheet with a lower revision than the timesheet stands at
  'timesheet.revision_conflict', // RecordStaffTimesheet with the standing revision but other content
] as const;

export type DomainConflictCode = (typeof DOMAIN_CONFLICT_CODES)[number];

/** A command that contradicts what the stream already holds, where retrying the same body cannot help (HTTP 409). */
export class DomainConflict extends DomainError {
  constructor(
    readonly code: DomainConflictCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/**
 * Stream of one member of staff's timesheets: every revision of each, so the revision rules and "one timesheet a
 * week" are decided on one revision of one stream (on EventStoreDB too).
 */
export const staffTimesheetStream = (municipality: string, staffId: string): string =>
  `timesheet-${municipality}-${staffId}`;

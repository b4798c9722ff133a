// How a Bilag 2 timesheet splits the week's salary cost (VEJ 9584 6.4 B, 000_140518b2c182b2de.txt L1068-L1073: salary
// of staff with several functions is split by a time registration, and only the part for the offers may go on
// hovedkonto 5; Bilag 2's report form gives the split in percent, L1718-L1728): by the week's hours — each project's
// or offer's hours, then the administration hours — with the cumulative rounding of day-split.ts over hours, so the
// parts add up to the salary cost to the øre: part = round(S × (h₀ + h) / H) − round(S × h₀ / H).
import {
  divideRoundHalfAwayFromZero,
  parseHours,
  toSafeOere,
  type StaffTimesheetRecordedData,
} from '@app/domain';
import { shareOfDays } from '../day-split';
import type { Posting } from '../posting.types';

export interface TimesheetPart {
  staffId: string;
  timesheetId: string;
  revision: number;
  week: string;
  salaryCostOere: number;
  /** What the part is of: a project, an offer outside a project (with its participant), or administration. */
  target:
    | { kind: 'project'; projectId: string }
    | ({ kind: 'offer' } & StaffTimesheetRecordedData['offers'][number])
    | { kind: 'administration' };
  /** Hundredths of an hour: this part's, those of the parts before it, and the week's. */
  hours: number;
  hoursBefore: number;
  totalHours: number;
  /** The days with hours on it. */
  from: string;
  to: string;
  amountOere: number;
  /** hours / totalHours in basis points (rounded; for the report form, never for the amount). */
  percentBasisPoints: number;
}

/** A timesheet's standing revision in the ledger, with its postings of no person (the administration part). */
export interface TimesheetLedger {
  staffId: string;
  timesheetId: string;
  revision: number;
  week: string;
  staffCategory: string;
  /** When the standing revision was recorded (ISO 8601 UTC). */
  recordedAt: string;
  parts: TimesheetPart[];
  ownPostings: Posting[];
}

/** The parts of the revision's salary cost, in order: the projects and offers as their hours first appear, then administration. */
export function timesheetSplit(d: StaffTimesheetRecordedData): TimesheetPart[] {
  const byTarget = new Map<
    string,
    { target: TimesheetPart['target']; hours: number; from: string; to: string }
  >();
  const add = (key: string, target: TimesheetPart['target'], hours: number, date: string) => {
    const t = byTarget.get(key);
    if (!t) byTarget.set(key, { target, hours, from: date, to: date });
    else {
      t.hours += hours;
      t.to = date;
    }
  };
  const offers = new Map(d.offers.map((o) => [o.offerId, o]));
  const administration = { hours: 0, from: '', to: '' };
  let totalHours = 0;
  for (const day of d.days) {
    totalHours += parseHours(day.hoursWorked);
    for (const h of day.offerHours) {
      const target: TimesheetPart['target'] =
        h.projectId !== undefined
          ? { kind: 'project', projectId: h.projectId }
          : { kind: 'offer', ...offers.get(h.offerId!)! };
      add(
        h.projectId !== undefined ? `project:${h.projectId}` : `offer:${h.offerId}`,
        target,
        parseHours(h.hours),
        day.date,
      );
    }
    const admin = parseHours(day.administrationHours);
    if (admin > 0) {
      administration.hours += admin;
      administration.from ||= day.date;
      administration.to = day.date;
    }
  }
  const lines = [...byTarget.values()];
  if (administration.hours > 0) lines.push({ target: { kind: 'administration' }, ...administration });
  let hoursBefore = 0;
  return lines.map((l) => {
    const part: TimesheetPart = {
      staffId: d.staffId,
      timesheetId: d.timesheetId,
      revision: d.revision,
      week: d.week,
      salaryCostOere: d.salaryCostOere,
      target: l.target,
      hours: l.hours,
      hoursBefore,
      totalHours,
      from: l.from,
      to: l.to,
      amountOere: shareOfDays(d.salaryCostOere, hoursBefore, l.hours, totalHours),
      percentBasisPoints: toSafeOere(
        divideRoundHalfAwayFromZero(BigInt(l.hours) * 10_000n, BigInt(totalHours)),
      ),
    };
    hoursBefore += l.hours;
    return part;
  });
}

// A Bilag 2 timesheet as the auditor reads it: the report form's percentage split of the week's hours
// ("Afrapporteringsskema … Pct. fordeling", 000_140518b2c182b2de.txt L1718-L1728) and the part of the salary cost
// each line takes by the cumulative rounding.
import { formatHours, formatOere } from '@app/domain';
import { cumulativeShare, type TimesheetLedger, type TimesheetPart } from '@app/ledger';

const percent = (bp: number) => (bp / 100).toFixed(2);

export function timesheetJson(t: TimesheetLedger, isPart: (p: TimesheetPart) => boolean) {
  const [first] = t.parts;
  const S = first?.salaryCostOere ?? 0;
  const H = first?.totalHours ?? 0;
  const lines = t.parts.map((p) => {
    const after = cumulativeShare(S, p.hoursBefore + p.hours, H);
    const before = cumulativeShare(S, p.hoursBefore, H);
    return {
      target: p.target.kind,
      projectId: p.target.kind === 'project' ? p.target.projectId : null,
      offerId: p.target.kind === 'offer' ? p.target.offerId : null,
      from: p.from,
      to: p.to,
      hours: formatHours(p.hours),
      percentage: percent(p.percentBasisPoints),
      amount: formatOere(p.amountOere),
      formula: `${formatHours(p.hours)} of ${formatHours(H)} hours: round(${S} × ${p.hoursBefore + p.hours} / ${H}) − round(${S} × ${p.hoursBefore} / ${H}) = ${after} − ${before} = ${after - before} øre`,
    };
  });
  return {
    staffId: t.staffId,
    timesheetId: t.timesheetId,
    revision: t.revision,
    week: t.week,
    staffCategory: t.staffCategory,
    salaryCost: formatOere(S),
    totalHours: formatHours(H),
    reportForm: lines,
    part: t.parts.findIndex(isPart),
    source:
      '000_140518b2c182b2de.txt 6.4 B (L1068-L1073): salary of staff with several functions split by a time registration; Bilag 2 (L1614-L1815): the timesheet and its report form in percent',
    note: `as the timesheet stands now (revision ${t.revision}); the salary cost is split by hours with cumulative rounding, so the parts add up to it`,
  };
}

// A Bilag 2 timesheet of mixed-function staff (API.md RecordStaffTimesheet; VEJ 9584 6.4 B): the
// report form's percentage split of the week's hours and the part of the salary cost each line
// takes, as an explanation's timesheet reports them, with the posting's own line marked.
import type { Timesheet } from '../api/shapes';
import { date, kr, rate } from '../format';
import { href } from '../router';
import { FigureHeadings, Money } from '../ui';

/** "7.25" → "7,25". */
const hours = (value: string) => value.replace('.', ',');

function target(line: Timesheet['reportForm'][number]) {
  if (line.projectId)
    return (
      <>
        Projekt <a href={href(`/projekt/${encodeURIComponent(line.projectId)}`)}>{line.projectId}</a>
      </>
    );
  if (line.offerId)
    return (
      <>
        Tilbud <a href={href('/posteringer', { tilbud: line.offerId })}>{line.offerId}</a>
      </>
    );
  return <>Administration (6.45.53, uden refusion)</>;
}

export function TimesheetView({ timesheet: t }: { timesheet: Timesheet }) {
  return (
    <section aria-labelledby="timesheet">
      <h2 id="timesheet">Tidsregistreringen (Bilag 2)</h2>
      <p>
        Tidsregistrering {t.timesheetId} (revision {t.revision}) for medarbejder {t.staffId} (
        {t.staffCategory}), uge {t.week}: lønudgift {kr(t.salaryCost)} for {hours(t.totalHours)} timer,
        fordelt efter timerne og afrundet kumulativt, så delene summer præcist til lønudgiften.
      </p>
      <table>
        <caption>Afrapporteringsskema: procentvis fordeling af ugens timer</caption>
        <thead>
          <tr>
            <th scope="col">Til</th>
            <th scope="col">Periode</th>
            <FigureHeadings names={['Timer', 'Pct. fordeling', 'Beløb']} />
          </tr>
        </thead>
        <tbody>
          {t.reportForm.map((line, i) => (
            <tr key={i} className={i === t.part ? 'highlight' : undefined}>
              <td>
                {target(line)}
                {i === t.part && <strong> ← denne postering</strong>}
              </td>
              <td>
                {date(line.from)} – {date(line.to)}
              </td>
              <td className="num">{hours(line.hours)}</td>
              <td className="num">{rate(line.percentage)}</td>
              <Money value={line.amount} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

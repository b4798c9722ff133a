// An administrative carve-out (API.md RecordAdministrativeShare; VEJ 9584 3.1 and 6.9): the part of a
// project's or an offer's costs that is administration, posted on 6.45.53 without refund and deducted from the
// period's hovedkonto 5 shares — its method, price level, method reference, every line's arithmetic
// and each deduction, as the api reports them (the Project's administrativeShares, an explanation's
// administrativeShare).
import type { CarveOut } from '../api/shapes';
import { date, kr } from '../format';
import { href } from '../router';
import { FigureHeadings, Money, PersonOfferCells } from '../ui';

const METHODS: Record<CarveOut['method'], string> = {
  standard_price: 'Standardpris (antal aktiviteter × varighed × enhedspris)',
  time_registration: 'Konkret tidsregistrering (timer × timeomkostning)',
  area: 'Areal (husleje fordelt efter arealets størrelse)',
};

/** The activities RecordAdministrativeShare names (API.md). */
const ACTIVITIES: Record<string, string> = {
  job_interview: 'Jobsamtale',
  cv_registration: 'CV-registrering',
  job_plan: 'Jobplan',
  rehabilitation_plan: 'Rehabiliteringsplan',
  follow_up_interview: 'Opfølgningssamtale',
  sickness_follow_up: 'Sygeopfølgning',
  project_administration: 'Projektadministration',
  other_administration: 'Anden administration',
};

/** "0.50" → "0,50". */
const decimal = (value: string) => value.replace('.', ',');

/** The carve-out's amount as a Danish computation: lines summed, hours × cost, or a rent by area. */
export function carveOutComputation(c: CarveOut): string {
  if (c.method === 'time_registration' && c.hours !== null)
    return `${decimal(c.hours)} timer × ${kr(c.hourlyCost)} = ${kr(c.amount)}`;
  if (c.area)
    return `${kr(c.area.expenseAmount)} husleje × ${decimal(c.area.administration)} m² / ${decimal(c.area.total)} m² = ${kr(c.amount)}`;
  return `${c.lines.map((l) => kr(l.amount)).join(' + ')} = ${kr(c.amount)}`;
}

export function CarveOutView({ carveOut: c, heading }: { carveOut: CarveOut; heading: 'h2' | 'h3' }) {
  const id = `carve-out-${c.shareId}`;
  const Heading = heading;
  return (
    <article className="change" aria-labelledby={id}>
      <Heading id={id}>
        Administrativ andel {c.shareId}: {kr(c.amount)}
      </Heading>
      <dl className="facts">
        <dt>Udskilt af</dt>
        <dd>
          {c.projectId !== null ? (
            <>
              Projekt <a href={href(`/projekt/${encodeURIComponent(c.projectId)}`)}>{c.projectId}</a>s
              udgifter
            </>
          ) : (
            <>
              Tilbud <a href={href('/projekt', { tilbud: c.offerId })}>{c.offerId}</a>s egne udgifter
            </>
          )}
        </dd>
        <dt>Periode</dt>
        <dd>
          {date(c.activityFrom)} – {date(c.activityTo)}
        </dd>
        <dt>Metode</dt>
        <dd>{METHODS[c.method]}</dd>
        <dt>Pris- og lønniveau</dt>
        <dd>{c.priceLevelYear}</dd>
        <dt>Kommunens metodebeskrivelse</dt>
        <dd>{c.methodReference}</dd>
        <dt>Beregning</dt>
        <dd>{carveOutComputation(c)}</dd>
      </dl>
      {c.lines.length > 0 && (
        <table>
          <caption>Aktiviteter til standardpris</caption>
          <thead>
            <tr>
              <th scope="col">Aktivitet</th>
              <FigureHeadings names={['Antal', 'Timer hver', 'Timepris', 'Beløb']} />
            </tr>
          </thead>
          <tbody>
            {c.lines.map((l, i) => (
              <tr key={i}>
                <td>{ACTIVITIES[l.activity] ?? l.activity}</td>
                <td className="num">{l.count}</td>
                <td className="num">{decimal(l.hoursEach)}</td>
                <Money value={l.hourlyRate} />
                <Money value={l.amount} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="facts">
        <dt>Periodens udgifter på hovedkonto 5, efter andele registreret før denne</dt>
        <dd>{kr(c.costsOfPeriod)}</dd>
        <dt>Udskilt til 6.45.53 uden refusion</dt>
        <dd>
          <strong>{kr(c.carved)}</strong>
        </dd>
        {Number(c.excess) !== 0 && (
          <>
            <dt>Kan periodens udgifter ikke bære (bogført som uafklaret)</dt>
            <dd>{kr(c.excess)}</dd>
          </>
        )}
      </dl>
      {c.deductions.length > 0 && (
        <table>
          <caption>
            {c.projectId !== null
              ? 'Fradrag i deltagernes andele, forholdsmæssigt efter beløb'
              : 'Fradrag i tilbuddets udgifter, forholdsmæssigt efter beløb'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Borger</th>
              <th scope="col">Tilbud</th>
              <th scope="col">Udgift</th>
              <th scope="col">Periode</th>
              <FigureHeadings names={['Andelens udgift', 'Fradrag']} />
            </tr>
          </thead>
          <tbody>
            {c.deductions.map((d) => (
              <tr key={d.costItemId}>
                <PersonOfferCells personId={d.personId} offerId={d.offerId} />
                <td>{d.expenseId}</td>
                <td>
                  {date(d.from)} – {date(d.to)}
                </td>
                <Money value={d.cost} />
                <Money value={d.amount} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

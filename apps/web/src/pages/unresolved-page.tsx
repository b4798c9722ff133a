// Uafklarede posteringer: the work list of postings the rulebook could not decide (no_rule,
// ambiguous) in the accounting year, with the reason and the fact that would resolve it.
import { currentYear, date, kr, period } from '../format';
import { targetGroupName } from '../names';
import { href, navigate, useRoute } from '../router';
import type { Session } from '../session';
import { FigureHeadings, Loaded } from '../ui';
import { unresolvedAdvice } from '../unresolved-advice';
import { useStatement } from './statement-page';

export function UnresolvedPage({ session }: { session: Session }) {
  const { query } = useRoute();
  const year = Number(query.get('aar') ?? currentYear());
  const statement = useStatement(session.municipality, year, null);
  return (
    <>
      <h1>Uafklarede posteringer {year}</h1>
      <form className="pickers" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="unresolved-year">Regnskabsår</label>
        <input
          id="unresolved-year"
          type="number"
          min={2000}
          max={2099}
          value={year}
          onChange={(e) => navigate('/uafklarede', { aar: e.target.value })}
        />
      </form>
      <Loaded query={statement}>
        {(s) =>
          s.unresolved.length === 0 ? (
            <p>Ingen uafklarede posteringer i {year}.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Udfald</th>
                  <th scope="col">Borger</th>
                  <th scope="col">Tilbud</th>
                  <th scope="col">Målgruppe</th>
                  <th scope="col">Aktivitet</th>
                  <th scope="col">Bogført</th>
                  <FigureHeadings names={['Beløb']} />
                  <th scope="col">Årsag</th>
                  <th scope="col">Det afklarer den</th>
                </tr>
              </thead>
              <tbody>
                {s.unresolved.map((u) => {
                  const advice = unresolvedAdvice(u.outcome, u.reason);
                  return (
                    <tr key={u.entryId}>
                      <td>
                        <a href={href(`/postering/${encodeURIComponent(u.entryId)}`)}>{u.outcomeLabel}</a>
                      </td>
                      <td>
                        {u.personId ? (
                          <a href={href(`/borger/${encodeURIComponent(u.personId)}`)}>{u.personId}</a>
                        ) : (
                          '–'
                        )}
                      </td>
                      <td>
                        {u.offerId ? (
                          <a href={href('/posteringer', { tilbud: u.offerId })}>{u.offerId}</a>
                        ) : (
                          '–'
                        )}
                      </td>
                      <td>{targetGroupName(u.targetGroup)}</td>
                      <td>
                        {date(u.activityFrom)} – {date(u.activityTo)}
                      </td>
                      <td>{period(u.bookingPeriod)}</td>
                      <td className="num">{kr(u.amount)}</td>
                      <td>
                        {advice.why}
                        <details>
                          <summary>Regelbogens begrundelse</summary>
                          <span lang="en">{u.reason}</span>
                        </details>
                      </td>
                      <td>{advice.resolves}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </>
  );
}

// Uafklarede posteringer: the work list of postings the rulebook could not decide (no_rule,
// ambiguous) in the accounting year, with the reason and the fact that would resolve it.
import { currentYear, date, kr, period } from '../format';
import { OUTCOMES, targetGroupName } from '../names';
import { href, navigate, useRoute } from '../router';
import type { Session } from '../session';
import { Loaded } from '../ui';
import { useStatement } from './statement-page';

const RESOLVES: Record<string, string> = {
  no_rule:
    'Løses, når regelbogen får en regel for målgruppen, udgiftstypen og aktivitetsdatoen – eller når målgruppen, tilbuddet eller udgiftens periode rettes, så en regel dækker.',
  ambiguous:
    'Løses, når det oplyses, hvilken af de mulige regler der gælder (fx målgruppens oplysninger som sygedagpengekategori eller jobparathed).',
};

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
                  <th scope="col">Målgruppe</th>
                  <th scope="col">Aktivitet</th>
                  <th scope="col">Bogført</th>
                  <th scope="col" className="num">
                    Beløb
                  </th>
                  <th scope="col">Årsag og hvad der afklarer den</th>
                </tr>
              </thead>
              <tbody>
                {s.unresolved.map((u) => (
                  <tr key={u.entryId}>
                    <td>
                      <a href={href(`/postering/${encodeURIComponent(u.entryId)}`)}>
                        {OUTCOMES[u.outcome] ?? u.outcome}
                      </a>
                    </td>
                    <td>
                      {u.personId ? (
                        <a href={href(`/borger/${encodeURIComponent(u.personId)}`)}>{u.personId}</a>
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
                      {RESOLVES[u.outcome] ?? ''}{' '}
                      <span className="hint">
                        ({u.reason}; udgift {u.costItemId.replace(/^expense:/, '')})
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </>
  );
}

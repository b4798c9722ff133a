// Borgerens tidslinje: a person's target groups over time (as of the chosen instant) and over
// recorded time — every registration with when it was recorded, retracted ones struck through —
// so a retroactive change or a retraction is visible as what it is.
import { useQuery } from '@tanstack/react-query';
import { api, body } from '../api/client';
import type { Registration, TimelineSegment } from '../api/shapes';
import { asOfQuery, useAsOf } from '../as-of';
import { date, instant } from '../format';
import { targetGroupName } from '../names';
import { href } from '../router';
import type { Session } from '../session';
import { Loaded } from '../ui';

export function TimelinePage({ session, personId }: { session: Session; personId: string }) {
  const { asOf } = useAsOf();
  const m = session.municipality;
  const path = { m, personId };
  const segments = useQuery({
    queryKey: ['timeline', m, personId, asOf],
    queryFn: () =>
      body<TimelineSegment[]>(
        api.GET('/v1/municipalities/{m}/persons/{personId}/timeline', {
          params: { path, query: asOfQuery(asOf) },
        }),
      ),
  });
  const registrations = useQuery({
    queryKey: ['timeline-history', m, personId, asOf],
    queryFn: () =>
      body<Registration[]>(
        api.GET('/v1/municipalities/{m}/persons/{personId}/timeline', {
          params: { path, query: { ...asOfQuery(asOf), history: 'true' } },
        }),
      ),
  });
  return (
    <>
      <h1>Borgerens tidslinje: {personId}</h1>
      <p>
        <a href={href('/posteringer', { borger: personId })}>Borgerens posteringer</a>
      </p>
      <section aria-labelledby="segments">
        <h2 id="segments">Målgrupper over tid</h2>
        <Loaded query={segments}>
          {(s) => (s.length === 0 ? <p>Ingen målgruppe registreret.</p> : <SegmentsTable segments={s} />)}
        </Loaded>
      </section>
      <section aria-labelledby="registrations">
        <h2 id="registrations">Registreringer over registreringstid</h2>
        <p className="hint">
          Hver registrering med det tidspunkt, den blev registreret. En tilbagekaldt registrering er
          overstreget: den behandles, som om den aldrig var sket, men forespørgsler pr. et tidligere tidspunkt
          viser den stadig.
        </p>
        <Loaded query={registrations}>
          {(r) => (
            <table className="registrations">
              <thead>
                <tr>
                  <th scope="col">Registreret</th>
                  <th scope="col">Målgruppe</th>
                  <th scope="col">Gælder fra</th>
                  <th scope="col">Begrundelse</th>
                  <th scope="col">Tilbagekaldt</th>
                </tr>
              </thead>
              <tbody>
                {r.map((g, i) => {
                  const struck = (text: string) => (g.retractedAt ? <s>{text}</s> : text);
                  // a later registration reaching back before its recording date changes what was known
                  const retroactive = i > 0 && g.effectiveFrom < g.recordedAt.slice(0, 10);
                  return (
                    <tr key={g.changeCommandId} className={g.retractedAt ? 'retracted' : undefined}>
                      <td>{instant(g.recordedAt)}</td>
                      <td>{struck(targetGroupName(g.targetGroup))}</td>
                      <td>
                        {struck(date(g.effectiveFrom))}
                        {retroactive ? <span className="tag">med tilbagevirkende kraft</span> : null}
                      </td>
                      <td>{g.reason ?? '–'}</td>
                      <td>
                        {g.retractedAt
                          ? `${instant(g.retractedAt)}${g.retractionReason ? `: ${g.retractionReason}` : ''}`
                          : '–'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </Loaded>
      </section>
    </>
  );
}

/** Target-group segments over effective time; `used` (a posting's segment) is marked. */
export function SegmentsTable({
  segments,
  used,
}: {
  segments: TimelineSegment[];
  used?: TimelineSegment | null;
}) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Målgruppe</th>
          <th scope="col">Fra</th>
          <th scope="col">Til</th>
          <th scope="col">Registreret</th>
        </tr>
      </thead>
      <tbody>
        {segments.map((s) => {
          const isUsed = !!used && s.changeCommandId === used.changeCommandId && s.from === used.from;
          return (
            <tr key={`${s.changeCommandId}-${s.from}`} className={isUsed ? 'highlight' : undefined}>
              <td>
                {targetGroupName(s.targetGroup)}
                {isUsed ? <strong> ← denne postering</strong> : null}
              </td>
              <td>{date(s.from)}</td>
              <td>{s.to ? date(s.to) : 'fortsat'}</td>
              <td>{instant(s.recordedAt)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

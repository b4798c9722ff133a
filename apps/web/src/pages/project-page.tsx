// Projekter: a særligt tilrettelagt projekt or a course bought for a group (API.md RegisterProject)
// as known at the as-of instant: its participants and their periods, and each of its expenses with
// the shares its participants' offers carry (in proportion to their participant-days), and its
// administrative carve-outs. Its shape is the OpenAPI document's Project (openapi.d.ts). An offer outside a project
// has its own carve-outs (#/projekt?tilbud=…): the Offer's administrativeShares.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, body } from '../api/client';
import type { Offer, Project } from '../api/shapes';
import { asOfQuery, useAsOf } from '../as-of';
import { date, instant, kr } from '../format';
import { offerKindName } from '../names';
import { href, navigate, useRoute } from '../router';
import type { Session } from '../session';
import { FigureHeadings, Loaded, Money, PersonOfferCells } from '../ui';
import { CarveOutView } from './carve-out';

const STATUS: Record<string, string> = { active: 'Aktiv', cancelled: 'Aflyst' };

/** "37.35" → "37,35 %". */
const percent = (value: string) => `${value.replace('.', ',')} %`;

export function ProjectPage({ session, projectId }: { session: Session; projectId: string }) {
  const [wanted, setWanted] = useState(projectId);
  const offerId = useRoute().query.get('tilbud') ?? '';
  const [wantedOffer, setWantedOffer] = useState(offerId);
  return (
    <>
      <h1>Projekter</h1>
      <form
        className="pickers"
        onSubmit={(e) => {
          e.preventDefault();
          if (wanted.trim()) navigate(`/projekt/${encodeURIComponent(wanted.trim())}`);
        }}
      >
        <label htmlFor="project-id">Projekt-id</label>
        <input id="project-id" value={wanted} onChange={(e) => setWanted(e.target.value)} />
        <button type="submit">Vis projekt</button>
      </form>
      <form
        className="pickers"
        onSubmit={(e) => {
          e.preventDefault();
          if (wantedOffer.trim()) navigate('/projekt', { tilbud: wantedOffer.trim() });
        }}
      >
        <label htmlFor="offer-id">Tilbud uden for projekt</label>
        <input id="offer-id" value={wantedOffer} onChange={(e) => setWantedOffer(e.target.value)} />
        <button type="submit">Vis tilbuddets administrative andele</button>
      </form>
      {projectId && <ProjectView municipality={session.municipality} projectId={projectId} />}
      {!projectId && offerId && <OfferCarveOuts municipality={session.municipality} offerId={offerId} />}
    </>
  );
}

/** The administrative shares carved out of an offer's own expenses (an offer outside a project). */
function OfferCarveOuts({ municipality: m, offerId }: { municipality: string; offerId: string }) {
  const { asOf } = useAsOf();
  const offer = useQuery({
    queryKey: ['offer', m, offerId, asOf],
    queryFn: () =>
      body<Offer>(
        api.GET('/v1/municipalities/{m}/offers/{offerId}', {
          params: { path: { m, offerId }, query: asOfQuery(asOf) },
        }),
      ),
  });
  return (
    <Loaded query={offer}>
      {(o) => (
        <section aria-labelledby="offer-carve-outs">
          <h2 id="offer-carve-outs">Tilbud {o.offerId}: administrative andele</h2>
          <dl className="facts">
            <dt>Borger</dt>
            <dd>
              <a href={href(`/borger/${encodeURIComponent(o.personId)}`)}>{o.personId}</a>
            </dd>
            <dt>Tilbudstype</dt>
            <dd>{offerKindName(o.offerKind)}</dd>
            <dt>Periode</dt>
            <dd>
              {date(o.startDate)} – {date(o.endDate)}
            </dd>
            <dt>Status</dt>
            <dd>{STATUS[o.status] ?? o.status}</dd>
          </dl>
          <p>
            <a href={href('/posteringer', { tilbud: o.offerId })}>Tilbuddets posteringer</a>
          </p>
          {o.administrativeShares.length === 0 ? (
            <p>Ingen administrative andele udskilt af tilbuddets udgifter.</p>
          ) : (
            o.administrativeShares.map((c) => <CarveOutView key={c.shareId} carveOut={c} heading="h3" />)
          )}
        </section>
      )}
    </Loaded>
  );
}

function ProjectView({ municipality: m, projectId }: { municipality: string; projectId: string }) {
  const { asOf } = useAsOf();
  const project = useQuery({
    queryKey: ['project', m, projectId, asOf],
    queryFn: () =>
      body<Project>(
        api.GET('/v1/municipalities/{m}/projects/{projectId}', {
          params: { path: { m, projectId }, query: asOfQuery(asOf) },
        }),
      ),
  });
  return (
    <Loaded query={project}>
      {(p) => (
        <>
          <h2>{p.name}</h2>
          <dl className="facts">
            <dt>Projekt-id</dt>
            <dd>{p.projectId}</dd>
            <dt>Tilbudstype</dt>
            <dd>{offerKindName(p.offerKind)}</dd>
            <dt>Bevillingsramme</dt>
            <dd>{p.fundingFrame ?? '–'}</dd>
            <dt>Periode</dt>
            <dd>
              {date(p.startDate)} – {date(p.endDate)}
            </dd>
            <dt>Registreret</dt>
            <dd>{instant(p.registeredAt)}</dd>
          </dl>
          <p>
            <a href={href('/posteringer', { projekt: p.projectId })}>Deltagernes posteringer af projektet</a>
          </p>
          <Participants project={p} />
          <section aria-labelledby="project-expenses">
            <h2 id="project-expenses">Udgifter og deres fordeling</h2>
            {p.expenses.length === 0 && <p>Ingen udgifter registreret.</p>}
            {p.expenses.map((e) => (
              <Expense key={e.expenseId} expense={e} />
            ))}
          </section>
          <section aria-labelledby="project-carve-outs">
            <h2 id="project-carve-outs">Administrative andele</h2>
            {p.administrativeShares.length === 0 ? (
              <p>Ingen administrative andele udskilt.</p>
            ) : (
              p.administrativeShares.map((c) => <CarveOutView key={c.shareId} carveOut={c} heading="h3" />)
            )}
          </section>
        </>
      )}
    </Loaded>
  );
}

function Participants({ project }: { project: Project }) {
  return (
    <section aria-labelledby="participants">
      <h2 id="participants">Deltagere</h2>
      {project.participants.length === 0 ? (
        <p>Ingen deltagere.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Borger</th>
              <th scope="col">Tilbud</th>
              <th scope="col">Periode</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {project.participants.map((d) => (
              <tr key={d.offerId}>
                <PersonOfferCells personId={d.personId} offerId={d.offerId} />
                <td>
                  {date(d.startDate)} – {date(d.endDate)}
                </td>
                <td>{STATUS[d.status] ?? d.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Expense({ expense: e }: { expense: Project['expenses'][number] }) {
  const id = `expense-${e.expenseId}`;
  return (
    <article className="change" aria-labelledby={id}>
      <h3 id={id}>
        Udgift {e.expenseId}: {kr(e.amount)}
      </h3>
      <p>
        Aktivitet {date(e.activityFrom)} – {date(e.activityTo)}
        {e.invoiceRef ? `, faktura ${e.invoiceRef}` : ''}. {e.totalParticipantDays} deltagerdage i perioden.
      </p>
      {e.timesheet && (
        <p>
          Løn efter tidsregistrering {e.timesheet.timesheetId} (Bilag 2, revision {e.timesheet.revision}):
          medarbejder {e.timesheet.staffId} brugte {e.timesheet.hours.replace('.', ',')} af ugens{' '}
          {e.timesheet.totalHours.replace('.', ',')} timer i uge {e.timesheet.week} på projektet (
          {e.timesheet.percentage.replace('.', ',')} %).
        </p>
      )}
      {e.unshared ? (
        <p className="banner warning">Ingen deltager var aktiv i perioden: udgiften er ikke fordelt.</p>
      ) : (
        <table>
          <caption>Fordeling på deltagernes tilbud efter deltagerdage</caption>
          <thead>
            <tr>
              <th scope="col">Borger</th>
              <th scope="col">Tilbud</th>
              <th scope="col">Periode</th>
              <FigureHeadings names={['Deltagerdage', 'Andel', 'Beløb']} />
            </tr>
          </thead>
          <tbody>
            {e.shares.map((s) => (
              <tr key={s.costItemId}>
                <PersonOfferCells personId={s.personId} offerId={s.offerId} />
                <td>
                  {date(s.from)} – {date(s.to)}
                </td>
                <td className="num">{s.participantDays}</td>
                <td className="num">{percent(s.percentage)}</td>
                <Money value={s.amount} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

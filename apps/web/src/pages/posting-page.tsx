// Posteringens historie: the explanation of one posting as readable Danish — the cost and its
// invoice, the person's timeline with the segment it was judged by, the rule and its sources,
// the day split and the rounding in kroner — with links between originals, reversals and rebookings.
import { useQuery } from '@tanstack/react-query';
import { api, body } from '../api/client';
import type { Explanation, LoggedEvent, Posting, TimelineSegment } from '../api/shapes';
import { asOfQuery, useAsOf } from '../as-of';
import { date, instant, kr, period, rate } from '../format';
import { accountFilter, accountText, accountTitle, CAPS, KINDS, OUTCOMES, targetGroupName } from '../names';
import { href } from '../router';
import type { Session } from '../session';
import { Loaded } from '../ui';
import { PostingsTable, usePostings } from './postings-page';
import { SegmentsTable } from './timeline-page';
import { CarveOutView } from './carve-out';
import { TimesheetView } from './timesheet';

const EVENT_NAMES: Record<string, string> = {
  OfferExpenseRecorded: 'Udgift registreret på tilbuddet',
  OfferExpenseReversed: 'Udgift tilbageført',
  TargetGroupChanged: 'Målgruppe registreret',
  TargetGroupChangeRetracted: 'Målgrupperegistrering tilbagekaldt',
  OfferRegistered: 'Tilbud registreret',
  OfferPeriodChanged: 'Tilbuddets periode ændret',
  OfferCancelled: 'Tilbud aflyst',
  MentorHoursRecorded: 'Mentortimer registreret',
  CapParametersSet: 'Loftsparametre fastsat',
  AccountingYearClosed: 'Regnskabsår lukket',
  MentorAgreementRegistered: 'Mentoraftale registreret',
  ProjectRegistered: 'Projekt registreret',
  ProjectExpenseRecorded: 'Udgift registreret på projektet',
  AdministrativeShareRecorded: 'Administrativ andel registreret på projektet',
  StaffTimesheetRecorded: 'Tidsregistrering (Bilag 2) registreret',
  RulebookAdopted: 'Ny regelbog taget i brug',
};

/** The events that record a cost (its invoice is theirs). */
const COST_EVENTS = new Set([
  'OfferExpenseRecorded',
  'MentorHoursRecorded',
  'ProjectExpenseRecorded',
  'AdministrativeShareRecorded',
  'StaffTimesheetRecorded',
]);

const oere = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : kr((n / 100).toFixed(2));

export function PostingPage({ session, entryId }: { session: Session; entryId: string }) {
  const { asOf } = useAsOf();
  const m = session.municipality;
  const explanation = useQuery({
    queryKey: ['explanation', m, entryId, asOf],
    queryFn: () =>
      body<Explanation>(
        api.GET('/v1/municipalities/{m}/ledger/entries/{entryId}/explanation', {
          params: { path: { m, entryId }, query: asOfQuery(asOf) },
        }),
      ),
  });
  return <Loaded query={explanation}>{(x) => <Story municipality={m} x={x} />}</Loaded>;
}

function Story({ municipality, x }: { municipality: string; x: Explanation }) {
  const e = x.entry;
  const cost = x.events.find((v) => COST_EVENTS.has(v.type));
  const cause = x.events.find((v) => v.id === e.causedBy.eventId);
  return (
    <article className="story">
      <h1>
        Posteringens historie: {KINDS[e.kind]} {kr(e.amount)}
      </h1>
      <p className="lead">
        {sentence(e)} Bogført i {period(e.bookingPeriod)} på konto <strong>{accountText(e.account)}</strong>
        {accountTitle(e.account) ? ` (${accountTitle(e.account)})` : ''}
        {e.refundAccount ? `, refusion på ${accountText(e.refundAccount)}` : ''}. Registreret{' '}
        {instant(e.recordedAt)}.
        {e.relatesToClosedYear ? ` Vedrører det lukkede regnskabsår ${e.relatesToClosedYear}.` : ''}
      </p>
      {e.unresolved && (
        <p className="banner warning" role="note">
          <strong>{OUTCOMES[e.unresolved.outcome] ?? e.unresolved.outcome}:</strong> posteringen er bogført
          med sit beløb, men uden refusion, indtil en regel afgør den. ({e.unresolved.reason})
        </p>
      )}

      {x.costItem && (
        <section aria-labelledby="cost">
          <h2 id="cost">Udgiften</h2>
          <p>
            {cost ? `${EVENT_NAMES[cost.type] ?? cost.type}: ` : ''}
            {kr(x.costItem.amount)} for perioden {date(x.costItem.activityFrom)} –{' '}
            {date(x.costItem.activityTo)}
            {invoice(cost) ? `, faktura ${invoice(cost)}` : ''}
            {e.offerId ? (
              <>
                , tilbud <strong>{e.offerId}</strong>
              </>
            ) : null}
            {e.personId ? (
              <>
                , borger <a href={href(`/borger/${encodeURIComponent(e.personId)}`)}>{e.personId}</a>
              </>
            ) : null}
            .
          </p>
          {cause && cause.id !== cost?.id && (
            <p>
              Posteringen skyldes: {EVENT_NAMES[cause.type] ?? cause.type}, registreret{' '}
              {instant(cause.metadata.recordedAt)}
              {cause.metadata.actor ? ` af ${cause.metadata.actor}` : ''}
              {typeof cause.data.reason === 'string' ? ` (begrundelse: “${cause.data.reason}”)` : ''}.
            </p>
          )}
        </section>
      )}

      {e.personId && (
        <PersonTimeline
          municipality={municipality}
          personId={e.personId}
          at={e.recordedAt}
          segment={x.timelineSegment}
        />
      )}

      {x.rule && (
        <section aria-labelledby="rule">
          <h2 id="rule">Reglen</h2>
          <p>
            <strong>{x.rule.title}</strong> (regel {x.rule.id}, gælder{' '}
            {x.rule.validFrom ? `fra ${date(x.rule.validFrom)}` : 'fra altid'}
            {x.rule.validTo ? ` til ${date(x.rule.validTo)}` : ''}): refusionssats {rate(e.refundRate)}.
          </p>
          <h3>Kilder</h3>
          <ul>
            {x.rule.sources.map((c, i) => (
              <li key={i}>
                <cite>{c.title ?? c.source}</cite> ({c.reference}), {c.section}
                {c.note ? ` – ${c.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      {x.arithmetic && (
        <section aria-labelledby="arithmetic">
          <h2 id="arithmetic">Beregningen</h2>
          <ol>
            {x.projectShare?.share && x.projectShare.participantDays !== undefined && (
              <li>
                Projekt{' '}
                <a href={href(`/projekt/${encodeURIComponent(x.projectShare.projectId)}`)}>
                  {x.projectShare.projectId}
                </a>
                s udgift {x.projectShare.expenseId} på {kr(x.projectShare.expenseAmount)} deles efter
                deltagerdage: tilbud {x.projectShare.offerId} har {x.projectShare.participantDays} af{' '}
                {x.projectShare.totalParticipantDays} deltagerdage ({rate(x.projectShare.percentage)}), og
                andelen er <strong>{kr(x.projectShare.share)}</strong>
              </li>
            )}
            <li>
              {x.projectShare?.share ? 'Andelen' : 'Udgiften'} på {kr(x.costItem?.amount)} dækker{' '}
              {x.arithmetic.totalDays} dage ({date(x.costItem?.activityFrom)} – {date(x.costItem?.activityTo)}
              ). Denne del er {x.arithmetic.days} af dem (dag {x.arithmetic.daysBefore + 1}–
              {x.arithmetic.daysBefore + x.arithmetic.days}): <strong>{oere(x.arithmetic.amountOere)}</strong>
            </li>
            <li>
              Del = afrundet({kr(x.costItem?.amount)} × {x.arithmetic.daysBefore + x.arithmetic.days} /{' '}
              {x.arithmetic.totalDays}) − afrundet({kr(x.costItem?.amount)} × {x.arithmetic.daysBefore} /{' '}
              {x.arithmetic.totalDays}) = {oere(x.arithmetic.cumulativeAfterOere)} −{' '}
              {oere(x.arithmetic.cumulativeBeforeOere)} = {oere(x.arithmetic.amountOere)}
            </li>
            <li>
              Refusion: {oere(x.arithmetic.amountOere)} × {rate(e.refundRate)} ={' '}
              <strong>{oere(x.arithmetic.refundOere)}</strong>
            </li>
            <li>
              Afrunding: delene fordeles kumulativt efter dage og afrundes til hele øre (halve øre væk fra
              nul), så delene altid summer præcist til udgiften.
            </li>
            {x.arithmetic.note && (
              <li>
                {x.arithmetic.note.replace(
                  /^a reversal negates (.*) exactly$/,
                  'En tilbageførsel modposterer $1 præcist.',
                )}
              </li>
            )}
          </ol>
          <details>
            <summary>Beregningen, som systemet skriver den</summary>
            <p>
              <code>{x.arithmetic.shareFormula}</code>
            </p>
            <p>
              <code>{x.arithmetic.refundFormula}</code>
            </p>
          </details>
        </section>
      )}

      {x.timesheet && <TimesheetView timesheet={x.timesheet} />}

      {x.administrativeShare && <CarveOutOfPosting carveOut={x.administrativeShare} />}

      {x.cap && (
        <section aria-labelledby="cap">
          <h2 id="cap">Loftet</h2>
          <p>
            {CAPS[x.cap.cap] ?? x.cap.cap}, regnskabsår {x.cap.bookingYear}: refusion før loft{' '}
            {kr(x.cap.refundBeforeCap)}, efter loft {kr(x.cap.cappedRefund)}
            {x.cap.allowance ? ` (rådighedsbeløb ${kr(x.cap.allowance)})` : ''}
            {x.cap.delta ? `; denne regulering ${kr(x.cap.delta)}` : ''}.
            {e.kind !== 'cap_adjustment'
              ? ' Posteringen bærer sin refusion før loft; loftet anvendes af særskilte loftsreguleringer.'
              : ''}
          </p>
        </section>
      )}

      <Related municipality={municipality} entry={e} />
    </article>
  );
}

function sentence(e: Posting): string {
  switch (e.kind) {
    case 'original':
      if (e.personId === null)
        return `En udgift på ${kr(e.amount)} for ${date(e.activityFrom)} – ${date(e.activityTo)}, bogført på projektet uden en borger.`;
      return `En udgift på ${kr(e.amount)} for ${date(e.activityFrom)} – ${date(e.activityTo)}, bedømt efter borgerens målgruppe: ${targetGroupName(e.targetGroup)}.`;
    case 'reversal':
      return `En tilbageførsel på ${kr(e.amount)}: en tidligere postering gælder ikke længere og modposteres præcist.`;
    case 'rebooking':
      return `En ombogføring på ${kr(e.amount)} for ${date(e.activityFrom)} – ${date(e.activityTo)}: udgiften bedømt på ny, nu som ${targetGroupName(e.targetGroup)}.`;
    case 'cap_adjustment':
      return `En loftsregulering af refusionen på ${kr(e.refundAmount)} (beløb 0,00 kr.).`;
  }
}

function invoice(event: LoggedEvent | undefined): string | null {
  return typeof event?.data.invoiceRef === 'string' ? event.data.invoiceRef : null;
}

function PersonTimeline({
  municipality,
  personId,
  at,
  segment,
}: {
  municipality: string;
  personId: string;
  at: string;
  segment: TimelineSegment | null;
}) {
  const timeline = useQuery({
    queryKey: ['timeline', municipality, personId, at],
    queryFn: () =>
      body<TimelineSegment[]>(
        api.GET('/v1/municipalities/{m}/persons/{personId}/timeline', {
          params: { path: { m: municipality, personId }, query: { asOf: at } },
        }),
      ),
  });
  return (
    <section aria-labelledby="timeline">
      <h2 id="timeline">Borgerens målgrupper, som de var registreret ved posteringen</h2>
      <Loaded query={timeline}>{(segments) => <SegmentsTable segments={segments} used={segment} />}</Loaded>
      <p>
        <a href={href(`/borger/${encodeURIComponent(personId)}`)}>
          Hele borgerens tidslinje, også over registreringstid
        </a>
      </p>
    </section>
  );
}

function Related({ municipality, entry }: { municipality: string; entry: Posting }) {
  const filter: Record<string, string> = entry.offerId
    ? { offerId: entry.offerId }
    : entry.personId
      ? { personId: entry.personId }
      : entry.kind === 'cap_adjustment' || !entry.account
        ? { kind: entry.kind }
        : { account: accountFilter(entry.account) };
  const postings = usePostings(municipality, filter, null, 1000);
  return (
    <section aria-labelledby="related">
      <h2 id="related">Relaterede posteringer</h2>
      <Loaded query={postings}>
        {(p) => {
          const same = p.entries.filter((o) => o.costItemId === entry.costItemId);
          const reverses = same.find((o) => o.entryId === entry.reverses);
          const reversedBy = same.filter((o) => o.reverses === entry.entryId);
          // a regrouping reverses and rebooks in one go: the postings the same event made
          const together = same.filter(
            (o) =>
              o.causedBy.eventId === entry.causedBy.eventId &&
              o.entryId !== entry.entryId &&
              o.entryId !== entry.reverses,
          );
          const link = (o: Posting) => (
            <a href={href(`/postering/${encodeURIComponent(o.entryId)}`)}>
              {KINDS[o.kind]} {kr(o.amount)} bogført {period(o.bookingPeriod)}
            </a>
          );
          return (
            <>
              <ul className="links">
                {reverses && <li>Tilbagefører: {link(reverses)}</li>}
                {reversedBy.map((r) => (
                  <li key={r.entryId}>Tilbageført af: {link(r)}</li>
                ))}
                {together.map((r) => (
                  <li key={r.entryId}>Bogført ved samme hændelse: {link(r)}</li>
                ))}
                {!reverses && reversedBy.length === 0 && (
                  <li>Posteringen er hverken tilbageført eller en tilbageførsel.</li>
                )}
              </ul>
              <PostingsTable
                postings={same}
                caption="Alle posteringer af samme udgift"
                highlight={entry.entryId}
              />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

const CARVE_OUT_ROLES = {
  carve_out: 'Posteringen er selve den administrative andel, udskilt til 6.45.53 uden refusion.',
  excess:
    'Posteringen er den del af den administrative andel, som periodens udgifter ikke kan bære: bogført som uafklaret.',
  deduction:
    'Posteringen er et fradrag for den administrative andel i en udgift, den er udskilt af, så den administrative del ikke refunderes.',
} as const;

/** Why a posting of a carve-out was made: the carve-out itself, its excess, or a deduction (the api's role). */
function CarveOutOfPosting({ carveOut }: { carveOut: NonNullable<Explanation['administrativeShare']> }) {
  return (
    <section aria-labelledby="carve-out">
      <h2 id="carve-out">Administrativ andel</h2>
      <p>{CARVE_OUT_ROLES[carveOut.role]}</p>
      <CarveOutView carveOut={carveOut} heading="h3" />
    </section>
  );
}

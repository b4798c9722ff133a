// Posteringer: the postings behind a figure, filtered and paged on the server (a municipality-year
// may hold 200,000 postings; a page holds 50), each row opening its story.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, body } from '../api/client';
import type { EntriesPage, Posting } from '../api/shapes';
import { asOfQuery, useAsOf } from '../as-of';
import { DateInput, readDateField, type DateKind } from '../date-input';
import { date, dateField, instant, monthField, period, rate } from '../format';
import { accountText, accountTitle, KINDS, TARGET_GROUP_CODES, targetGroupName } from '../names';
import { href, navigate, useRoute } from '../router';
import type { Session } from '../session';
import { FigureHeadings, Loaded, Money, Pager } from '../ui';

const PAGE_SIZE = 50;

/** The page's query string (Danish names) ↔ the api's filters. */
const FILTERS = {
  maalgruppe: 'targetGroup',
  konto: 'account',
  art: 'kind',
  borger: 'personId',
  tilbud: 'offerId',
  projekt: 'projectId',
  fra: 'bookingPeriodFrom',
  til: 'bookingPeriodTo',
  aktivitetFra: 'activityFrom',
  aktivitetTil: 'activityTo',
} as const;
type FilterName = keyof typeof FILTERS;
/** The filters typed as dates: Danish in the field, the api's form in the page's query string. */
const DATE_FILTERS: Partial<Record<FilterName, DateKind>> = {
  fra: 'month',
  til: 'month',
  aktivitetFra: 'date',
  aktivitetTil: 'date',
};

export function usePostings(
  municipality: string,
  filter: Record<string, string>,
  cursor: string | null,
  limit = PAGE_SIZE,
) {
  const { asOf } = useAsOf();
  return useQuery({
    queryKey: ['entries', municipality, filter, cursor, limit, asOf],
    queryFn: () =>
      body<EntriesPage>(
        api.GET('/v1/municipalities/{m}/ledger/entries', {
          params: {
            path: { m: municipality },
            query: { ...filter, ...asOfQuery(asOf), limit, ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function PostingsPage({ session }: { session: Session }) {
  const { query } = useRoute();
  const values = Object.fromEntries(Object.keys(FILTERS).map((k) => [k, query.get(k) ?? ''])) as Record<
    FilterName,
    string
  >;
  const filter = Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v)
      .map(([k, v]) => [FILTERS[k as FilterName], v]),
  );
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1];
  const key = JSON.stringify(filter);
  const [shownKey, setShownKey] = useState(key);
  if (shownKey !== key) {
    setShownKey(key);
    setCursors([null]);
  }
  const page = usePostings(session.municipality, filter, cursor);
  const [errors, setErrors] = useState<Partial<Record<FilterName, string>>>({});

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next: Record<string, string> = {};
    const refused: Partial<Record<FilterName, string>> = {};
    for (const k of Object.keys(FILTERS) as FilterName[]) {
      const text = String(form.get(k) ?? '').trim();
      const kind = DATE_FILTERS[k];
      const read = kind ? readDateField(kind, text) : { value: text, error: null };
      if (read.value === null) refused[k] = read.error;
      else next[k] = read.value;
    }
    setErrors(refused);
    if (Object.keys(refused).length === 0) navigate('/posteringer', next);
  };
  const dateFilter = (name: FilterName, label: string) => (
    <div className="date-filter">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <DateInput
        kind={DATE_FILTERS[name]!}
        id={`filter-${name}`}
        name={name}
        defaultValue={DATE_FILTERS[name] === 'month' ? monthField(values[name]) : dateField(values[name])}
        error={errors[name]}
      />
    </div>
  );

  return (
    <>
      <h1>Posteringer</h1>
      <form className="filters" onSubmit={apply} key={key} aria-label="Filtre">
        <label>
          Målgruppe
          <select name="maalgruppe" defaultValue={values.maalgruppe}>
            <option value="">Alle</option>
            {TARGET_GROUP_CODES.map((c) => (
              <option key={c} value={c}>
                {targetGroupName(c)}
              </option>
            ))}
            <option value="unknown">Ukendt målgruppe</option>
          </select>
        </label>
        <label>
          Konto
          <input
            name="konto"
            defaultValue={values.konto}
            placeholder="5.68.90.1.097"
            pattern="\d\.\d{2}\.\d{2}(\.[12](\.\d{3})?)?"
            title="funktion, evt. med dranst og gruppering: 5.68.90, 5.68.90.1 eller 5.68.90.1.097"
          />
        </label>
        <label>
          Art
          <select name="art" defaultValue={values.art}>
            <option value="">Alle</option>
            {Object.entries(KINDS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          Borger
          <input name="borger" defaultValue={values.borger} />
        </label>
        <label>
          Tilbud
          <input name="tilbud" defaultValue={values.tilbud} />
        </label>
        <label>
          Projekt
          <input name="projekt" defaultValue={values.projekt} />
        </label>
        {dateFilter('fra', 'Bogført fra (periode)')}
        {dateFilter('til', 'Bogført til (periode)')}
        {dateFilter('aktivitetFra', 'Aktivitet fra')}
        {dateFilter('aktivitetTil', 'Aktivitet til')}
        <div className="actions">
          <button type="submit">Filtrér</button>
          <a href={href('/posteringer')}>Nulstil</a>
        </div>
      </form>
      <Loaded query={page}>
        {(p) => (
          <>
            <PostingsTable
              postings={p.entries}
              caption={`Side ${cursors.length}: ${p.entries.length} posteringer${p.nextCursor ? ' (flere på næste side)' : ''}`}
            />
            <Pager cursors={cursors} setCursors={setCursors} nextCursor={p.nextCursor} label="Sider" />
          </>
        )}
      </Loaded>
    </>
  );
}

export function PostingsTable({
  postings,
  caption,
  highlight,
}: {
  postings: Posting[];
  caption: string;
  highlight?: string;
}) {
  if (postings.length === 0) return <p>Ingen posteringer.</p>;
  return (
    <table className="postings">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Bogført</th>
          <th scope="col">Art</th>
          <th scope="col">Konto</th>
          <th scope="col">Målgruppe</th>
          <th scope="col">Aktivitet</th>
          <th scope="col">Borger</th>
          <FigureHeadings names={['Beløb', 'Sats', 'Refusion']} />
          <th scope="col">Registreret</th>
        </tr>
      </thead>
      <tbody>
        {postings.map((e) => (
          <tr
            key={e.entryId}
            className={[e.unresolved ? 'unresolved' : '', e.entryId === highlight ? 'highlight' : ''].join(
              ' ',
            )}
          >
            <td>{period(e.bookingPeriod)}</td>
            <td>
              <a
                href={href(`/postering/${encodeURIComponent(e.entryId)}`)}
                aria-label={`${KINDS[e.kind]} ${e.amount}: forklaring`}
              >
                {KINDS[e.kind]}
              </a>
            </td>
            <td title={accountTitle(e.account) ?? undefined}>{accountText(e.account)}</td>
            <td>{e.kind === 'cap_adjustment' ? '–' : targetGroupName(e.targetGroup)}</td>
            <td>
              {date(e.activityFrom)} – {date(e.activityTo)}
            </td>
            <td>
              {e.personId ? (
                <a href={href(`/borger/${encodeURIComponent(e.personId)}`)}>{e.personId}</a>
              ) : (
                '–'
              )}
            </td>
            <Money value={e.amount} />
            <td className="num">{e.unresolved ? 'uafklaret' : rate(e.refundRate)}</td>
            <Money value={e.refundAmount} />
            <td>{instant(e.recordedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

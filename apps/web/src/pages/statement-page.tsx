// Refusionsopgørelse: the refund statement of an accounting year (or quarter) as of the chosen
// instant — totals, accounts, target groups, afløb, caps with their computation, unresolved lines —
// every figure linking to the postings behind it, and the same statement as CSV or XLSX.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, body, download } from '../api/client';
import type { Statement } from '../api/shapes';
import { asOfQuery, useAsOf } from '../as-of';
import { currentYear, instant, kr, period } from '../format';
import { accountFilter } from '../names';
import { href, navigate, useRoute } from '../router';
import type { Session } from '../session';
import { ErrorNote, FigureHeadings, Loaded, Money } from '../ui';

export function statementPeriods(year: number, quarter: number | null): { fra: string; til: string } {
  const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return quarter
    ? { fra: month(quarter * 3 - 2), til: month(quarter * 3) }
    : { fra: month(1), til: month(12) };
}

export function useStatement(municipality: string, year: number, quarter: number | null) {
  const { asOf } = useAsOf();
  return useQuery({
    queryKey: ['statement', municipality, year, quarter, asOf],
    queryFn: () =>
      body<Statement>(
        api.GET('/v1/municipalities/{m}/refund-statements/{year}', {
          params: {
            path: { m: municipality, year: String(year) },
            query: { ...asOfQuery(asOf), ...(quarter ? { quarter } : {}) },
          },
        }),
      ),
  });
}

export function StatementPage({ session }: { session: Session }) {
  const { query } = useRoute();
  const year = Number(query.get('aar') ?? currentYear());
  const quarter = query.get('kvartal') ? Number(query.get('kvartal')) : null;
  const statement = useStatement(session.municipality, year, quarter);
  const years = Array.from({ length: 12 }, (_, i) => currentYear() + 1 - i);

  return (
    <>
      <h1>
        Refusionsopgørelse {year}
        {quarter ? `, ${quarter}. kvartal` : ''}
      </h1>
      <form className="pickers" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="year">Regnskabsår</label>
        <select
          id="year"
          value={year}
          onChange={(e) => navigate('/opgoerelse', { aar: e.target.value, kvartal: quarter })}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <label htmlFor="quarter">Periode</label>
        <select
          id="quarter"
          value={quarter ?? ''}
          onChange={(e) => navigate('/opgoerelse', { aar: year, kvartal: e.target.value })}
        >
          <option value="">Hele året</option>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {q}. kvartal
            </option>
          ))}
        </select>
        <Downloads municipality={session.municipality} year={year} quarter={quarter} />
      </form>
      <Loaded query={statement}>{(s) => <StatementView statement={s} />}</Loaded>
    </>
  );
}

function Downloads({
  municipality,
  year,
  quarter,
}: {
  municipality: string;
  year: number;
  quarter: number | null;
}) {
  const { asOf } = useAsOf();
  const [error, setError] = useState<unknown>(null);
  const get = (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams({
      format,
      ...asOfQuery(asOf),
      ...(quarter ? { quarter: String(quarter) } : {}),
    });
    const name = `refusionsopgoerelse-${municipality}-${year}${quarter ? `-k${quarter}` : ''}.${format}`;
    download(`/v1/municipalities/${municipality}/refund-statements/${year}?${params}`, name).then(
      () => setError(null),
      setError,
    );
  };
  return (
    <span className="downloads">
      <button type="button" onClick={() => get('csv')}>
        Hent CSV
      </button>
      <button type="button" onClick={() => get('xlsx')}>
        Hent XLSX (regneark)
      </button>
      {error ? <ErrorNote error={error} /> : null}
    </span>
  );
}

function StatementView({ statement: s }: { statement: Statement }) {
  const { fra, til } = statementPeriods(s.year, s.quarter);
  const postings = (filter: Record<string, string | number | null>) =>
    href('/posteringer', { fra, til, ...filter });
  return (
    <>
      {s.frozen && (
        <p className="banner frozen" role="note">
          <strong>Regnskabsåret {s.year} er lukket</strong> ({instant(s.closedAt)}). Opgørelsen er låst, som
          den stod ved lukningen; senere rettelser bogføres i første åbne periode.
        </p>
      )}
      {!s.frozen && s.closedAt && (
        <p className="banner" role="note">
          Regnskabsåret {s.year} blev lukket {instant(s.closedAt)}.
        </p>
      )}
      <p className="hint">
        {s.municipalityName ?? 'Kommune'} ({s.municipality}). Bogføringsperioder{' '}
        {period(s.bookingPeriods.from)} – {period(s.bookingPeriods.to)}, som registreret {instant(s.asOf)}.
      </p>
      <section aria-labelledby="totals">
        <h2 id="totals">I alt</h2>
        <dl className="totals">
          <div>
            <dt>Udgifter</dt>
            <dd>
              <a href={postings({})} data-testid="total-cost">
                {kr(s.totals.cost)}
              </a>
            </dd>
          </div>
          <div>
            <dt>Refusion før lofter</dt>
            <dd>{kr(s.totals.refundBeforeCaps)}</dd>
          </div>
          <div>
            <dt>Loftsreguleringer</dt>
            <dd>
              <a href={postings({ art: 'cap_adjustment' })}>{kr(s.totals.capAdjustments)}</a>
            </dd>
          </div>
          <div className="main-figure">
            <dt>Refusion</dt>
            <dd data-testid="total-refund">{kr(s.totals.refund)}</dd>
          </div>
          <div>
            <dt>Heraf afløb (aktivitet i tidligere år)</dt>
            <dd>
              {kr(s.totals.afloebCost)} udgift, {kr(s.totals.afloebRefund)} refusion
            </dd>
          </div>
          <div>
            <dt>Uafklarede posteringer</dt>
            <dd>
              <a href={href('/uafklarede', { aar: s.year })}>
                {s.totals.unresolvedEntries} ({kr(s.totals.unresolvedCost)})
              </a>
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="accounts">
        <h2 id="accounts">Konti (aktivitet i {s.year})</h2>
        <AccountsTable lines={s.accounts} postings={postings} year={s.year} />
      </section>

      <section aria-labelledby="groups">
        <h2 id="groups">Målgrupper</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Målgruppe (LAB § 6)</th>
              <FigureHeadings names={['Posteringer', 'Udgift', 'Refusion']} />
            </tr>
          </thead>
          <tbody>
            {s.targetGroups.map((g) => (
              <tr key={g.targetGroup ?? 'unknown'}>
                <td>
                  <a href={postings({ maalgruppe: g.targetGroup ?? 'unknown' })}>{g.label}</a>
                </td>
                <td className="num">{g.entries}</td>
                <Money value={g.cost} />
                <Money value={g.refund} />
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="afloeb">
        <h2 id="afloeb">Afløb (aktivitet i tidligere år, bogført i {s.year})</h2>
        {s.afloeb.length === 0 ? (
          <p>Intet afløb.</p>
        ) : (
          <AccountsTable lines={s.afloeb} postings={postings} year={s.year} />
        )}
      </section>

      <CapAdjustments statement={s} />

      <section aria-labelledby="caps">
        <h2 id="caps">Lofter</h2>
        {s.caps.length === 0 ? (
          <p>Ingen udgifter under et loft.</p>
        ) : (
          s.caps.map((c) => <CapView key={c.cap} cap={c} />)
        )}
      </section>
    </>
  );
}

type AccountLine = Statement['accounts'][number] & { activityYear?: number };

/**
 * The statement's lines per account — of the year's activity, or (afløb, with their activity year) of
 * earlier years' — each account linking to its postings of that activity year.
 */
function AccountsTable({
  lines,
  postings,
  year,
}: {
  lines: AccountLine[];
  postings: (filter: Record<string, string | number | null>) => string;
  year: number;
}) {
  const afloeb = lines.some((a) => a.activityYear !== undefined);
  return (
    <table>
      <thead>
        <tr>
          {afloeb && <th scope="col">Aktivitetsår</th>}
          <th scope="col">Konto (dranst 1)</th>
          <th scope="col">Gruppering</th>
          <th scope="col">Refusionskonto (dranst 2)</th>
          <FigureHeadings names={['Posteringer', 'Udgift', 'Refusion']} />
        </tr>
      </thead>
      <tbody>
        {lines.map((a) => {
          const activityYear = a.activityYear ?? year;
          return (
            <tr key={`${activityYear}-${a.account}`}>
              {afloeb && <td>{activityYear}</td>}
              <td>
                {a.account === null ? (
                  'uden konto'
                ) : (
                  <a
                    href={postings({
                      konto: accountFilter(a.account),
                      aktivitetFra: `${activityYear}-01-01`,
                      aktivitetTil: `${activityYear}-12-31`,
                    })}
                  >
                    {a.account}
                  </a>
                )}
              </td>
              <td>{a.accountFields?.title ?? '–'}</td>
              <td>
                <RefundAccount line={a} />
              </td>
              <td className="num">{a.entries}</td>
              <Money value={a.cost} />
              <Money value={a.refund} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The dranst-2 account with its grouping's title; where there is a refund but no account, the sources name none. */
function RefundAccount({ line }: { line: Statement['accounts'][number] }) {
  if (line.refundAccount === null)
    return <>{Number(line.refund) === 0 ? 'ingen refusion' : 'dranst 2 ikke angivet i kilderne'}</>;
  return (
    <>
      {line.refundAccount}
      {line.refundAccountFields?.title && <span className="hint"> {line.refundAccountFields.title}</span>}
    </>
  );
}

function CapAdjustments({ statement: s }: { statement: Statement }) {
  if (s.capAdjustments.length === 0) return null;
  return (
    <section aria-labelledby="cap-adjustments">
      <h2 id="cap-adjustments">Loftsreguleringer (dranst 2)</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Loft</th>
            <th scope="col">Refusionskonto (dranst 2)</th>
            <th scope="col">Gruppering</th>
            <th scope="col" className="num">
              Regulering
            </th>
          </tr>
        </thead>
        <tbody>
          {s.capAdjustments.map((c) => (
            <tr key={`${c.cap}-${c.refundAccount}`}>
              <td>{c.capLabel}</td>
              <td>{c.refundAccount ?? '–'}</td>
              <td>
                {c.refundAccount ? (c.refundAccountFields?.title ?? '–') : `${c.outcomeLabel}: ${c.reason}`}
              </td>
              <Money value={c.refund} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function CapView({ cap: c }: { cap: Statement['caps'][number] }) {
  return (
    <article className="cap" aria-label={c.capLabel}>
      <h3>{c.capLabel}</h3>
      <p>Status: {c.statusLabel}.</p>
      <table className="computation">
        <tbody>
          {c.parameters && (
            <tr>
              <th scope="row">Rådighedsbeløb</th>
              <td className="num">
                {kr(c.parameters.amountPerFullYearPerson)} × {c.parameters.fullYearPersons.replace('.', ',')}{' '}
                helårspersoner = {kr(c.allowance)}
              </td>
            </tr>
          )}
          <tr>
            <th scope="row">Udgifter under loftet</th>
            <Money value={c.eligibleCosts} />
          </tr>
          <tr>
            <th scope="row">Refusion før loft</th>
            <Money value={c.refundBeforeCap} />
          </tr>
          {c.limit && (
            <tr>
              <th scope="row">Loft ({c.refundRate} % af mindste af udgifter og rådighedsbeløb)</th>
              <Money value={c.limit} />
            </tr>
          )}
          <tr>
            <th scope="row">Refusion efter loft</th>
            <Money value={c.cappedRefund} />
          </tr>
          <tr>
            <th scope="row">Regulering i alt</th>
            <Money value={c.adjustment} />
          </tr>
        </tbody>
      </table>
      <details>
        <summary>Beregningen, som systemet skriver den</summary>
        <code>{c.formula}</code>
      </details>
    </article>
  );
}

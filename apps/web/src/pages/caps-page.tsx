// Lofter og regnskabsår: the caps of an accounting year with their computation; for finance,
// setting cap parameters and closing the year (its consequences spelt out before confirming).
// Auditors see the same figures and no forms.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, body, readAfter } from '../api/client';
import type { CapSettings, CommandResult, Statement } from '../api/shapes';
import { asOfQuery, useAsOf } from '../as-of';
import { currentYear, instant, kr } from '../format';
import { CAPS } from '../names';
import { navigate, useRoute } from '../router';
import type { Session } from '../session';
import { ErrorNote, FigureHeadings, Loaded } from '../ui';
import { CapView, useStatement } from './statement-page';

/** Sends a finance command, then asks every query again, answered once the read models include it. */
function useFinanceCommand(type: 'SetCapParameters' | 'CloseAccountingYear', municipality: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (fields: Record<string, unknown>) =>
      body<CommandResult>(
        api.POST(`/v1/commands/${type}`, {
          params: { header: { 'x-correlation-id': crypto.randomUUID() } },
          // the form's fields, typed loosely here, are checked by the api's schema of the command
          body: { commandId: crypto.randomUUID(), municipality, ...fields } as never,
        }),
      ),
    onSuccess: async (result) => {
      readAfter(result.position);
      await queries.invalidateQueries();
    },
  });
}

/** "43.363,00" or "43363.00" → "43363.00"; null when it is not an amount. */
function amount(text: string): string | null {
  const plain = text.trim().replace(/\s|kr\.?/g, '');
  const normal = plain.includes(',') ? plain.replace(/\./g, '').replace(',', '.') : plain;
  return /^\d{1,10}(\.\d{1,2})?$/.test(normal) ? normal : null;
}

export function CapsPage({ session }: { session: Session }) {
  const { query } = useRoute();
  const year = Number(query.get('aar') ?? currentYear());
  const statement = useStatement(session.municipality, year, null);
  const finance = session.role === 'finance';
  return (
    <>
      <h1>Lofter og regnskabsår {year}</h1>
      <form className="pickers" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="caps-year">Regnskabsår</label>
        <input
          id="caps-year"
          type="number"
          min={2000}
          max={2099}
          value={year}
          onChange={(e) => navigate('/lofter', { aar: e.target.value })}
        />
      </form>
      {!finance && (
        <p className="notice">Som revisor kan du se lofterne og årets status, men ikke ændre dem.</p>
      )}
      <Loaded query={statement}>
        {(s) => (
          <>
            <section aria-labelledby="caps-now">
              <h2 id="caps-now">Lofternes beregning</h2>
              {s.caps.length === 0 ? (
                <p>Ingen udgifter under et loft i {year}.</p>
              ) : (
                s.caps.map((c) => <CapView key={c.cap} cap={c} />)
              )}
            </section>
            <CapHistory municipality={session.municipality} year={year} />
            {finance && !s.closedAt && <SetCapForm municipality={session.municipality} year={year} />}
            <section aria-labelledby="closing">
              <h2 id="closing">Regnskabsåret</h2>
              {s.closedAt ? (
                <p>
                  Regnskabsåret {year} blev lukket {instant(s.closedAt)}.
                </p>
              ) : finance ? (
                <CloseYearForm municipality={session.municipality} statement={s} />
              ) : (
                <p>Regnskabsåret {year} er åbent.</p>
              )}
            </section>
          </>
        )}
      </Loaded>
    </>
  );
}

function SetCapForm({ municipality, year }: { municipality: string; year: number }) {
  const [cap, setCap] = useState('integration_raadighedsloft');
  const [perPerson, setPerPerson] = useState('');
  const [persons, setPersons] = useState('');
  const [reason, setReason] = useState('');
  const send = useFinanceCommand('SetCapParameters', municipality);
  const a = amount(perPerson);
  const p = /^\d{1,7}([.,]\d{1,2})?$/.test(persons.trim()) ? persons.trim().replace(',', '.') : null;
  const allowance =
    a && p
      ? ((BigInt(Math.round(Number(a) * 100)) * BigInt(Math.round(Number(p) * 100))) / 100n).toString()
      : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!a || !p) return;
    send.mutate({
      year,
      cap,
      amountPerFullYearPerson: a,
      fullYearPersons: p,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    });
  };
  return (
    <section aria-labelledby="set-cap">
      <h2 id="set-cap">Fastsæt loftsparametre for {year}</h2>
      <form className="stack" onSubmit={submit}>
        <label htmlFor="cap">Loft</label>
        <select id="cap" value={cap} onChange={(e) => setCap(e.target.value)}>
          {Object.entries(CAPS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <label htmlFor="per-person">Beløb pr. helårsperson (kr.)</label>
        <input
          id="per-person"
          inputMode="decimal"
          value={perPerson}
          onChange={(e) => setPerPerson(e.target.value)}
          aria-invalid={perPerson !== '' && !a}
          placeholder="43.363,00"
          required
        />
        <label htmlFor="persons">Helårspersoner</label>
        <input
          id="persons"
          inputMode="decimal"
          value={persons}
          onChange={(e) => setPersons(e.target.value)}
          aria-invalid={persons !== '' && !p}
          placeholder="2,5"
          required
        />
        <label htmlFor="cap-reason">Begrundelse (valgfri)</label>
        <input id="cap-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        <p role="status">
          {allowance
            ? `Rådighedsbeløb: ${kr(`${allowance.slice(0, -2) || '0'}.${allowance.slice(-2).padStart(2, '0')}`)}`
            : 'Angiv beløb og helårspersoner.'}
        </p>
        <button type="submit" disabled={!a || !p || send.isPending}>
          Gem loftsparametre
        </button>
        {send.isSuccess && <p role="status">Gemt. Opgørelsen er genberegnet.</p>}
        {send.isError && <ErrorNote error={send.error} />}
      </form>
    </section>
  );
}

function CloseYearForm({ municipality, statement: s }: { municipality: string; statement: Statement }) {
  const year = s.year;
  const uncapped = s.caps.filter((c) => c.status === 'no_parameters');
  const [understood, setUnderstood] = useState(false);
  const [reason, setReason] = useState('');
  const send = useFinanceCommand('CloseAccountingYear', municipality);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (understood) send.mutate({ year, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      }}
    >
      <p>Regnskabsåret {year} er åbent. Lukkes det:</p>
      <ul>
        <li>bogføres intet længere i årets perioder (januar–december {year});</li>
        <li>
          lander senere rettelser, også af aktivitet i {year}, i første åbne periode og markeres som
          vedrørende et lukket år;
        </li>
        <li>genberegnes årets lofter ikke længere, heller ikke hvis loftsparametre eller udgifter ændres;</li>
        <li>
          låses opgørelsen for {year}: spurgt pr. ethvert senere tidspunkt viser den tallene ved lukningen –
          som nu en refusion på <strong>{kr(s.totals.refund)}</strong> af udgifter på {kr(s.totals.cost)};
        </li>
        {s.totals.unresolvedEntries > 0 && (
          <li>
            står årets {s.totals.unresolvedEntries} uafklarede posteringer ({kr(s.totals.unresolvedCost)})
            uden refusion i den låste opgørelse; afklares de senere, bogføres refusionen i første åbne
            periode;
          </li>
        )}
        {uncapped.map((c) => (
          <li key={c.cap}>
            har {c.capLabel} ingen loftsparametre for {year}: refusionen før loft ({kr(c.refundBeforeCap)})
            står uden loft;
          </li>
        ))}
      </ul>
      <p>Lukningen kan ikke fortrydes.</p>
      <label htmlFor="close-reason">Begrundelse (valgfri)</label>
      <input id="close-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      <label>
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} /> Jeg
        har læst konsekvenserne og vil lukke regnskabsåret {year}
      </label>
      <button type="submit" className="danger" disabled={!understood || send.isPending}>
        Luk regnskabsåret {year}
      </button>
      {send.isError && <ErrorNote error={send.error} />}
    </form>
  );
}

function CapHistory({ municipality, year }: { municipality: string; year: number }) {
  const { asOf } = useAsOf();
  const history = useQuery({
    queryKey: ['cap-parameters', municipality, year, asOf],
    queryFn: () =>
      body<CapSettings>(
        api.GET('/v1/municipalities/{m}/accounting-years/{year}/cap-parameters', {
          params: { path: { m: municipality, year: String(year) }, query: asOfQuery(asOf) },
        }),
      ),
  });
  return (
    <section aria-labelledby="cap-history">
      <h2 id="cap-history">Loftsparametrenes historik</h2>
      <Loaded query={history}>
        {(h) =>
          h.settings.length === 0 ? (
            <p>Ingen loftsparametre fastsat for {year}.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Fastsat</th>
                  <th scope="col">Loft</th>
                  <FigureHeadings names={['Beløb pr. helårsperson', 'Helårspersoner', 'Rådighedsbeløb']} />
                  <th scope="col">Begrundelse</th>
                </tr>
              </thead>
              <tbody>
                {h.settings.map((c) => (
                  <tr key={c.commandId}>
                    <td>{instant(c.recordedAt)}</td>
                    <td>{CAPS[c.cap] ?? c.cap}</td>
                    <td className="num">{kr(c.amountPerFullYearPerson)}</td>
                    <td className="num">{c.fullYearPersons.replace('.', ',')}</td>
                    <td className="num">{kr(c.allowance)}</td>
                    <td>{c.reason ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}

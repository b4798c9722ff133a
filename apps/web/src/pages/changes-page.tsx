// Hvad er ændret: every posting recorded between two instants, grouped by the command that caused
// it (what, when, by whom, why) with its effect per account.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, body } from '../api/client';
import type { Changes, Posting } from '../api/shapes';
import { useAsOf } from '../as-of';
import { DateInput, readDateField } from '../date-input';
import { instant, instantField, kr } from '../format';
import { accountText, accountTitle } from '../names';
import { href, navigate, useRoute } from '../router';
import type { Session } from '../session';
import { FigureHeadings, Loaded, Money, Pager } from '../ui';
import { PostingsTable } from './postings-page';

const COMMANDS_PER_PAGE = 20;

const COMMANDS: Record<string, string> = {
  ChangeTargetGroup: 'Målgruppe registreret',
  RetractTargetGroupChange: 'Målgrupperegistrering tilbagekaldt',
  RegisterOffer: 'Tilbud registreret',
  ChangeOfferPeriod: 'Tilbuddets periode ændret',
  CancelOffer: 'Tilbud aflyst',
  RecordOfferExpense: 'Udgift registreret',
  ReverseOfferExpense: 'Udgift tilbageført',
  RecordMentorHours: 'Mentortimer registreret',
  RegisterMentorAgreement: 'Mentoraftale registreret',
  SetCapParameters: 'Loftsparametre fastsat',
  CloseAccountingYear: 'Regnskabsår lukket',
  RegisterProject: 'Projekt registreret',
  RecordProjectExpense: 'Projektudgift registreret',
  RecordAdministrativeShare: 'Administrativ andel udskilt',
  RecordStaffTimesheet: 'Tidsregistrering (Bilag 2) registreret',
  RulebookAdopted: 'Ny regelbog taget i brug',
};

function perAccount(postings: Posting[]): { account: string; amount: string; refund: string }[] {
  const sums = new Map<string, { amount: bigint; refund: bigint }>();
  const oere = (v: string | null) => (v === null ? 0n : BigInt(v.replace('.', '')));
  for (const p of postings) {
    const key = accountText(p.account);
    const sum = sums.get(key) ?? { amount: 0n, refund: 0n };
    sums.set(key, { amount: sum.amount + oere(p.amount), refund: sum.refund + oere(p.refundAmount) });
  }
  const money = (v: bigint) =>
    `${v < 0n ? '-' : ''}${(v < 0n ? -v : v) / 100n}.${String((v < 0n ? -v : v) % 100n).padStart(2, '0')}`;
  return [...sums].map(([account, s]) => ({ account, amount: money(s.amount), refund: money(s.refund) }));
}

export function ChangesPage({ session }: { session: Session }) {
  const { query } = useRoute();
  const { asOf } = useAsOf();
  const [now] = useState(() => new Date().toISOString());
  const to = query.get('til') ?? asOf ?? now;
  const from = query.get('fra') ?? new Date(Date.parse(to) - 30 * 86_400_000).toISOString();
  const [fromInput, setFromInput] = useState(instantField(from));
  const [toInput, setToInput] = useState(instantField(to));
  const [errors, setErrors] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const m = session.municipality;
  // the span's commands a page at a time (a municipality-year holds many); back by a stack of cursors
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [span, setSpan] = useState(`${from}/${to}`);
  if (span !== `${from}/${to}`) {
    setSpan(`${from}/${to}`);
    setCursors([null]);
  }
  const cursor = cursors[cursors.length - 1];
  const changes = useQuery({
    queryKey: ['changes', m, from, to, cursor],
    queryFn: () =>
      body<Changes>(
        api.GET('/v1/municipalities/{m}/ledger/changes', {
          params: {
            path: { m },
            query: { from, to, limit: COMMANDS_PER_PAGE, ...(cursor ? { cursor } : {}) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>Hvad er ændret</h1>
      <form
        className="pickers"
        onSubmit={(e) => {
          e.preventDefault();
          const [fra, til] = [readDateField('instant', fromInput), readDateField('instant', toInput)];
          setErrors({ from: fra.error, to: til.error });
          if (fra.value !== null && til.value !== null)
            navigate('/aendringer', { fra: fra.value, til: til.value });
        }}
      >
        <label htmlFor="changes-from">Registreret efter</label>
        <DateInput
          kind="instant"
          id="changes-from"
          value={fromInput}
          error={errors.from}
          onChange={(e) => setFromInput(e.target.value)}
        />
        <label htmlFor="changes-to">til og med</label>
        <DateInput
          kind="instant"
          id="changes-to"
          value={toInput}
          error={errors.to}
          onChange={(e) => setToInput(e.target.value)}
        />
        <button type="submit">Vis</button>
      </form>
      <Loaded query={changes}>
        {(c) => (
          <>
            <p className="lead">
              {c.totals.commands} {c.totals.commands === 1 ? 'handling' : 'handlinger'} gav {c.totals.entries}{' '}
              posteringer mellem {instant(c.from)} og {instant(c.to)}: beløb {kr(c.totals.amount)}, refusion{' '}
              {kr(c.totals.refund)}
            </p>
            {c.commands.map((cmd) => (
              <article key={cmd.commandId} className="change">
                <h2>
                  {cmd.commandType
                    ? (COMMANDS[cmd.commandType] ?? cmd.commandType)
                    : 'Hændelse uden kommando'}
                  , {instant(cmd.recordedAt)}
                </h2>
                <p>
                  {cmd.actor ? `Af ${cmd.actor}. ` : ''}
                  {cmd.personId ? (
                    <>
                      Borger <a href={href(`/borger/${encodeURIComponent(cmd.personId)}`)}>{cmd.personId}</a>
                      .{' '}
                    </>
                  ) : null}
                  {cmd.reason ? `Begrundelse: “${cmd.reason}”. ` : ''}
                  {cmd.entries} posteringer, beløb {kr(cmd.amount)}, refusion {kr(cmd.refund)}{' '}
                  <span className="hint">Handling {cmd.commandId}</span>
                </p>
                <table>
                  <caption>Virkning pr. konto</caption>
                  <thead>
                    <tr>
                      <th scope="col">Konto</th>
                      <th scope="col">Gruppering</th>
                      <FigureHeadings names={['Beløb', 'Refusion']} />
                    </tr>
                  </thead>
                  <tbody>
                    {perAccount(cmd.postings).map((a) => (
                      <tr key={a.account}>
                        <td>{a.account}</td>
                        <td>{accountTitle(a.account) ?? '–'}</td>
                        <Money value={a.amount} />
                        <Money value={a.refund} />
                      </tr>
                    ))}
                  </tbody>
                </table>
                <details>
                  <summary>Posteringerne</summary>
                  <PostingsTable postings={cmd.postings} caption="Posteringer fra denne handling" />
                </details>
              </article>
            ))}
            <Pager
              cursors={cursors}
              setCursors={setCursors}
              nextCursor={c.nextCursor}
              label="Sider med handlinger"
            />
          </>
        )}
      </Loaded>
    </>
  );
}

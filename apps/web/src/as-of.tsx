// Tidsrejse: the instant every page is shown "as of" (null = now), with its control (date and
// time in Copenhagen, and a slider over the recorded history from the first posting to now).
// Every query's key holds the instant, so moving it re-renders every page as the ledger stood then.
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, body } from './api/client';
import type { EntriesPage } from './api/shapes';
import { DateInput, readDateField } from './date-input';
import { instant, instantField } from './format';

interface AsOfState {
  asOf: string | null;
  setAsOf(asOf: string | null): void;
}

const AsOfContext = createContext<AsOfState>({ asOf: null, setAsOf: () => {} });
const KEY = 'refusion.asOf';

export function AsOfProvider({ children }: { children: ReactNode }) {
  const [asOf, setState] = useState<string | null>(() => sessionStorage.getItem(KEY));
  const setAsOf = (value: string | null) => {
    if (value) sessionStorage.setItem(KEY, value);
    else sessionStorage.removeItem(KEY);
    setState(value);
  };
  return <AsOfContext.Provider value={{ asOf, setAsOf }}>{children}</AsOfContext.Provider>;
}

export function useAsOf(): AsOfState {
  return useContext(AsOfContext);
}

/** The query parameter of the instant: absent for "now". */
export function asOfQuery(asOf: string | null): { asOf?: string } {
  return asOf ? { asOf } : {};
}

function useFirstRecorded(municipality: string): string | null {
  const { data } = useQuery({
    queryKey: ['first-recorded', municipality],
    queryFn: () =>
      body<EntriesPage>(
        api.GET('/v1/municipalities/{m}/ledger/entries', {
          params: { path: { m: municipality }, query: { limit: 1 } },
        }),
      ),
    staleTime: Infinity,
  });
  return data?.entries[0]?.recordedAt ?? null;
}

const STEP_MS = 60_000;

export function AsOfControl({ municipality }: { municipality: string }) {
  const { asOf, setAsOf } = useAsOf();
  const first = useFirstRecorded(municipality);
  const [now] = useState(() => Date.now());
  const shown = asOf ?? new Date(now).toISOString();
  const [input, setInput] = useState(instantField(shown));
  const [inputError, setInputError] = useState<string | null>(null);
  const [slider, setSlider] = useState(Date.parse(shown));
  useEffect(() => {
    setInput(instantField(shown));
    setInputError(null);
    setSlider(Date.parse(shown));
  }, [shown]);
  // the slider commits a moment after it stops moving, so dragging does not fire a query per step
  useEffect(() => {
    if (slider === Date.parse(shown)) return;
    const timer = setTimeout(
      () => setAsOf(slider >= now - STEP_MS ? null : new Date(slider).toISOString()),
      350,
    );
    return () => clearTimeout(timer);
  }, [slider]);

  const min = first ? Date.parse(first) : now - 365 * 86_400_000;
  return (
    <section className="as-of" aria-label="Tidsrejse">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const { value, error } = readDateField('instant', input, true);
          setInputError(error);
          if (value) setAsOf(Date.parse(value) >= Date.now() ? null : value);
        }}
      >
        <label htmlFor="as-of-input">Vis som registreret pr.</label>
        <DateInput
          kind="instant"
          id="as-of-input"
          value={input}
          error={inputError}
          onChange={(e) => setInput(e.target.value)}
        />
        <button type="submit">Vis</button>
        <label htmlFor="as-of-slider" className="visually-hidden">
          Tidspunkt i den registrerede historik
        </label>
        <input
          id="as-of-slider"
          type="range"
          min={min}
          max={now}
          step={STEP_MS}
          value={Math.max(min, Math.min(now, slider))}
          aria-valuetext={instant(new Date(slider).toISOString())}
          onChange={(e) => setSlider(Number(e.target.value))}
        />
        <button type="button" onClick={() => setAsOf(null)} disabled={asOf === null}>
          Nu
        </button>
      </form>
      <p className={asOf ? 'as-of-banner past' : 'as-of-banner'} role="status" aria-live="polite">
        {asOf ? (
          <>Du ser regnskabet, som det var registreret {instant(asOf)}.</>
        ) : (
          <>Du ser regnskabet, som det er registreret nu.</>
        )}
      </p>
    </section>
  );
}

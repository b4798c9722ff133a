// Revision: replay this municipality's events up to an instant (or a log position) into read
// models of their own and compare them with the live as-of figures, through the api's audit jobs;
// progress while it runs, and a dated result to save for the audit file.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, body } from '../api/client';
import type { AuditJob } from '../api/shapes';
import { useAsOf } from '../as-of';
import { DateInput, readDateField } from '../date-input';
import { instant, instantField } from '../format';
import { municipalityName } from '../names';
import type { Session } from '../session';
import { ErrorNote, Loaded } from '../ui';

export function AuditPage({ session }: { session: Session }) {
  const m = session.municipality;
  const { asOf } = useAsOf();
  const [until, setUntil] = useState(() => instantField(asOf ?? new Date().toISOString()));
  const [untilError, setUntilError] = useState<string | null>(null);
  const [position, setPosition] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: (value: string) =>
      body<{ jobId: string }>(
        api.POST('/v1/municipalities/{m}/audit/replays', { params: { path: { m } }, body: { until: value } }),
      ),
    onSuccess: (r) => setJobId(r.jobId),
  });
  const job = useQuery({
    queryKey: ['audit-job', m, jobId],
    enabled: jobId !== null,
    queryFn: () =>
      body<AuditJob>(
        api.GET('/v1/municipalities/{m}/audit/replays/{jobId}', { params: { path: { m, jobId: jobId! } } }),
      ),
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 500,
  });

  return (
    <>
      <h1>Revision: genafspil og kontrollér</h1>
      <p className="lead">
        Genafspiller {municipalityName(m)}s hændelser fra loggen frem til et tidspunkt i egne, midlertidige
        læsemodeller og sammenligner opgørelser og summer med de aktuelle tal pr. samme tidspunkt. Loggen
        ændres ikke.
      </p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const read = readDateField('instant', until, !position.trim());
          setUntilError(read.error);
          const value = position.trim() || read.value;
          if (value) start.mutate(value);
        }}
      >
        <label htmlFor="audit-until">Til og med registreringstidspunkt</label>
        <DateInput
          kind="instant"
          id="audit-until"
          value={until}
          error={untilError}
          onChange={(e) => setUntil(e.target.value)}
        />
        <label htmlFor="audit-position">eller til og med logposition (valgfri)</label>
        <input
          id="audit-position"
          inputMode="numeric"
          pattern="\d{1,19}"
          value={position}
          onChange={(e) => setPosition(e.target.value)}
        />
        <button
          type="submit"
          disabled={
            start.isPending ||
            (job.data !== undefined && (job.data.status === 'queued' || job.data.status === 'running'))
          }
        >
          Start genafspilning og kontrol
        </button>
        {start.isError && <ErrorNote error={start.error} />}
      </form>
      {jobId && <Loaded query={job}>{(j) => <JobView job={j} />}</Loaded>}
    </>
  );
}

const STATUS: Record<AuditJob['status'], string> = {
  queued: 'I kø',
  running: 'Genafspiller …',
  done: 'Færdig',
  failed: 'Fejlede',
};

function JobView({ job }: { job: AuditJob }) {
  const save = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(job, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `revision-${job.municipality}-${job.jobId}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section aria-labelledby="audit-job" className="audit-job">
      <h2 id="audit-job">Kørsel {job.jobId}</h2>
      <p role="status" aria-live="polite">
        {STATUS[job.status]}
        {job.status === 'running' || job.status === 'queued'
          ? ` – ${job.progress.applied} hændelser genafspillet${job.progress.position ? `, logposition ${job.progress.position} af ${job.progress.head}` : ''}`
          : ''}
      </p>
      {job.status === 'running' && job.progress.head && (
        <progress
          max={Number(job.progress.head)}
          value={Number(job.progress.position ?? 0)}
          aria-label="Fremdrift"
        />
      )}
      {job.status === 'failed' && <p className="error">Kørslen fejlede: {job.error}</p>}
      {job.result && (
        <>
          <p
            className={job.result.identical ? 'banner frozen' : 'banner warning'}
            data-testid="audit-verdict"
          >
            <strong>
              {job.result.identical ? 'Identisk' : `${job.result.differences.length} forskelle`}
            </strong>
            : genafspilning af kommune {job.municipality}s {job.result.eventsReplayed} hændelser registreret
            til og med {instant(job.result.asOf)} (logposition {job.result.throughPosition ?? '–'})
            {job.result.identical ? ' gav de samme' : ' gav ikke de samme'} {job.result.compared} opgørelser
            og summer som de aktuelle tal pr. samme tidspunkt. Kontrolleret {instant(job.finishedAt)}.
          </p>
          {!job.result.identical && (
            <ul>
              {job.result.differences.map((d) => (
                <li key={d}>
                  <code>{d}</code>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={save}>
            Gem resultatet (JSON) til revisionsfilen
          </button>
        </>
      )}
    </section>
  );
}

// Log ind: on the embedded default (the api on its development secret) a development sign-in that
// chooses role and municipality; otherwise the api offers none and the page says so.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiProblem, body } from '../api/client';
import { MUNICIPALITIES } from '../names';
import { signIn, type Role, type Session } from '../session';
import { ErrorNote } from '../ui';

export function SignInPage() {
  const offered = useQuery({
    queryKey: ['dev-sign-in'],
    queryFn: () => body<{ roles: Role[]; lifetimeHours: number }>(api.GET('/v1/dev/sign-in')),
    retry: false,
  });
  const [role, setRole] = useState<Role>('finance');
  const [municipality, setMunicipality] = useState('101');
  const submit = useMutation({
    mutationFn: () => body<Session>(api.POST('/v1/dev/sign-in', { body: { role, municipality } })),
    onSuccess: signIn,
  });

  return (
    <main className="sign-in" id="indhold">
      <h1>Refusion</h1>
      <p>
        Kommunens refusionsregnskab for beskæftigelsesindsatsen: opgørelser, posteringer og deres
        forklaringer.
      </p>
      {offered.isPending && <p role="status">Henter …</p>}
      {offered.isError && offered.error instanceof ApiProblem && offered.error.status === 404 && (
        <p className="notice">
          Denne installation bruger kommunens eget login. Udviklingslogin er kun tilgængeligt, mens systemet
          kører med sin udviklingsnøgle.
        </p>
      )}
      {offered.isError && !(offered.error instanceof ApiProblem && offered.error.status === 404) && (
        <ErrorNote error={offered.error} />
      )}
      {offered.isSuccess && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit.mutate();
          }}
        >
          <h2>Udviklingslogin</h2>
          <p className="hint">
            Systemet kører med sin udviklingsnøgle. Vælg rolle og kommune; adgangen gælder i{' '}
            {offered.data.lifetimeHours} time.
          </p>
          <fieldset>
            <legend>Rolle</legend>
            <label>
              <input
                type="radio"
                name="role"
                value="finance"
                checked={role === 'finance'}
                onChange={() => setRole('finance')}
              />{' '}
              Økonomi (opgørelser, lofter og lukning af regnskabsår)
            </label>
            <label>
              <input
                type="radio"
                name="role"
                value="auditor"
                checked={role === 'auditor'}
                onChange={() => setRole('auditor')}
              />{' '}
              Revision (læser alt, ændrer intet)
            </label>
          </fieldset>
          <label htmlFor="municipality">Kommune</label>
          <select id="municipality" value={municipality} onChange={(e) => setMunicipality(e.target.value)}>
            {MUNICIPALITIES.map((m) => (
              <option key={m.code} value={m.code}>
                {m.name} ({m.code})
              </option>
            ))}
          </select>
          <button type="submit" disabled={submit.isPending}>
            Log ind
          </button>
          {submit.isError && <ErrorNote error={submit.error} />}
        </form>
      )}
    </main>
  );
}

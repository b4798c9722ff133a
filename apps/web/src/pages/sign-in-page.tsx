// Log ind: with an OpenID Connect issuer configured, its sign-in (authorization code with PKCE,
// ../oidc.ts); while the api runs on its development secret, a development sign-in that chooses
// role and municipality. The api says which are offered (/v1/web/config).
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, body } from '../api/client';
import { MUNICIPALITIES } from '../names';
import { beginSignIn, completeSignIn, isSignInReturn, type OidcSettings } from '../oidc';
import { signIn, type Role, type Session } from '../session';
import { ErrorNote } from '../ui';

const APP_ROLES: readonly string[] = ['finance', 'auditor'] satisfies Role[];

/** The session of an issuer's access token: who the api takes it for. */
async function issuerSession(settings: OidcSettings): Promise<Session> {
  const { accessToken, expiresAt } = await completeSignIn(settings);
  const who = await body<{ role: string; municipality: string }>(
    api.GET('/v1/web/session', { headers: { authorization: `Bearer ${accessToken}` } }),
  );
  if (!APP_ROLES.includes(who.role))
    throw new Error(`Rollen ${who.role} har ikke adgang til appen; den er for økonomi og revision.`);
  return { token: accessToken, expiresAt, role: who.role as Role, municipality: who.municipality };
}

export function SignInPage() {
  const config = useQuery({
    queryKey: ['web-config'],
    queryFn: () => body<{ developmentSignIn: boolean; oidc: OidcSettings | null }>(api.GET('/v1/web/config')),
    retry: false,
  });
  const oidc = config.data?.oidc ?? null;
  const issuerReturn = useMutation({ mutationFn: issuerSession, onSuccess: signIn });
  const toIssuer = useMutation({ mutationFn: beginSignIn });
  useEffect(() => {
    if (oidc && isSignInReturn() && issuerReturn.isIdle) issuerReturn.mutate(oidc);
  }, [oidc]);

  return (
    <main className="sign-in" id="indhold">
      <h1>Refusion</h1>
      <p>
        Kommunens refusionsregnskab for beskæftigelsesindsatsen: opgørelser, posteringer og deres
        forklaringer.
      </p>
      {config.isPending && <p role="status">Henter …</p>}
      {config.isError && <ErrorNote error={config.error} />}
      {oidc && (
        <section aria-labelledby="issuer-sign-in">
          <h2 id="issuer-sign-in">Kommunens login</h2>
          {issuerReturn.isPending ? (
            <p role="status">Logger ind …</p>
          ) : (
            <button type="button" disabled={toIssuer.isPending} onClick={() => toIssuer.mutate(oidc)}>
              Log ind med kommunens login
            </button>
          )}
          {toIssuer.isError && <ErrorNote error={toIssuer.error} />}
          {issuerReturn.isError && <ErrorNote error={issuerReturn.error} />}
        </section>
      )}
      {config.data?.developmentSignIn && <DevelopmentSignIn />}
      {config.isSuccess && !oidc && !config.data.developmentSignIn && (
        <p className="notice">
          Denne installation har intet login til appen: udviklingslogin findes kun, mens systemet kører med
          sin udviklingsnøgle, og kommunens login kræver, at en OpenID Connect-udsteder er sat op
          (AUTH_WEB_CLIENT_ID).
        </p>
      )}
    </main>
  );
}

function DevelopmentSignIn() {
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
  if (offered.isError) return <ErrorNote error={offered.error} />;
  return (
    <>
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
    </>
  );
}

// Sign-in through the municipality's OpenID Connect issuer (its settings come from the api's
// /v1/web/config): authorization code with PKCE (S256) as a public client, so the app holds no
// secret. oauth4webapi does the protocol: discovery, the challenge, the state check and the code
// exchange. The verifier and the state wait in this tab's sessionStorage during the round trip;
// the issuer's access token is what the api is sent (it verifies it against the issuer's keys),
// and no refresh token is kept: when the access token expires, the user signs in again.
import * as oauth from 'oauth4webapi';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scopes: string;
}

interface Pending {
  verifier: string;
  state: string;
  /** The page (URL fragment) to show after the sign-in. */
  returnTo: string;
}

const PENDING = 'refusion.oidc';

/** The app itself: the issuer sends the browser back here with ?code=&state=. */
const redirectUri = () => `${window.location.origin}/app/`;

// An issuer at an http:// address is the operator's explicit choice (as for AUTH_JWKS_URL), e.g. a test issuer.
const transport = (issuer: URL) =>
  issuer.protocol === 'http:' ? { [oauth.allowInsecureRequests]: true } : {};

async function discover(settings: OidcSettings): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(settings.issuer);
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...transport(issuer) });
  return oauth.processDiscoveryResponse(issuer, response);
}

/** Sends the browser to the issuer's sign-in. */
export async function beginSignIn(settings: OidcSettings): Promise<void> {
  const as = await discover(settings);
  if (!as.authorization_endpoint) throw new Error('Udstederen oplyser intet authorization_endpoint.');
  const pending: Pending = {
    verifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    returnTo: window.location.hash,
  };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', settings.clientId);
  url.searchParams.set('redirect_uri', redirectUri());
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', settings.scopes);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(pending.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', pending.state);
  window.location.assign(url);
}

/** Whether this page load is the issuer sending the browser back. */
export function isSignInReturn(): boolean {
  const params = new URLSearchParams(window.location.search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

let completing: Promise<{ accessToken: string; expiresAt: string }> | null = null;

/** Exchanges the code the issuer sent back for an access token (once per page load). */
export function completeSignIn(settings: OidcSettings): Promise<{ accessToken: string; expiresAt: string }> {
  completing ??= exchangeCode(settings);
  return completing;
}

async function exchangeCode(settings: OidcSettings): Promise<{ accessToken: string; expiresAt: string }> {
  const stored = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  const callback = new URL(window.location.href);
  const pending = stored ? (JSON.parse(stored) as Pending) : null;
  // the code leaves the address bar (and the history) whatever happens next
  window.history.replaceState(null, '', `${window.location.pathname}${pending?.returnTo ?? ''}`);
  if (!pending) throw new Error('Login hos udstederen blev ikke påbegyndt i denne fane. Prøv igen.');
  const as = await discover(settings);
  const client: oauth.Client = { client_id: settings.clientId };
  const params = oauth.validateAuthResponse(as, client, callback, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    redirectUri(),
    pending.verifier,
    transport(new URL(settings.issuer)),
  );
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
  const lifetimeSeconds = tokens.expires_in ?? 300;
  return {
    accessToken: tokens.access_token,
    expiresAt: new Date(Date.now() + lifetimeSeconds * 1000).toISOString(),
  };
}

// A small OpenID Connect issuer for the browser tests, served by the test itself: discovery, an
// authorization endpoint with a sign-in page of its own (choose a user, press the button), a token
// endpoint that checks the PKCE verifier against the challenge (S256 only), and the key set.
// Tokens are RS256, signed with a key made at start; the users' claims are the issuer's own
// (a role list and a kommunekode), which the api maps (AUTH_ROLE_CLAIM, AUTH_ROLE_MAP, …).
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';

export interface TestUser {
  sub: string;
  name: string;
  roles: string[];
  kommunekode: string;
}

export interface TestIssuer {
  url: string;
  /** The audience of the access tokens (the api's AUTH_AUDIENCE). */
  audience: string;
  /** Allows a public client (no secret) to be sent back to this redirect URI. */
  registerClient(clientId: string, redirectUri: string): void;
  /** What each authorization request asked for, oldest first. */
  authorizations: Record<string, string>[];
  /** Token requests refused, with the reason. */
  refusals: string[];
  close(): Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | undefined;
  user: TestUser;
}

const base64url = (buffer: Buffer) => buffer.toString('base64url');
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startTestIssuer(users: TestUser[], audience: string): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  const clients = new Map<string, string>();
  const codes = new Map<string, PendingCode>();
  const authorizations: Record<string, string>[] = [];
  const refusals: string[] = [];
  let url = '';

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(body));
  };
  const sign = (claims: Record<string, unknown>, aud: string, key: KeyLike) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' })
      .setIssuer(url)
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key);

  const signInPage = (params: URLSearchParams) => `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Test-udsteder: log ind</title></head>
<body><main><h1>Test-udsteder</h1>
<form method="post" action="/authorize">
${[...params].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('\n')}
<label for="user">Bruger</label>
<select id="user" name="user">${users.map((u) => `<option value="${escapeHtml(u.sub)}">${escapeHtml(u.name)}</option>`).join('')}</select>
<button type="submit">Log ind hos test-udstederen</button>
</form></main></body></html>`;

  /** The checks of an authorization request; null when it may go on. */
  const refuseAuthorization = (p: URLSearchParams): string | null => {
    if (p.get('response_type') !== 'code') return 'response_type must be code';
    const redirect = clients.get(p.get('client_id') ?? '');
    if (!redirect || redirect !== p.get('redirect_uri')) return 'unknown client or redirect_uri';
    if (p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge'))
      return 'PKCE with S256 is required';
    return null;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const requestUrl = new URL(req.url ?? '/', url);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'content-type, accept, authorization',
      });
      return res.end();
    }
    if (requestUrl.pathname === '/.well-known/openid-configuration')
      return json(res, 200, {
        issuer: url,
        authorization_endpoint: `${url}/authorize`,
        token_endpoint: `${url}/token`,
        jwks_uri: `${url}/jwks`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code'],
        code_challenge_methods_supported: ['S256'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['none'],
        scopes_supported: ['openid'],
      });
    if (requestUrl.pathname === '/jwks') return json(res, 200, { keys: [jwk] });
    if (requestUrl.pathname === '/authorize' && req.method === 'GET') {
      authorizations.push(Object.fromEntries(requestUrl.searchParams));
      const refused = refuseAuthorization(requestUrl.searchParams);
      if (refused) return json(res, 400, { error: 'invalid_request', error_description: refused });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(signInPage(requestUrl.searchParams));
    }
    if (requestUrl.pathname === '/authorize' && req.method === 'POST') {
      const p = await readForm(req);
      const user = users.find((u) => u.sub === p.get('user'));
      if (refuseAuthorization(p) || !user) return json(res, 400, { error: 'invalid_request' });
      const code = base64url(randomBytes(24));
      codes.set(code, {
        clientId: p.get('client_id')!,
        redirectUri: p.get('redirect_uri')!,
        challenge: p.get('code_challenge')!,
        nonce: p.get('nonce') ?? undefined,
        user,
      });
      const back = new URL(p.get('redirect_uri')!);
      back.searchParams.set('code', code);
      if (p.get('state')) back.searchParams.set('state', p.get('state')!);
      back.searchParams.set('iss', url);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (requestUrl.pathname === '/token' && req.method === 'POST') {
      const p = await readForm(req);
      const pending = codes.get(p.get('code') ?? '');
      codes.delete(p.get('code') ?? ''); // a code is good once
      const verifier = p.get('code_verifier') ?? '';
      const refused =
        p.get('grant_type') !== 'authorization_code'
          ? 'unsupported grant_type'
          : !pending
            ? 'unknown or used code'
            : pending.clientId !== p.get('client_id') || pending.redirectUri !== p.get('redirect_uri')
              ? 'client_id or redirect_uri differ from the authorization request'
              : base64url(createHash('sha256').update(verifier).digest()) !== pending.challenge
                ? 'the code_verifier does not match the code_challenge'
                : null;
      if (refused || !pending) {
        refusals.push(refused ?? 'unknown or used code');
        return json(res, 400, { error: 'invalid_grant', error_description: refused });
      }
      const { user } = pending;
      const accessToken = await sign(
        { sub: user.sub, realm_access: { roles: user.roles }, kommunekode: user.kommunekode },
        audience,
        privateKey,
      );
      const idToken = await sign(
        { sub: user.sub, name: user.name, ...(pending.nonce ? { nonce: pending.nonce } : {}) },
        pending.clientId,
        privateKey,
      );
      return json(res, 200, {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: 600,
        id_token: idToken,
        scope: 'openid',
      });
    }
    json(res, 404, { error: 'not_found' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: Error) =>
      json(res, 500, { error: 'server_error', detail: error.message }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    audience,
    registerClient: (clientId, redirectUri) => clients.set(clientId, redirectUri),
    authorizations,
    refusals,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

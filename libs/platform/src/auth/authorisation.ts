// Who may do what (API.md "Authentication"), in one place: every role reads its own
// municipality's data (admin every municipality's); jobcentre commands are sent by jobcentre or
// admin, finance commands by finance or admin; auditors write nothing. The auth guard applies the
// municipality of the path, the command service the command's role and municipality.
import type { CommandIssuer } from '@app/domain';
import { mayAccessMunicipality, type Principal } from './principal';

/** The caller's role or municipality may not do this (HTTP 403). */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

const COMMAND_ROLES: Record<CommandIssuer, ReadonlySet<string>> = {
  jobcentre: new Set(['jobcentre', 'admin']),
  finance: new Set(['finance', 'admin']),
};

/** Checked before the body is parsed: a caller who may not send the command learns nothing of the body's faults. */
export function authoriseSending(principal: Principal, issuer: CommandIssuer, commandType: string): void {
  if (!COMMAND_ROLES[issuer].has(principal.role))
    throw new ForbiddenError(`role ${principal.role} may not send ${commandType}`);
}

export function authoriseMunicipality(principal: Principal, municipality: string): void {
  if (!mayAccessMunicipality(principal, municipality)) {
    throw new ForbiddenError(`this token is for municipality ${principal.municipality}, not ${municipality}`);
  }
}

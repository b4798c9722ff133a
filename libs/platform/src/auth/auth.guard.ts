// Rejects a missing or bad token (401), another municipality's path (403) and a role the route
// does not allow (403). Routes opt out with @Public().
import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { InvalidTokenError, mayAccessMunicipality, verifyToken, type Principal, type Role } from './principal';

export const JWT_SECRET = Symbol('JWT_SECRET');
const PUBLIC = 'auth:public';
const ROLES_KEY = 'auth:roles';

export const Public = () => SetMetadata(PUBLIC, true);
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

type AuthenticatedRequest = Request & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new UnauthorizedException('no principal on the request');
  return principal;
});

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly secret: string,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (!match) throw new UnauthorizedException('a Bearer token is required');
    try {
      request.principal = verifyToken(match[1], this.secret);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(`invalid token: ${error.message}`);
      throw error;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.principal.role)) {
      throw new ForbiddenException(`role ${request.principal.role} may not use this endpoint`);
    }
    const municipality = request.params?.m as string | undefined;
    if (municipality !== undefined && !mayAccessMunicipality(request.principal, municipality)) {
      throw new ForbiddenException(`this token is for municipality ${request.principal.municipality}, not ${municipality}`);
    }
    return true;
  }
}

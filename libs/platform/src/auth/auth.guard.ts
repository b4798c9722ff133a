// Rejects a missing or bad token (401 with WWW-Authenticate, RFC 6750), another municipality's
// path (403, see authorisation.ts) and a role the route does not allow (403). Routes opt out with @Public().
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authoriseMunicipality } from './authorisation';
import { InvalidTokenError, type Principal, type Role } from './principal';
import type { TokenVerifier } from './token-verifier';

const PUBLIC = 'auth:public';
const ROLES_KEY = 'auth:roles';
const REALM = 'refund-ledger';

export const Public = () => SetMetadata(PUBLIC, true);
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

type AuthenticatedRequest = FastifyRequest<{ Params: { m?: string } }> & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new UnauthorizedException('no principal on the request');
  return principal;
});

/** The challenge of a 401: the realm, and for a token that was sent, why it was refused. */
function challenge(reply: FastifyReply, reason?: string): void {
  const description = reason?.replace(/["\\]/g, "'");
  reply.header(
    'WWW-Authenticate',
    reason
      ? `Bearer realm="${REALM}", error="invalid_token", error_description="${description}"`
      : `Bearer realm="${REALM}"`,
  );
}

/** What a route's metadata asks of a caller. */
interface RouteRule {
  isPublic: boolean;
  roles: Role[] | undefined;
}

@Injectable()
export class AuthGuard implements CanActivate {
  /**
   * By handler, then controller class (a handler inherited by two controllers may carry
   * different metadata): the metadata is fixed once the routes are built, and reading it
   * through the reflector costs every request a few microseconds.
   */
  private readonly rules = new WeakMap<object, WeakMap<object, RouteRule>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  private ruleOf(context: ExecutionContext): RouteRule {
    const handler = context.getHandler();
    const controller = context.getClass();
    let byController = this.rules.get(handler);
    if (!byController) this.rules.set(handler, (byController = new WeakMap()));
    let rule = byController.get(controller);
    if (!rule) {
      const targets = [handler, controller];
      rule = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC, targets) === true,
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets),
      };
      byController.set(controller, rule);
    }
    return rule;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const { isPublic, roles } = this.ruleOf(context);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
    if (!match) {
      challenge(reply);
      throw new UnauthorizedException('a Bearer token is required');
    }
    try {
      request.principal = await this.verifier.verify(match[1]);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      challenge(reply, error.message);
      throw new UnauthorizedException(`invalid token: ${error.message}`);
    }
    if (roles && !roles.includes(request.principal.role)) {
      throw new ForbiddenException(`role ${request.principal.role} may not use this endpoint`);
    }
    const municipality = request.params?.m;
    if (municipality !== undefined) authoriseMunicipality(request.principal, municipality);
    return true;
  }
}

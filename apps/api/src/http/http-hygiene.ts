// What every response and request body goes through before the controllers: security headers,
// no caching of ledger data, and the media type of a body checked (415) before it is parsed.
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { problem, noteProblem } from '@app/platform';

export const JSON_TYPES = ['application/json', 'application/*+json'];

type HeaderSetter = Parameters<ReturnType<typeof helmet>>[1];

/** The headers a helmet middleware sets: with static options they are the same on every response. */
function headersOf(middleware: ReturnType<typeof helmet>): [string, string][] {
  const headers: [string, string][] = [];
  const res = {
    setHeader: (name: string, value: string) => headers.push([name, value]),
    removeHeader: () => undefined,
  } as unknown as HeaderSetter;
  middleware({} as never, res, () => undefined);
  return headers;
}

/**
 * Sets helmet's security headers on every response, taken once and set directly (running helmet's
 * dozen middlewares per request costs more). The docs page and the web app load only their own
 * scripts; the web app may also connect to its OpenID Connect issuer (discovery, token endpoint).
 */
export function securityHeaders(issuer: string | null) {
  const headers = headersOf(
    issuer
      ? helmet({ contentSecurityPolicy: { directives: { connectSrc: ["'self'", new URL(issuer).origin] } } })
      : helmet(),
  );
  return (_req: Request, res: Response, next: NextFunction): void => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}

/**
 * Ledger, statement, timeline and command answers are personal and financial data: no browser
 * or proxy may keep them. The docs page and the web app's static files may be cached.
 */
export function noStore(req: Request, res: Response, next: NextFunction): void {
  if (!req.path.startsWith('/v1/docs') && !req.path.startsWith('/app/'))
    res.setHeader('Cache-Control', 'no-store');
  next();
}

/** A request with a body that is not JSON is refused with 415 (body-parser would leave it unread). */
export function requireJsonBody(req: Request, res: Response, next: NextFunction): void {
  if (!req.is(JSON_TYPES) && hasBody(req)) {
    const body = problem(
      415,
      'unsupported-media-type',
      `the request body must be application/json, not ${req.headers['content-type'] ?? 'untyped'}`,
    );
    noteProblem(res, body);
    res.status(415).type('application/problem+json').send(JSON.stringify(body));
    return;
  }
  next();
}

function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined ||
    (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0')
  );
}

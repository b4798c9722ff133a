// What every response goes through before the controllers: security headers, and no caching of
// ledger data.
import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';

type HeaderSetter = Parameters<ReturnType<typeof helmet>>[1];

/** The headers a helmet middleware sets: with static options they are the same on every response. */
function headersOf(middleware: ReturnType<typeof helmet>): [string, string][] {
  const headers: [string, string][] = [];
  const res = {
    setHeader: (name: string, value: string) => headers.push([name.toLowerCase(), value]),
    removeHeader: () => undefined,
  } as unknown as HeaderSetter;
  middleware({} as never, res, () => undefined);
  return headers;
}

/** Where caching is allowed: the docs page and the web app's static files. */
const CACHEABLE = /^\/(?:v1\/docs|app\/)/;

/**
 * A Fastify onRequest hook that sets helmet's security headers, taken once and set directly
 * (helmet's dozen middlewares per request cost more); and, as ledger, statement, timeline and
 * command answers are personal and financial data, `Cache-Control: no-store` on everything but
 * the docs page and the web app. Those load only their own scripts; the web app may also connect
 * to its OpenID Connect issuer (discovery, token endpoint).
 */
export function responseHeaders(issuer: string | null) {
  const headers = headersOf(
    issuer
      ? helmet({ contentSecurityPolicy: { directives: { connectSrc: ["'self'", new URL(issuer).origin] } } })
      : helmet(),
  );
  return (req: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    for (const [name, value] of headers) reply.header(name, value);
    if (!CACHEABLE.test(req.url)) reply.header('cache-control', 'no-store');
    done();
  };
}

// The api's HTTP server: Nest on Fastify, with the api's own work per request done in Fastify
// hooks (no middleware engine): the request id and log line, the metrics, the response headers
// and the JSON body reader.
import { FastifyAdapter } from '@nestjs/platform-fastify';
import {
  httpLogger,
  type Logger,
  type Metrics,
  problem,
  ProblemException,
  requestIdFor,
} from '@app/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { httpMetrics } from '../metrics/http-metrics';
import { responseHeaders } from './http-hygiene';
import { acceptJsonBodies } from './json-body';
import { sendProblem } from './problem.filter';

/** Node refuses request heads over 16 KiB: no path parameter can be longer. */
const MAX_PARAM_LENGTH = 16 * 1024;

export interface HttpAdapterOptions {
  logger: Logger;
  metrics: Metrics;
  bodyLimit: number;
  /** The OpenID Connect issuer the web app signs in at, if any (its origin is let through the CSP). */
  webIssuer: string | null;
}

export function apiHttpAdapter({
  logger,
  metrics,
  bodyLimit,
  webIssuer,
}: HttpAdapterOptions): FastifyAdapter {
  const logLine = httpLogger(logger);
  const headers = responseHeaders(webIssuer);
  const timing = httpMetrics(metrics);
  const adapter = new FastifyAdapter({
    genReqId: requestIdFor,
    // Routes as Express matched them: any letter case, with or without a trailing slash.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    skipMiddie: true,
    // A path that does not decode (malformed percent-encoding) never reaches the hooks or Nest.
    frameworkErrors: (_error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const none = () => undefined;
      logLine(request, reply, none);
      headers(request, reply, none);
      sendProblem(
        new ProblemException(
          problem(400, 'bad-request', 'the path is not a valid URL (malformed percent-encoding)'),
        ),
        request,
        reply,
      );
    },
  });
  const fastify = adapter.getInstance();
  // First: every request gets its id and its log line, those refused before the controllers too.
  fastify.addHook('onRequest', logLine);
  fastify.addHook('onRequest', timing.onRequest);
  fastify.addHook('onResponse', timing.onResponse);
  fastify.addHook('onRequest', headers);
  acceptJsonBodies(fastify, bodyLimit);
  return adapter;
}

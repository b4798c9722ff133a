import type { Metrics } from '@app/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { countSingleCommand } from './command-metrics';

const STARTED = Symbol('metrics timer');

type TimedRequest = FastifyRequest & { [STARTED]?: ReturnType<Metrics['httpSeconds']['startTimer']> };

/**
 * Fastify onRequest and onResponse hooks that time every request into
 * `http_request_duration_seconds` by method, route template (e.g.
 * /v1/municipalities/:m/ledger/entries; "unmatched" for paths no route serves) and status, and
 * count a single command by its answer.
 */
export function httpMetrics(metrics: Metrics) {
  return {
    onRequest(req: TimedRequest, _reply: FastifyReply, done: () => void): void {
      req[STARTED] = metrics.httpSeconds.startTimer();
      done();
    },
    onResponse(req: TimedRequest, reply: FastifyReply, done: () => void): void {
      const route = req.is404 ? 'unmatched' : (req.routeOptions.url ?? 'unmatched');
      req[STARTED]?.({ method: req.method, route, status: String(reply.statusCode) });
      countSingleCommand(metrics, route, req, reply);
      done();
    },
  };
}

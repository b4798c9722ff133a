import type { Metrics } from '@app/platform';
import type { NextFunction, Request, Response } from 'express';
import { countSingleCommand } from './command-metrics';

/**
 * Times every request into `http_request_duration_seconds` by method, route template (e.g.
 * /v1/municipalities/:m/ledger/entries; "unmatched" for paths no route serves) and status, and
 * counts a single command by its answer.
 */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = metrics.httpSeconds.startTimer();
    res.once('finish', () => {
      const path = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
      countSingleCommand(metrics, route, req, res);
    });
    next();
  };
}

import type { Metrics } from '@app/platform';
import type { NextFunction, Request, Response } from 'express';

/**
 * Times every request into `http_request_duration_seconds` by method, route template (e.g.
 * /v1/municipalities/:m/ledger/entries; "unmatched" for paths no route serves) and status.
 */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = metrics.httpSeconds.startTimer();
    res.on('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      end({
        method: req.method,
        route: typeof route === 'string' ? `${req.baseUrl}${route}` : 'unmatched',
        status: String(res.statusCode),
      });
    });
    next();
  };
}

// Structured JSON logs (one object per line) with the request id of each request.
import { ConsoleLogger, Injectable, type NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export function jsonLogger(context: string): ConsoleLogger {
  return new ConsoleLogger(context, { json: true, colors: false });
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  private readonly logger = jsonLogger('http');

  use(req: Request, res: Response, next: NextFunction): void {
    const given = req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    (req as Request & { requestId?: string }).requestId = requestId;
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (process.env.LOG_REQUESTS === '0') return;
      this.logger.log({
        requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      });
    });
    next();
  }
}

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { requestIdOf } from './http-log';

/**
 * The correlation id of a request's events: X-Correlation-Id when the caller gives one, else the
 * request id, so that the log line of a request and the events it appended find each other.
 */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  const request = ctx.switchToHttp().getRequest<Request>();
  return request.header('x-correlation-id') || requestIdOf(request);
});

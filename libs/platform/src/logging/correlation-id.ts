import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * The correlation id of a request's events: X-Correlation-Id when the caller gives one, else the
 * request id, so that the log line of a request and the events it appended find each other.
 */
export const CorrelationId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const given = request.headers['x-correlation-id'];
  return (typeof given === 'string' && given) || request.id;
});

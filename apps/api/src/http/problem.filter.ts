// The one place where errors become problem+json responses (API.md "Conventions").
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { DomainRuleViolation, InvalidCommandError } from '@app/domain';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '@app/event-store/event-store.errors';
import { problem, ProblemException, type Problem } from '@app/platform/http/problem';
import { jsonLogger } from '@app/platform/logging/json-logger';
import type { Request, Response } from 'express';

const SLUGS: Record<number, string> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'domain-rule-violation',
  503: 'unavailable',
};

/** Body-parser errors carry an HTTP status of their own (413 too large, 400 bad JSON). */
function isBodyParserError(error: unknown): error is { status: number; type: string; message: string } {
  return typeof error === 'object' && error !== null && 'type' in error && 'status' in error && typeof (error as { status: unknown }).status === 'number';
}

export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof InvalidCommandError) {
    return problem(400, 'validation', error.message, { errors: error.errors.map(({ path, message }) => ({ path, message })) });
  }
  if (error instanceof DomainRuleViolation) {
    return problem(422, 'domain-rule-violation', error.message, { code: error.code, ...error.details });
  }
  if (error instanceof WrongExpectedRevisionError) {
    return problem(409, 'concurrency-conflict', error.message, { stream: error.stream });
  }
  if (error instanceof DuplicateEventIdError) return problem(409, 'conflict', error.message);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const detail = typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? error.message);
    return problem(status, SLUGS[status] ?? 'error', Array.isArray(detail) ? detail.join('; ') : detail);
  }
  if (isBodyParserError(error) && error.status >= 400 && error.status < 500) {
    const detail = error.type === 'entity.too.large' ? 'the request body is larger than the limit' : `malformed request body: ${error.message}`;
    return problem(error.status, SLUGS[error.status] ?? 'bad-request', detail);
  }
  return problem(500, 'internal', 'an unexpected error occurred; it has been logged');
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = jsonLogger('problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request & { requestId?: string }>();
    const body = toProblem(error);
    if (body.status >= HttpStatus.INTERNAL_SERVER_ERROR) {
      this.logger.error({ requestId: request.requestId, error: error instanceof Error ? error.stack : String(error) });
    }
    if (body.status === 503 && typeof body.retryAfter === 'number') response.setHeader('Retry-After', String(body.retryAfter));
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }
}

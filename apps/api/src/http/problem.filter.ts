// The one place where errors become problem+json responses (API.md "Conventions").
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { DomainConflict, DomainRuleViolation, InvalidCommandError, UnstorableEventError } from '@app/domain';
import { DuplicateEventIdError, EventNotStorableError, WrongExpectedRevisionError } from '@app/event-store';
import {
  problem,
  ProblemException,
  type Problem,
  isDependencyUnavailable,
  noteProblem,
  rootLogger,
  requestLogger,
  ForbiddenError,
} from '@app/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandIdReusedError, UnknownCommandTypeError } from '../commands/command-errors';
import { NotFoundError } from '../queries/not-found.error';
import { BodyError } from './json-body';

/** Seconds a client should wait before retrying while a dependency is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

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

function bodyProblem(error: BodyError): Problem {
  if (error.status === 413) {
    return problem(
      413,
      SLUGS[413],
      `the request body is larger than the limit of ${error.limit} bytes (BODY_LIMIT)`,
      { limit: error.limit },
    );
  }
  if (error.status === 415) return problem(415, SLUGS[415], error.message);
  return problem(400, SLUGS[400], `malformed request body: ${error.message}`);
}

export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof InvalidCommandError) {
    return problem(400, 'validation', error.message, {
      errors: error.errors.map(({ path, message }) => ({ path, message })),
    });
  }
  if (error instanceof UnstorableEventError) {
    return problem(422, 'domain-rule-violation', error.message, {
      code: error.code,
      errors: error.errors.map(({ path, message }) => ({ path, message })),
    });
  }
  if (error instanceof DomainRuleViolation) {
    return problem(422, 'domain-rule-violation', error.message, { code: error.code, ...error.details });
  }
  if (error instanceof DomainConflict) {
    return problem(409, 'conflict', error.message, { code: error.code, ...error.details });
  }
  if (error instanceof WrongExpectedRevisionError) {
    return problem(409, 'concurrency-conflict', error.message, { stream: error.stream });
  }
  if (error instanceof DuplicateEventIdError) return problem(409, 'conflict', error.message);
  if (error instanceof CommandIdReusedError) return problem(409, 'command-id-reused', error.message);
  if (error instanceof UnknownCommandTypeError) return problem(404, 'unknown-command', error.message);
  if (error instanceof ForbiddenError) return problem(403, 'forbidden', error.message);
  if (error instanceof NotFoundError) return problem(404, 'not-found', error.message);
  if (error instanceof EventNotStorableError) return problem(400, 'bad-request', error.message);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const body = error.getResponse();
    const detail =
      typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? error.message);
    return problem(status, SLUGS[status] ?? 'error', Array.isArray(detail) ? detail.join('; ') : detail);
  }
  if (error instanceof BodyError) return bodyProblem(error);
  if (isDependencyUnavailable(error)) {
    return problem(503, SLUGS[503], 'the database or the event log is unreachable; retry later', {
      retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS,
    });
  }
  return problem(500, 'internal', 'an unexpected error occurred; it has been logged');
}

/**
 * Answers an error as problem+json. Unexpected errors are logged with their stack, unreachable
 * dependencies and unreadable bodies with their cause (the client sees only the problem).
 */
export function sendProblem(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const body = toProblem(error);
  noteProblem(reply, body);
  const logger = requestLogger(request, rootLogger);
  if (body.status >= HttpStatus.INTERNAL_SERVER_ERROR && body.status !== HttpStatus.SERVICE_UNAVAILABLE) {
    logger.error({ err: error }, 'unexpected error');
  } else if (error instanceof BodyError) {
    // The kind of failure only: a JSON parser's message quotes the body, which may hold personal data.
    logger.warn({ status: body.status, reason: error.reason }, 'request refused');
  } else if (isDependencyUnavailable(error)) {
    logger.warn(
      { status: body.status, cause: error instanceof Error ? error.message : String(error) },
      'request refused',
    );
  }
  if (body.status === HttpStatus.SERVICE_UNAVAILABLE && typeof body.retryAfter === 'number')
    reply.header('retry-after', String(body.retryAfter));
  reply.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    sendProblem(error, host.switchToHttp().getRequest(), host.switchToHttp().getResponse());
  }
}

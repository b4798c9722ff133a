// Read-your-writes (API.md): ?minPosition= makes a query wait, up to a few seconds, until the
// read models of the municipality include that log position; then 503 with Retry-After. A
// municipality whose events are parked answers from what it has, marked stale (`stale` in the
// body, a Ledger-Stale header); waiting for a position past its parked event ends in 503 too.
import { MUNICIPALITY_PATTERN } from '@app/domain';
import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { type AppConfig, problem, ProblemException } from '@app/platform';
import { parkedEvents, waitForPosition } from '@app/read-models';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, READ_MODELS } from '../api.tokens';
import { isPosition } from '../http/query-forms';

/** Seconds an operator's decision is at least away. */
const PARKED_RETRY_AFTER_S = 60;

@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest<{ Params: { m?: unknown }; Querystring: { minPosition?: unknown } }>>();
    // Interceptors run before the validation pipe: a malformed municipality is left to it (400).
    const municipality =
      typeof request.params.m === 'string' && MUNICIPALITY_PATTERN.test(request.params.m)
        ? request.params.m
        : undefined;
    const raw = request.query.minPosition;
    // Interceptors run before the validation pipe: a malformed value is left to it (400).
    if (typeof raw === 'string' && isPosition(raw)) {
      // A parked municipality waits too: an operator's decision may be on its way to the projector.
      const reached = await waitForPosition(
        this.readModels,
        BigInt(raw),
        this.config.minPositionWaitMs,
        10,
        municipality,
      );
      if (!reached) {
        const [parked] = municipality === undefined ? [] : await parkedEvents(this.readModels, municipality);
        if (parked) {
          throw new ProblemException(
            problem(
              503,
              'parked',
              `the read models of municipality ${municipality} wait at parked event ${parked.eventId} (position ${parked.position}) for an operator's decision`,
              {
                retryAfter: PARKED_RETRY_AFTER_S,
              },
            ),
          );
        }
        throw new ProblemException(
          problem(503, 'not-yet-projected', `the read models have not reached position ${raw} yet`, {
            retryAfter: 1,
          }),
        );
      }
    }
    const [parked] = municipality === undefined ? [] : await parkedEvents(this.readModels, municipality);
    if (!parked) return next.handle();
    const stale = { parkedAt: parked.position, eventId: parked.eventId, parkedSince: parked.parkedAt };
    context.switchToHttp().getResponse<FastifyReply>().header('ledger-stale', `parkedAt=${parked.position}`);
    // JSON objects carry it in the body too; lists, CSV and workbooks by the header alone.
    return next.handle().pipe(map((body: unknown) => (isPlainObject(body) ? { ...body, stale } : body)));
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

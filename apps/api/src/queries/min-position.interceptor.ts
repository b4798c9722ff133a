// Read-your-writes (API.md): ?minPosition= makes a query wait, up to a few seconds, until the
// read models include that log position; then 503 with Retry-After.
import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { AppConfig } from '@app/platform/config/app-config';
import { problem, ProblemException } from '@app/platform/http/problem';
import { waitForPosition } from '@app/read-models/runner/wait-for-position';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, READ_MODELS } from '../api.tokens';
import { isPosition } from '../http/query-forms';

@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const raw = context.switchToHttp().getRequest<Request>().query.minPosition;
    // Interceptors run before the validation pipe: a malformed value is left to it (400).
    if (typeof raw === 'string' && isPosition(raw)) {
      const reached = await waitForPosition(this.readModels, BigInt(raw), this.config.minPositionWaitMs);
      if (!reached) {
        throw new ProblemException(problem(503, 'not-yet-projected', `the read models have not reached position ${raw} yet`, { retryAfter: 1 }));
      }
    }
    return next.handle();
  }
}

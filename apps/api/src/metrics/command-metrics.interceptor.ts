// Counts the commands of POST /v1/commands/{type} and of batches (item by item) by type and
// status into `ledger_commands_total`. Requests refused before the controller (401, 403, 415)
// are not commands yet: they show in `http_request_duration_seconds` by route and status.
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { COMMAND_TYPES } from '@app/domain';
import { Metrics } from '@app/platform';
import type { Request, Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { toProblem } from '../http/problem.filter';

const KNOWN_TYPES = new Set<string>(COMMAND_TYPES);
const COMMAND_PATH = /^\/v1\/commands(?:\/([^/]+))?\/?$/;

/** The type label: a known command type, else "unknown" (the label's values stay few). */
function typeLabel(type: unknown): string {
  return typeof type === 'string' && KNOWN_TYPES.has(type) ? type : 'unknown';
}

@Injectable()
export class CommandMetricsInterceptor implements NestInterceptor {
  constructor(@Inject(Metrics) private readonly metrics: Metrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const command = request.method === 'POST' ? COMMAND_PATH.exec(request.path) : null;
    if (!command) return next.handle();
    const count = (type: unknown, status: number) =>
      this.metrics.commands.inc({ type: typeLabel(type), status: String(status) });
    const single = command[1];
    return next.handle().pipe(
      tap({
        next: (body: unknown) => {
          if (single !== undefined)
            return count(single, context.switchToHttp().getResponse<Response>().statusCode);
          const items = (request.body as { commands?: { type?: unknown }[] }).commands ?? [];
          const results = (body as { results?: { status: number }[] }).results ?? [];
          results.forEach((result, i) => count(items[i]?.type, result.status));
        },
        error: (error: unknown) => {
          if (single !== undefined) count(single, toProblem(error).status);
        },
      }),
    );
  }
}

// Health as API.md ("Running") says: /health/live (the process runs), /health/ready (503 only while
// the database or the event log is unreachable), /health (the projection lag and every check).
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, type HealthCheckResult, type HealthIndicatorResult } from '@nestjs/terminus';
import { Public, problem, ProblemException } from '@app/platform';
import type { ProjectionHealth, ParkedEvent } from '@app/read-models';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../http/problem.filter';
import { READINESS_INDICATORS, type ReadinessIndicator } from './health-indicators';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_INDICATORS) private readonly indicators: ReadinessIndicator[],
  ) {}

  @Public()
  @Get('live')
  @ApiOkResponse({ description: 'the process runs (whatever its dependencies do)' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Public()
  @Get('ready')
  @ApiOkResponse({
    description:
      '{ status: "ok", details: { eventLog, readModels, projection } }: the database and the event log answer; `degraded` names the parked events (still 200)',
  })
  @ApiServiceUnavailableResponse({
    description:
      'problem+json with Retry-After while the database or the event log is unreachable; `checks` says which',
  })
  async ready(): Promise<HealthCheckResult & { degraded?: ParkedEvent[] }> {
    const result = await this.readiness();
    const { parked } = projectionOf(result);
    return parked.length ? { ...result, degraded: parked } : result;
  }

  /** 200 once the api can serve (log and read models reachable), with the projection lag and every check. */
  @Public()
  @Get()
  @ApiOkResponse({
    description:
      'serving; `projection.eventsBehind` is the lag in events (null where the log cannot count them), `positionDistance` in log positions; `status: degraded` and `degraded` name the parked events; `checks` as /health/ready',
  })
  @ApiServiceUnavailableResponse({ description: 'as /health/ready' })
  async summary() {
    const result = await this.readiness();
    const projection = projectionOf(result);
    return {
      status: projection.parked.length ? 'degraded' : 'ok',
      eventLog: { head: projection.head },
      projection,
      ...(projection.parked.length ? { degraded: projection.parked } : {}),
      checks: result.details,
    };
  }

  private async readiness(): Promise<HealthCheckResult> {
    try {
      return await this.health.check(
        this.indicators.map((indicator) => (): Promise<HealthIndicatorResult> => indicator.check()),
      );
    } catch (error) {
      const checks = (error as { getResponse?: () => HealthCheckResult }).getResponse?.();
      if (!checks?.error) throw error;
      const down = Object.entries(checks.error).map(
        ([name, result]) => `${name}: ${String(result?.message ?? 'down')}`,
      );
      throw new ProblemException(
        problem(503, 'unavailable', `not ready: ${down.join('; ')}`, {
          retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS,
          checks: checks.details,
        }),
      );
    }
  }
}

/** The projection indicator's details without its status: the lag and the parked events. */
function projectionOf(result: HealthCheckResult): ProjectionHealth['projection'] {
  const { status: _up, ...projection } = result.details.projection as HealthIndicatorResult[string];
  return projection as unknown as ProjectionHealth['projection'];
}

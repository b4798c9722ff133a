import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@app/event-store/event-store.port';
import { Public } from '@app/platform/auth/auth.guard';
import { readCheckpoint } from '@app/read-models/runner/projection-runner';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, READ_MODELS } from '../api.tokens';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  /** 200 once the api can serve (log and read models reachable), with the projection lag. */
  @Public()
  @Get('health')
  @ApiOkResponse({ description: 'serving; `projection.eventsBehind` is the lag of the read models' })
  async health(@Res({ passthrough: true }) res: Response) {
    try {
      const [head, checkpoint] = await Promise.all([this.store.headPosition(), readCheckpoint(this.readModels)]);
      return {
        status: 'ok',
        eventLog: { head: head?.toString() ?? null },
        projection: { checkpoint: checkpoint?.toString() ?? null, eventsBehind: Number((head ?? 0n) - (checkpoint ?? 0n)) },
      };
    } catch (error) {
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'unavailable', detail: (error as Error).message };
    }
  }
}

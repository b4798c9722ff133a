// Audit jobs over HTTP (API.md "Audit jobs"): start a replay and verify of the caller's
// municipality up to an instant or a log position (202 { jobId }), and follow it.
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  type OnApplicationBootstrap,
  Param,
  Post,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { EventStore } from '@app/event-store';
import { Roles, problem, ProblemException } from '@app/platform';
import { AuditJobs, parseUntil } from '@app/read-models';
import { rulebooks } from '@app/rules';
import { IsString, MaxLength } from 'class-validator';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, READ_MODELS } from '../api.tokens';

export class StartReplayBody {
  @ApiProperty({
    description: 'an ISO 8601 instant (every event recorded at or before it) or a log position (digits)',
    example: '2025-06-30T23:59:59Z',
  })
  @IsString()
  @MaxLength(40)
  until!: string;
}

const invalidUntil = (message: string) =>
  new ProblemException(problem(400, 'validation', message, { errors: [{ path: 'until', message }] }));

@ApiTags('audit')
@Controller('v1/municipalities/:m/audit/replays')
@Roles('auditor', 'finance', 'admin')
export class AuditJobsController implements OnApplicationBootstrap {
  private readonly jobs: AuditJobs;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) readModels: DataSource,
  ) {
    this.jobs = new AuditJobs(store, readModels, (readModels.options as { url: string }).url, rulebooks);
  }

  /** Jobs an earlier api process left unfinished run again (their records are kept in the read models). */
  onApplicationBootstrap(): void {
    void this.jobs.resumeUnfinished().catch(() => {});
  }

  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({
    description:
      '{ jobId }: the replay of this municipality up to `until` and its comparison with the live figures are under way',
  })
  async start(@Param('m') m: string, @Body() body: StartReplayBody) {
    let target;
    try {
      target = parseUntil(body.until);
    } catch {
      throw invalidUntil('until must be an ISO 8601 instant or a log position');
    }
    if (target.position !== undefined) {
      const [event] = target.position > 0n ? await this.store.readAll(target.position - 1n, 1) : [];
      if (!event || event.position !== target.position)
        throw invalidUntil(`the log holds no event at position ${target.position}`);
    }
    return { jobId: (await this.jobs.start(m, body.until)).jobId };
  }

  @Get(':jobId')
  @ApiOkResponse({
    description:
      '{ jobId, status: queued | running | done | failed, progress { applied, position, head }, result { identical, differences, asOf, throughPosition, eventsReplayed, compared }, error }',
  })
  async status(@Param('m') m: string, @Param('jobId') jobId: string) {
    const job = await this.jobs.get(m, jobId);
    if (!job) throw new NotFoundException(`no audit job ${jobId} in municipality ${m}`);
    return job;
  }
}

// POST /v1/commands/{CommandType} and the batch endpoint POST /v1/commands (API.md "Commands").
import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { COMMAND_TYPES } from '@app/domain';
import {
  CurrentPrincipal,
  type Principal,
  problem,
  ProblemException,
  CorrelationId,
  Metrics,
} from '@app/platform';
import type { FastifyReply } from 'fastify';
import { toProblem } from '../http/problem.filter';
import { CommandBus } from '@nestjs/cqrs';
import { countBatchItems } from '../metrics/command-metrics';
import { SendCommand, SendCommandBatch } from './command-messages';

export const MAX_BATCH = 5000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

@ApiTags('commands')
@Controller('v1/commands')
export class CommandsController {
  constructor(
    @Inject(CommandBus) private readonly commandBus: CommandBus,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  /** Documented per CommandType, with each body's schema, by apps/api/src/openapi. */
  @Post(':type')
  async one(
    @Param('type') type: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CorrelationId() correlationId?: string,
  ) {
    if (!isObject(body))
      throw new ProblemException(problem(400, 'validation', 'the command must be a JSON object'));
    const result = await this.commandBus.execute(new SendCommand({ type, body }, principal, correlationId));
    reply.status(result.status);
    return result.body;
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'A batch of independent commands; one result per command, in order' })
  async batch(
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId?: string,
  ) {
    const commands = isObject(body) ? body.commands : undefined;
    if (
      !Array.isArray(commands) ||
      commands.length === 0 ||
      commands.length > MAX_BATCH ||
      !commands.every(isObject)
    ) {
      throw new ProblemException(
        problem(
          400,
          'validation',
          `the body must be { "commands": [ … ] } with 1 to ${MAX_BATCH} command objects`,
          {
            errors: [{ path: 'commands', message: `must be an array of 1 to ${MAX_BATCH} objects` }],
          },
        ),
      );
    }
    const untyped = commands.findIndex((c) => typeof c.type !== 'string');
    if (untyped >= 0) {
      throw new ProblemException(
        problem(400, 'validation', `commands[${untyped}].type must name a CommandType`, {
          errors: [
            { path: `commands[${untyped}].type`, message: `must be one of ${COMMAND_TYPES.join(', ')}` },
          ],
        }),
      );
    }
    const items = commands.map(({ type, ...rest }) => ({ type: type as string, body: rest }));
    const outcomes = await this.commandBus.execute(new SendCommandBatch(items, principal, correlationId));
    const results = outcomes.map((outcome) => {
      if ('error' in outcome) {
        const p = toProblem(outcome.error);
        if (p.status >= 500) throw outcome.error;
        return { status: p.status, problem: p };
      }
      // Member by member: V8 makes an object spread followed by new members many times slower.
      const { commandId, position, events } = outcome.body;
      return { status: outcome.status, commandId, position, events };
    });
    countBatchItems(this.metrics, items, results);
    return { results };
  }
}

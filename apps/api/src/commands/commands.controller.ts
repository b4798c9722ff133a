// POST /v1/commands/{CommandType} and the batch endpoint POST /v1/commands (API.md "Commands").
import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { COMMAND_TYPES } from '@app/domain';
import { CurrentPrincipal } from '@app/platform/auth/auth.guard';
import type { Principal } from '@app/platform/auth/principal';
import { problem, ProblemException } from '@app/platform/http/problem';
import { CorrelationId } from '@app/platform/logging/correlation-id';
import type { Response } from 'express';
import { toProblem } from '../http/problem.filter';
import { CommandBus } from '@nestjs/cqrs';
import { SendCommand, SendCommandBatch } from './send-command.handler';

export const MAX_BATCH = 5000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

@ApiTags('commands')
@Controller('v1/commands')
export class CommandsController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':type')
  @ApiOperation({ summary: 'Send one command; the same commandId and body again returns the original result (200)' })
  @ApiParam({ name: 'type', enum: COMMAND_TYPES })
  @ApiBody({ description: 'the command: commandId (UUID), municipality, and the fields of API.md for this type', schema: { type: 'object' } })
  @ApiResponse({ status: 201, description: '{ commandId, position, events: [{ id, type, stream, revision }] }' })
  @ApiResponse({ status: 200, description: 'a retry of an accepted command: its original result; nothing appended' })
  @ApiResponse({ status: 400, description: 'malformed or invalid input (problem+json with errors[])' })
  @ApiResponse({ status: 409, description: 'commandId reused with another body, or a concurrency conflict that persisted' })
  @ApiResponse({ status: 422, description: 'well-formed, but breaks a domain rule (problem+json with code)' })
  async one(
    @Param('type') type: string,
    @Body() body: unknown,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
    @CorrelationId() correlationId?: string,
  ) {
    if (!isObject(body)) throw new ProblemException(problem(400, 'validation', 'the command must be a JSON object'));
    const result = await this.commandBus.execute(new SendCommand(type, body, principal, correlationId));
    res.status(result.status);
    return result.body;
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'A batch of independent commands; one result per command, in order' })
  @ApiBody({ schema: { type: 'object', properties: { commands: { type: 'array', items: { type: 'object' }, maxItems: MAX_BATCH } } } })
  @ApiResponse({ status: 200, description: '{ results: [ { status, commandId, position, events } | { status, problem } ] }' })
  async batch(@Body() body: unknown, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId?: string) {
    const commands = isObject(body) ? body.commands : undefined;
    if (!Array.isArray(commands) || commands.length === 0 || commands.length > MAX_BATCH || !commands.every(isObject)) {
      throw new ProblemException(
        problem(400, 'validation', `the body must be { "commands": [ … ] } with 1 to ${MAX_BATCH} command objects`, {
          errors: [{ path: 'commands', message: `must be an array of 1 to ${MAX_BATCH} objects` }],
        }),
      );
    }
    const items = commands.map(({ type, ...rest }) => ({ type: String(type), body: rest }));
    const outcomes = await this.commandBus.execute(new SendCommandBatch(items, principal, correlationId));
    return {
      results: outcomes.map((outcome) => {
        if ('error' in outcome) {
          const p = toProblem(outcome.error);
          if (p.status >= 500) throw outcome.error;
          return { status: p.status, problem: p };
        }
        return { status: outcome.status, ...outcome.body };
      }),
    };
  }
}

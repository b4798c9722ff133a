// Commands travel over the CQRS command bus: the controller sends, this handler executes.
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@app/platform/auth/principal';
import { CommandExecutor, type BatchOutcome, type CommandResult } from './command-executor';

export class SendCommand extends Command<CommandResult> {
  constructor(
    readonly type: string,
    readonly body: unknown,
    readonly principal: Principal,
    readonly correlationId?: string,
  ) {
    super();
  }
}

export class SendCommandBatch extends Command<BatchOutcome[]> {
  constructor(
    readonly items: { type: string; body: unknown }[],
    readonly principal: Principal,
    readonly correlationId?: string,
  ) {
    super();
  }
}

@CommandHandler(SendCommand)
export class SendCommandHandler implements ICommandHandler<SendCommand> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  execute({ type, body, principal, correlationId }: SendCommand): Promise<CommandResult> {
    return this.executor.execute(type, body, principal, correlationId);
  }
}

@CommandHandler(SendCommandBatch)
export class SendCommandBatchHandler implements ICommandHandler<SendCommandBatch> {
  constructor(@Inject(CommandExecutor) private readonly executor: CommandExecutor) {}

  execute({ items, principal, correlationId }: SendCommandBatch): Promise<BatchOutcome[]> {
    return this.executor.executeBatch(items, principal, correlationId);
  }
}

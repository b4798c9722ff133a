// What travels over the CommandBus (a command of API.md, or a batch of them) and the EventBus
// (what a command appended), and what a command answers.
import { Command, type IEvent } from '@nestjs/cqrs';
import type { AppendedEvent } from '@app/event-store';
import type { Principal } from '@app/platform';

/** A command as received: its CommandType and its body (an object, not yet parsed). */
export interface CommandItem {
  type: string;
  body: unknown;
}

export interface CommandResult {
  status: 200 | 201;
  body: {
    commandId: string;
    position: string | null;
    events: { id: string; type: string; stream: string; revision: number }[];
  };
}

/** One result per command of a batch: its answer, or the typed error it failed with. */
export type BatchOutcome = CommandResult | { error: unknown };

export class SendCommand extends Command<CommandResult> {
  constructor(
    readonly item: CommandItem,
    readonly principal: Principal,
    readonly correlationId?: string,
  ) {
    super();
  }
}

export class SendCommandBatch extends Command<BatchOutcome[]> {
  constructor(
    readonly items: CommandItem[],
    readonly principal: Principal,
    readonly correlationId?: string,
  ) {
    super();
  }
}

/** Published in-process once a command's events are in the log (for metrics and live updates). */
export class EventsAppended implements IEvent {
  constructor(
    readonly commandId: string,
    readonly commandType: string,
    readonly municipality: string,
    readonly events: AppendedEvent[],
  ) {}
}

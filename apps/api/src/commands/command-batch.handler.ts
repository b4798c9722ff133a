// A batch of API.md: every command independent, one outcome per command, in order, a later
// command decided with the effects of the earlier ones that succeeded. The commands are decided
// in memory (each sees what the earlier ones will append) and appended in one unit, each handed
// to the log as soon as it is decided. Should that unit fail for a reason that lies with one
// command (a concurrent writer, a command id used on another stream, data the log refuses), the
// batch is run again command by command on the log, so that only that command fails.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DuplicateEventIdError,
  EventNotStorableError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
} from '@app/event-store';
import type { Principal } from '@app/platform';
import { EVENT_STORE } from '../api.tokens';
import { CommandIdReusedError } from './command-errors';
import { SendCommandBatch, type BatchOutcome, type CommandItem } from './command-messages';
import { CommandService, type Decision, type ParsedCommand, type StreamCache } from './command.service';

/** An item parsed, or refused before deciding, or repeating the command id of an earlier item. */
type Step = { parsed: ParsedCommand } | { error: unknown } | { parsed: ParsedCommand; repeats: number };

/**
 * The commands parsed and their streams read before the first is decided: the rest are parsed
 * and read (in one more query) while the log takes the append lock and these are decided.
 */
const FIRST_READ = 100;

/** The items parsed in order, as far as asked; an item with the command id of an earlier one repeats it. */
class BatchSteps {
  private readonly steps: Step[] = [];
  private readonly firstWithId = new Map<string, number>();

  constructor(
    private readonly items: CommandItem[],
    private readonly parse: (item: CommandItem) => ParsedCommand,
  ) {}

  /** The next `count` items parsed (none once all are). */
  next(count: number): Step[] {
    const from = this.steps.length;
    const to = Math.min(from + count, this.items.length);
    for (let i = from; i < to; i++) this.steps.push(this.step(i));
    return this.steps.slice(from, to);
  }

  /** Every item parsed. */
  all(): Step[] {
    this.next(this.items.length);
    return this.steps;
  }

  private step(i: number): Step {
    try {
      const parsed = this.parse(this.items[i]);
      const earlier = this.firstWithId.get(parsed.commandId);
      if (earlier !== undefined) return { parsed, repeats: earlier };
      this.firstWithId.set(parsed.commandId, i);
      return { parsed };
    } catch (error) {
      return { error };
    }
  }
}

const faultOfOneCommand = (error: unknown) =>
  error instanceof WrongExpectedRevisionError ||
  error instanceof DuplicateEventIdError ||
  error instanceof EventNotStorableError;

@CommandHandler(SendCommandBatch)
export class CommandBatchHandler implements ICommandHandler<SendCommandBatch> {
  constructor(
    @Inject(CommandService) private readonly service: CommandService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ items, principal, correlationId }: SendCommandBatch): Promise<BatchOutcome[]> {
    const steps = new BatchSteps(items, (item) => this.service.parse(item, principal));
    let outcomes: (BatchOutcome | null)[];
    try {
      outcomes = await this.decideAndAppend(steps, principal, correlationId);
    } catch (error) {
      if (!faultOfOneCommand(error)) throw error;
      outcomes = [];
      for (const step of steps.all()) {
        outcomes.push(
          'repeats' in step
            ? null
            : 'error' in step
              ? step
              : await this.service
                  .run(step.parsed, principal, correlationId)
                  .catch((e: unknown) => ({ error: e })),
        );
      }
    }
    const all = steps.all();
    return all.map((step, i) =>
      'repeats' in step ? repeatOutcome(step, all[step.repeats], outcomes[step.repeats]!) : outcomes[i]!,
    );
  }

  /** The outcome of each step (null for repeats); throws what made the one append fail. */
  private async decideAndAppend(
    steps: BatchSteps,
    principal: Principal,
    correlationId: string | undefined,
  ): Promise<(BatchOutcome | null)[]> {
    const cache: StreamCache = new Map();
    const requested = new Set<string>();
    const decisions: (Decision | { error: unknown } | null)[] = [];
    const service = this.service;
    /** The next steps parsed, and the read of the streams they fold that no earlier step folds. */
    const readAhead = (count: number) => {
      const chunk = steps.next(count);
      const commands = chunk.flatMap((s) => ('parsed' in s && !('repeats' in s) ? [s.parsed] : []));
      const read = service.prefetch(commands, requested).then((streams) => {
        for (const [stream, events] of streams) if (!cache.has(stream)) cache.set(stream, events);
      });
      read.catch(() => undefined); // awaited when its steps are decided, or never if the batch fails before
      return { chunk, read };
    };
    // Each append goes to the log as it is decided: the log writes it while the next are decided.
    async function* appendsAsDecided() {
      for (let current = readAhead(FIRST_READ); current.chunk.length > 0;) {
        const ahead = readAhead(Number.POSITIVE_INFINITY);
        await current.read;
        for (const step of current.chunk) {
          if (!('parsed' in step) || 'repeats' in step) {
            decisions.push('error' in step ? step : null);
            continue;
          }
          let decision: Decision;
          try {
            decision = await service.decide(step.parsed, principal, correlationId, cache);
          } catch (error) {
            decisions.push({ error });
            continue;
          }
          decisions.push(decision);
          if (decision.kind !== 'append') continue;
          service.stage(cache, decision.request);
          yield decision.request;
        }
        current = ahead;
      }
    }
    const appended = await this.store.appendMany(appendsAsDecided());
    let next = 0;
    const outcomes = decisions.map((d) =>
      d === null || 'error' in d
        ? d
        : d.kind === 'append'
          ? this.outcomeOf(d.parsed, appended[next++])
          : d.result,
    );
    // Only appends that met stored events wait: for their commands' events read back.
    await Promise.all(
      outcomes.flatMap((o, i) =>
        o instanceof Promise ? [o.then((outcome) => (outcomes[i] = outcome))] : [],
      ),
    );
    return outcomes as (BatchOutcome | null)[];
  }

  private outcomeOf(parsed: ParsedCommand, appended: AppendResult): BatchOutcome | Promise<BatchOutcome> {
    if (!appended.alreadyStored) return this.service.resultOfNewEvents(parsed, appended);
    return this.service.resultOfAppend(parsed, appended).catch((error: unknown) => ({ error }));
  }
}

/** An item repeating an earlier item's command id: the same command shares its outcome (a success as a retry, 200); another is refused. */
function repeatOutcome(step: { parsed: ParsedCommand }, earlier: Step, outcome: BatchOutcome): BatchOutcome {
  if (!('parsed' in earlier) || earlier.parsed.hash !== step.parsed.hash)
    return { error: new CommandIdReusedError(step.parsed.commandId) };
  return 'error' in outcome ? outcome : { status: 200, body: outcome.body };
}

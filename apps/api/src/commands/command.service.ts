// The command service: the CommandBus hands it each command of API.md. A command is parsed and
// authorised, its stream (and context streams) read and folded, decided, and appended with the
// revision read; a concurrent writer in between makes it decide again, a bounded number of times.
// Retries are answered from the log itself: the events carry the command id and hash in their
// metadata, so after an append that met stored events under the command's ids it tells the
// original result of the same command (200) from another command reusing the id (409). Appended
// events are published on the EventBus. The batch handler uses the same steps.
import {
  assertStorableEvents,
  fold,
  getCommandDefinition,
  parseEvent,
  type AnyCommandDefinition,
  type DecisionContext,
  type DomainCommand,
  type DomainEvent,
  type OfferValidityCheck,
  type RelatedStates,
} from '@app/domain';
import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import {
  DuplicateEventIdError,
  WrongExpectedRevisionError,
  type AppendedEvent,
  type AppendRequest,
  type AppendResult,
  type EventStore,
  type RecordedEvent,
  readStreams,
} from '@app/event-store';
import { type Principal, authoriseMunicipality, authoriseSending } from '@app/platform';
import { CLOCK, EVENT_STORE, OFFER_COSTS, OFFER_VALIDITY } from '../api.tokens';
import { CommandIdReusedError, UnknownCommandTypeError } from './command-errors';
import { eventIdFor } from './command-event-ids';
import { withStagedCosts, type OfferCostsReader } from './offer-costs';
import { COMMAND_HASH_VERSION, commandHash, isSameCommand } from './command-hash';
import { EventsAppended, SendCommand, type CommandItem, type CommandResult } from './command-messages';

/** A command parsed and authorised, with what identifies it in the log. */
export interface ParsedCommand {
  definition: AnyCommandDefinition;
  command: DomainCommand;
  /** The body as sent: events hashed the first way are compared with it. */
  rawBody: unknown;
  commandId: string;
  hash: string;
}

/** What a command comes to: events to append, an earlier result (a retry), or nothing to do. */
export type Decision =
  | { kind: 'append'; parsed: ParsedCommand; request: AppendRequest }
  | { kind: 'retry'; result: CommandResult }
  | { kind: 'unchanged'; result: CommandResult };

/** Streams as read, plus what earlier commands of a batch will append to them. */
export type StreamCache = Map<string, RecordedEvent[]>;

function resultOf(
  commandId: string,
  events: (AppendedEvent | RecordedEvent)[],
  status: 200 | 201,
): CommandResult {
  const last = events[events.length - 1];
  return {
    status,
    body: {
      commandId,
      position: last ? last.position.toString() : null,
      events: events.map(({ id, type, stream, revision }) => ({ id, type, stream, revision })),
    },
  };
}

const MAX_ATTEMPTS = 4;

@CommandHandler(SendCommand)
export class CommandService implements ICommandHandler<SendCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(OFFER_VALIDITY) private readonly offerValidity: OfferValidityCheck,
    @Inject(EventBus) private readonly eventBus: Pick<EventBus, 'publish'>,
    @Inject(CLOCK) private readonly clock: () => Date,
    @Optional() @Inject(OFFER_COSTS) private readonly offerCosts?: OfferCostsReader,
  ) {}

  async execute({ item, principal, correlationId }: SendCommand): Promise<CommandResult> {
    return this.run(this.parse(item, principal), principal, correlationId);
  }

  /**
   * Decides on the stream as stored and appends; a concurrent writer in between: decide again
   * on the stream as the conflict reports it (or read again). A command that decides on its own
   * stream alone is first decided as if its stream were new and appended expecting no stream: a
   * new stream then costs one round trip, and an existing one the same two as reading first,
   * as the refused append reports the stream's events. A decision that needs a stored event (a
   * refusal, nothing to do) is not trusted on the guess: the stream is read, and decided again.
   */
  async run(
    parsed: ParsedCommand,
    principal: Principal,
    correlationId: string | undefined,
  ): Promise<CommandResult> {
    const stream = parsed.definition.streamOf(parsed.command);
    let known: RecordedEvent[] | null = decidesOnItsStreamAlone(parsed) ? [] : null;
    let guessed = known !== null;
    for (let attempt = 1; ;) {
      const cache: StreamCache = new Map(known ? [[stream, known]] : []);
      const decision = await this.decide(parsed, principal, correlationId, cache).catch((error: unknown) => {
        if (guessed) return null;
        throw error;
      });
      if (decision?.kind !== 'append') {
        if (decision && !guessed) return decision.result;
        [known, guessed] = [null, false];
        continue;
      }
      try {
        return await this.resultOfAppend(parsed, await this.store.append(decision.request));
      } catch (error) {
        if (error instanceof DuplicateEventIdError) throw new CommandIdReusedError(parsed.commandId);
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (!guessed && ++attempt > MAX_ATTEMPTS) throw error;
        known = error.newer ? [...cache.get(stream)!, ...error.newer] : null;
        guessed = false;
      }
    }
  }

  parse({ type, body }: CommandItem, principal: Principal): ParsedCommand {
    const definition = getCommandDefinition(type);
    if (!definition) throw new UnknownCommandTypeError(type);
    authoriseSending(principal, definition.issuer, type);
    const command = definition.parse(body);
    authoriseMunicipality(principal, command.municipality);
    return {
      definition,
      command,
      rawBody: body,
      commandId: command.commandId.toLowerCase(),
      hash: commandHash(command),
    };
  }

  async decide(
    parsed: ParsedCommand,
    principal: Principal,
    correlationId: string | undefined,
    cache: StreamCache,
  ): Promise<Decision> {
    const { definition, command, commandId } = parsed;
    const stream = definition.streamOf(command);
    const stored = await this.readStream(stream, cache);
    const earlier = stored.filter((e) => e.metadata.commandId === commandId);
    if (earlier.length > 0) return { kind: 'retry', result: this.retryResult(parsed, earlier) };
    const state = stored.map(toDomainEvent).reduce(definition.evolve, definition.initialState);
    const now = this.clock().toISOString();
    const context: DecisionContext = {
      now,
      offerValidity: this.offerValidity,
      related: await this.relatedStates(definition, command, cache),
      ...(await this.projectedContext(definition, command, cache)),
    };
    const events = definition.decide(command, state, context);
    assertStorableEvents(events);
    const last = stored[stored.length - 1];
    // API.md: a command that changes nothing answers 200 with the current position (its stream's last event).
    if (events.length === 0) {
      const position = last && last.position > 0n ? last.position.toString() : null;
      return { kind: 'unchanged', result: { status: 200, body: { commandId, position, events: [] } } };
    }
    return {
      kind: 'append',
      parsed,
      request: {
        stream,
        expectedRevision: last ? last.revision : 'no_stream',
        events: events.map((event, i) => ({
          id: eventIdFor(commandId, i),
          type: event.type,
          data: event.data as unknown as Record<string, unknown>,
          metadata: {
            recordedAt: now,
            commandId,
            commandType: command.type,
            commandHash: parsed.hash,
            commandHashVersion: COMMAND_HASH_VERSION,
            causationId: commandId,
            correlationId: correlationId ?? commandId,
            actor: `${principal.role}:${principal.sub}`,
            municipality: command.municipality,
            schemaVersion: event.version,
          },
        })),
      },
    };
  }

  /**
   * The answer to an append: the command's own events (201), or, when the log already held
   * events with its ids, the original result of the same command (200) or a refusal.
   */
  async resultOfAppend(parsed: ParsedCommand, appended: AppendResult): Promise<CommandResult> {
    if (!appended.alreadyStored) return this.resultOfNewEvents(parsed, appended);
    const stored = (await this.store.readStream(appended.events[0].stream)).filter(
      (e) => e.metadata.commandId === parsed.commandId,
    );
    if (stored.length === 0) throw new CommandIdReusedError(parsed.commandId);
    return this.retryResult(parsed, stored);
  }

  /** The answer to an append that wrote the command's events: they are published, and it answers 201. */
  resultOfNewEvents(parsed: ParsedCommand, appended: AppendResult): CommandResult {
    this.eventBus.publish(
      new EventsAppended(parsed.commandId, parsed.command.type, parsed.command.municipality, appended.events),
    );
    return resultOf(parsed.commandId, appended.events, 201);
  }

  /** A retry of the stored command gets its original result; another command under its id is refused. */
  private retryResult(parsed: ParsedCommand, stored: RecordedEvent[]): CommandResult {
    if (!isSameCommand(stored[0].metadata, parsed.command, parsed.rawBody))
      throw new CommandIdReusedError(parsed.commandId);
    return resultOf(parsed.commandId, stored, 200);
  }

  private async readStream(stream: string, cache: StreamCache): Promise<RecordedEvent[]> {
    if (!cache.has(stream)) cache.set(stream, await this.store.readStream(stream));
    return cache.get(stream)!;
  }

  private async relatedStates(
    definition: AnyCommandDefinition,
    command: DomainCommand,
    cache: StreamCache,
  ): Promise<RelatedStates> {
    const related: RelatedStates = {};
    for (const ref of definition.contextStreams?.(command) ?? []) {
      const state = fold(ref.aggregate, (await this.readStream(ref.stream, cache)).map(toDomainEvent));
      const slots = related as Record<string, unknown>;
      if (ref.id === undefined) slots[ref.key] = state;
      else ((slots[ref.key] ??= {}) as Record<string, unknown>)[ref.id] = state;
    }
    return related;
  }

  /**
   * What the decider reads of the read models (an offer's expenses), when its registry entry names it, with what the
   * earlier commands of a batch staged in `cache` (position 0: not appended, so not projected).
   */
  private async projectedContext(
    definition: AnyCommandDefinition,
    command: DomainCommand,
    cache: StreamCache,
  ): Promise<Pick<DecisionContext, 'offerCosts'>> {
    const ref = definition.projectedContext?.(command);
    if (!ref) return {};
    if (!this.offerCosts)
      throw new Error(`${command.type} reads the read models, and none are wired (OFFER_COSTS)`);
    const projected = await this.offerCosts(command.municipality, ref.offerCostsOf);
    const staged = [...cache.values()].flatMap((events) =>
      events.filter((e) => e.position === 0n).map(toDomainEvent),
    );
    return { offerCosts: withStagedCosts(projected, staged, ref.offerCostsOf) };
  }

  /** Adds what an append will write to the cached stream, for the later commands of a batch. */
  stage(cache: StreamCache, request: AppendRequest): void {
    const events = cache.get(request.stream)!;
    let revision = events.length - 1;
    // Member by member: V8 makes an object spread followed by new members fifty times slower.
    for (const { id, type, data, metadata } of request.events)
      events.push({ id, type, data, metadata, stream: request.stream, revision: ++revision, position: 0n });
  }

  /**
   * Reads at once every stream the commands will fold (where the log can) that is not among
   * `requested` yet, and adds them to it: a batch costs few reads, none of a stream twice.
   */
  async prefetch(commands: ParsedCommand[], requested: Set<string>): Promise<StreamCache> {
    const streams: string[] = [];
    const add = (stream: string) => {
      if (requested.has(stream)) return;
      requested.add(stream);
      streams.push(stream);
    };
    for (const { definition, command } of commands) {
      add(definition.streamOf(command));
      for (const ref of definition.contextStreams?.(command) ?? []) add(ref.stream);
    }
    return streams.length === 0 ? new Map() : readStreams(this.store, streams);
  }
}

/** Whether the command reads no stream but its own and nothing of the read models. */
function decidesOnItsStreamAlone({ definition, command }: ParsedCommand): boolean {
  return !definition.contextStreams?.(command).length && !definition.projectedContext?.(command);
}

function toDomainEvent(event: RecordedEvent): DomainEvent {
  return parseEvent(event.type, event.metadata.schemaVersion ?? 1, event.data);
}

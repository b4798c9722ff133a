// Runs commands of API.md against the event log: parse → authorise → read and fold the stream
// (and its context streams) → decide → append with the revision read. Retries are answered from
// the log itself: the command's events carry its id and body hash in their metadata.
import {
  assertStorableEvents,
  fold,
  getCommandDefinition,
  parseEvent,
  type AnyCommandDefinition,
  type CommandIssuer,
  type DecisionContext,
  type DomainCommand,
  type DomainEvent,
  type OfferValidityCheck,
  type RelatedStates,
} from '@app/domain';
import { WrongExpectedRevisionError } from '@app/event-store/event-store.errors';
import type { AppendRequest, AppendResult, EventStore, RecordedEvent } from '@app/event-store/event-store.port';
import { readStreams } from '@app/event-store/read-streams';
import type { Principal } from '@app/platform/auth/principal';
import { mayAccessMunicipality } from '@app/platform/auth/principal';
import { problem, ProblemException } from '@app/platform/http/problem';
import { commandHash, eventIdFor } from './command-event-ids';

export interface CommandResult {
  status: 200 | 201;
  body: { commandId: string; position: string | null; events: { id: string; type: string; stream: string; revision: number }[] };
}

export type BatchOutcome = CommandResult | { error: unknown };

/** A command parsed, authorised and decided, ready to append. */
interface Decision {
  command: DomainCommand;
  request: AppendRequest | null;
  replay: CommandResult | null;
}

const MAX_ATTEMPTS = 4;
/** Roles that may send a command, by its issuer (API.md "Authentication"): jobcentre commands, finance commands; admin both. */
const COMMAND_ROLES: Record<CommandIssuer, ReadonlySet<string>> = {
  jobcentre: new Set(['jobcentre', 'admin']),
  finance: new Set(['finance', 'admin']),
};

function resultFromEvents(commandId: string, events: { id: string; type: string; stream: string; revision: number; position: bigint }[], status: 200 | 201): CommandResult {
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

export class CommandExecutor {
  constructor(
    private readonly store: EventStore,
    private readonly offerValidity: OfferValidityCheck,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** One command; errors are thrown (typed) for the problem filter. */
  async execute(type: string, body: unknown, principal: Principal, correlationId?: string): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const decision = await this.decide(type, body, principal, correlationId, new Map());
      if (decision.replay) return decision.replay;
      if (!decision.request) return { status: 201, body: { commandId: decision.command.commandId, position: null, events: [] } };
      try {
        return resultFromEvents(decision.command.commandId, (await this.store.append(decision.request)).events, 201);
      } catch (error) {
        // Another writer got there first: decide again on the new state, a bounded number of times.
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * A batch: every command independent, one result (or problem) per command, in order. Decisions
   * are made in memory (later commands see earlier ones' events) and appended in one unit; if
   * that unit meets a concurrent writer, the batch falls back to one command at a time.
   */
  async executeBatch(items: { type: string; body: unknown }[], principal: Principal, correlationId?: string): Promise<BatchOutcome[]> {
    const pending = await this.prefetch(items);
    const outcomes: ({ decision: Decision } | { error: unknown })[] = [];
    for (const item of items) {
      try {
        const decision = await this.decide(item.type, item.body, principal, correlationId, pending);
        if (decision.request) this.stage(pending, decision.request);
        outcomes.push({ decision });
      } catch (error) {
        outcomes.push({ error });
      }
    }
    const requests = outcomes.flatMap((o) => ('decision' in o && o.decision.request ? [o.decision.request] : []));
    let appended: AppendResult[];
    try {
      appended = requests.length ? await this.store.appendMany(requests) : [];
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const results: BatchOutcome[] = [];
      for (const item of items) {
        results.push(await this.execute(item.type, item.body, principal, correlationId).catch((error: unknown) => ({ error })));
      }
      return results;
    }
    let next = 0;
    return outcomes.map((outcome) => {
      if ('error' in outcome) return outcome;
      const { decision } = outcome;
      if (decision.replay) return decision.replay;
      if (!decision.request) return { status: 201 as const, body: { commandId: decision.command.commandId, position: null, events: [] } };
      return resultFromEvents(decision.command.commandId, appended[next++].events, 201);
    });
  }

  /** Reads every stream the batch's commands will fold, in one go where the log can. */
  private async prefetch(items: { type: string; body: unknown }[]): Promise<Map<string, RecordedEvent[]>> {
    const streams = new Set<string>();
    for (const item of items) {
      const definition = getCommandDefinition(item.type);
      if (!definition) continue;
      try {
        const command = definition.parse(item.body);
        streams.add(definition.streamOf(command));
        for (const ref of definition.contextStreams?.(command) ?? []) streams.add(ref.stream);
      } catch {
        // an invalid command is refused later, with its own problem
      }
    }
    return readStreams(this.store, [...streams]);
  }

  private stage(pending: Map<string, RecordedEvent[]>, request: AppendRequest): void {
    const events = pending.get(request.stream)!;
    let revision = events.length - 1;
    for (const e of request.events) events.push({ ...e, stream: request.stream, revision: ++revision, position: 0n });
  }

  private async decide(
    type: string,
    body: unknown,
    principal: Principal,
    correlationId: string | undefined,
    pending: Map<string, RecordedEvent[]>,
  ): Promise<Decision> {
    const definition = getCommandDefinition(type);
    if (!definition) throw new ProblemException(problem(404, 'unknown-command', `unknown command type ${type}`));
    this.authoriseRole(type, definition.issuer, principal); // before parsing: a forbidden caller learns nothing of the body's faults
    const command = definition.parse(body);
    this.authoriseMunicipality(command, principal);
    const stream = definition.streamOf(command);
    const stored = await this.readStream(stream, pending);
    const hash = commandHash(body);
    const previous = stored.filter((e) => e.metadata.commandId === command.commandId.toLowerCase());
    if (previous.length > 0) {
      if (previous[0].metadata.commandHash !== hash) {
        throw new ProblemException(problem(409, 'command-id-reused', `commandId ${command.commandId} was already used with a different body`));
      }
      return { command, request: null, replay: resultFromEvents(command.commandId, previous, 200) };
    }
    const state = stored.map(toDomainEvent).reduce(definition.evolve, definition.initialState);
    const related = await this.relatedStates(definition, command, pending);
    const now = this.clock().toISOString();
    const context: DecisionContext = { now, offerValidity: this.offerValidity, related };
    const events = definition.decide(command, state, context);
    assertStorableEvents(events);
    if (events.length === 0) return { command, request: null, replay: null };
    const last = stored[stored.length - 1];
    return {
      command,
      replay: null,
      request: {
        stream,
        expectedRevision: last ? last.revision : 'no_stream',
        events: events.map((event, i) => ({
          id: eventIdFor(command.commandId, i),
          type: event.type,
          data: event.data as unknown as Record<string, unknown>,
          metadata: {
            recordedAt: now,
            commandId: command.commandId.toLowerCase(),
            commandType: command.type,
            commandHash: hash,
            causationId: command.commandId.toLowerCase(),
            correlationId: correlationId ?? command.commandId.toLowerCase(),
            actor: `${principal.role}:${principal.sub}`,
            municipality: command.municipality,
            schemaVersion: event.version,
          },
        })),
      },
    };
  }

  private authoriseRole(type: string, issuer: CommandIssuer, principal: Principal): void {
    if (!COMMAND_ROLES[issuer].has(principal.role)) {
      throw new ProblemException(problem(403, 'forbidden', `role ${principal.role} may not send ${type}`));
    }
  }

  private authoriseMunicipality(command: DomainCommand, principal: Principal): void {
    if (!mayAccessMunicipality(principal, command.municipality)) {
      throw new ProblemException(problem(403, 'forbidden', `this token is for municipality ${principal.municipality}, not ${command.municipality}`));
    }
  }

  /** The stream as stored, plus what earlier commands of the same batch will append to it. */
  private async readStream(stream: string, pending: Map<string, RecordedEvent[]>): Promise<RecordedEvent[]> {
    if (!pending.has(stream)) pending.set(stream, await this.store.readStream(stream));
    return pending.get(stream)!;
  }

  private async relatedStates(definition: AnyCommandDefinition, command: DomainCommand, pending: Map<string, RecordedEvent[]>): Promise<RelatedStates> {
    const related: RelatedStates = {};
    for (const ref of definition.contextStreams?.(command) ?? []) {
      related[ref.key] = fold(ref.aggregate, (await this.readStream(ref.stream, pending)).map(toDomainEvent)) as never;
    }
    return related;
  }
}

function toDomainEvent(event: RecordedEvent): DomainEvent {
  return parseEvent(event.type, event.metadata.schemaVersion ?? 1, event.data);
}

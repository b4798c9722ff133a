// given/when/then for deciders, in jest:
//
//   given([offerRegistered(...)]).when(cancelOffer, ctx).then([offerCancelled(...)]);
//   given([]).when(cancelOffer).thenFails('offer.not_found');
//   given([]).when(recordExpense, { related: { offer: [offerRegistered(...)] } }).then([...]);
//
// `given` events are folded with the command's aggregate (from the command registry); the
// `related` events of the context are folded with the aggregate named by the registry's
// contextStreams. `then` compares field by field and also checks that every produced event
// passes its stored schema (parseEvent of its JSON round trip gives the same event).
import { AGGREGATES } from '../commands/aggregate-registry';
import { getCommandDefinition } from '../commands/command-registry';
import type { CommandInput, CommandType } from '../commands/domain-commands';
import type { DomainEvent } from '../events/domain-events';
import { parseEvent } from '../events/event-registry';
import type { OfferValidityCheck } from '../offers/offer-validity';
import type { DecisionContext, OfferCost, RelatedStates } from '../shared/decision-context';
import { DomainError } from '../shared/domain-error';

export interface TestContext {
  now?: string;
  offerValidity?: OfferValidityCheck;
  /** Events of the related streams, by context key (and, for keys that hold several streams, by id). */
  related?: { [K in keyof RelatedStates]?: DomainEvent[] | Record<string, DomainEvent[]> };
  /** The offer's expenses as the read models know them (for a command whose registry entry has projectedContext). */
  offerCosts?: OfferCost[];
}

export const TEST_NOW = '2025-03-01T10:00:00.000Z';
export const alwaysValid: OfferValidityCheck = () => ({ valid: true, citations: [] });

export interface When {
  /** Expects exactly these events, field by field. */
  then(expected: DomainEvent[]): DomainEvent[];
  /** Expects a DomainError with this code; returns it for further assertions. */
  thenFails(code: string): DomainError;
  /** Runs the decider and returns its events (or throws). */
  events(): DomainEvent[];
}

export function given(history: DomainEvent[]) {
  return {
    /** The command as a client sends it: it is parsed with its schema (as the command path does), then decided. */
    when<T extends CommandType>(input: CommandInput<T>, ctx: TestContext = {}): When {
      const { type, ...body } = input;
      const def = getCommandDefinition(type);
      if (!def) throw new Error(`No command definition for ${String(type)}`);
      const run = (): DomainEvent[] => {
        const command = def.parse(body);
        const state = history.reduce(def.evolve, def.initialState);
        const related: RelatedStates = {};
        for (const ref of def.contextStreams?.(command) ?? []) {
          const given = ctx.related?.[ref.key];
          const events =
            (ref.id === undefined
              ? (given as DomainEvent[] | undefined)
              : (given as Record<string, DomainEvent[]> | undefined)?.[ref.id]) ?? [];
          const agg = AGGREGATES[ref.aggregate] as {
            initialState: unknown;
            evolve: (s: unknown, e: DomainEvent) => unknown;
          };
          const state = events.reduce(agg.evolve, agg.initialState);
          const slots = related as Record<string, unknown>;
          if (ref.id === undefined) slots[ref.key] = state;
          else ((slots[ref.key] ??= {}) as Record<string, unknown>)[ref.id] = state;
        }
        const context: DecisionContext = {
          now: ctx.now ?? TEST_NOW,
          offerValidity: ctx.offerValidity ?? alwaysValid,
          related,
          ...(def.projectedContext?.(command) && { offerCosts: ctx.offerCosts ?? [] }),
        };
        return def.decide(command, state, context);
      };
      return {
        events: run,
        then(expected) {
          const actual = run();
          expect(actual).toEqual(expected);
          for (const e of actual) {
            const stored = JSON.parse(JSON.stringify(e.data)) as unknown;
            expect(parseEvent(e.type, e.version, stored)).toEqual(e);
          }
          return actual;
        },
        thenFails(code) {
          let caught: unknown;
          try {
            run();
          } catch (err) {
            caught = err;
          }
          expect(caught).toBeInstanceOf(DomainError);
          expect((caught as DomainError).code).toBe(code);
          return caught as DomainError;
        },
      };
    },
  };
}

import type { EventStore } from '@app/event-store';
import type { Metrics } from '@app/platform';

const TIMED = new Set(['append', 'appendMany']);

/** The event store with its appends timed into `ledger_event_append_seconds`; everything else passes through. */
export function timedStore(store: EventStore, metrics: Metrics): EventStore {
  // Each method wrapped once, not on every call.
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      let method = wrapped.get(property);
      if (method === undefined) {
        method =
          typeof property === 'string' && TIMED.has(property)
            ? (...args: unknown[]) => {
                const end = metrics.appendSeconds.startTimer({ operation: property });
                return (value.apply(target, args) as Promise<unknown>).finally(() => end());
              }
            : value.bind(target);
        wrapped.set(property, method);
      }
      return method;
    },
  });
}

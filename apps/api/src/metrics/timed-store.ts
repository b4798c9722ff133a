import type { EventStore } from '@app/event-store';
import type { Metrics } from '@app/platform';

const TIMED = new Set(['append', 'appendMany']);

/** The event store with its appends timed into `ledger_event_append_seconds`; everything else passes through. */
export function timedStore(store: EventStore, metrics: Metrics): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (typeof property !== 'string' || !TIMED.has(property)) return value.bind(target);
      return (...args: unknown[]) => {
        const end = metrics.appendSeconds.startTimer({ operation: property });
        return (value.apply(target, args) as Promise<unknown>).finally(() => end());
      };
    },
  });
}

import type { Rulebooks } from '@app/rules';
import { EventTypeCountProjection } from './event-type-count.projection';
import { LedgerProjection } from './ledger.projection';
import type { Projection } from './projection';

/** Every projection the projector runs, in the order they apply each batch. */
export function allProjections(rulebooks: Rulebooks): Projection[] {
  return [new EventTypeCountProjection(), new LedgerProjection(rulebooks)];
}

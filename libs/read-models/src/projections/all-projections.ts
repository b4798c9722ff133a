import { EventTypeCountProjection } from './event-type-count.projection';
import type { Projection } from './projection';

/** Every projection the projector runs, in the order they apply each batch. */
export function allProjections(): Projection[] {
  return [new EventTypeCountProjection()];
}

import { z } from 'zod';
import type { EventEnvelope } from '../shared/domain-event';
import { clientId, text } from '../shared/field-schemas';
import { registeredOfferTermsV1 } from '../offers/offer-registered.event';

export const projectRegisteredV1 = z.strictObject({
  projectId: clientId(),
  name: text(200),
  /** The terms every participant's offer takes from the project (kind, category and frame). */
  ...registeredOfferTermsV1,
});
export type ProjectRegisteredData = z.output<typeof projectRegisteredV1>;

/** Stream project-{municipality}-{projectId}. */
export type ProjectRegistered = EventEnvelope<'ProjectRegistered', 1, ProjectRegisteredData>;

export const projectRegistered = (data: ProjectRegisteredData): ProjectRegistered => ({
  type: 'ProjectRegistered',
  version: 1,
  data,
});

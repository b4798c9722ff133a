import type { z } from 'zod';
import { clientId, text } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { offerTermsFields } from '../../offers/offer-terms-fields';

/**
 * API.md RegisterProject: a særligt tilrettelagt projekt or a course bought for a group; its costs are shared by its
 * participants. registrationDate (an extension of API.md, as RegisterOffer's): the day the case system registered it
 * (default today), never in the future.
 */
export const registerProjectSchema = commandSchema('RegisterProject', {
  projectId: clientId(),
  name: text(200),
  ...offerTermsFields,
});
export type RegisterProject = z.output<typeof registerProjectSchema>;

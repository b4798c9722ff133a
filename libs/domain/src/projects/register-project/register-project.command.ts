import { z } from 'zod';
import { clientId, codeListId, isoDate, text } from '../../shared/field-schemas';
import { commandSchema } from '../../shared/parse-command';
import { maybe } from '../../shared/schema';
import { OFFER_KINDS, PROVIDER_KINDS } from '../../shared/vocabulary';

/**
 * API.md RegisterProject: a særligt tilrettelagt projekt or a course bought for a group; its costs are shared by its
 * participants. registrationDate (an extension of API.md, as RegisterOffer's): the day the case system registered it
 * (default today), never in the future.
 */
export const registerProjectSchema = commandSchema('RegisterProject', {
  projectId: clientId(),
  name: text(200),
  offerKind: z.enum(OFFER_KINDS),
  startDate: isoDate(),
  endDate: isoDate(),
  offerCategory: maybe(codeListId()),
  fundingFrame: maybe(codeListId()),
  provider: maybe(z.strictObject({ kind: z.enum(PROVIDER_KINDS), name: maybe(text(200)) })),
  registrationDate: maybe(isoDate()),
});
export type RegisterProject = z.output<typeof registerProjectSchema>;

/** Stream of an offer. */
export const offerStream = (municipality: string, offerId: string): string =>
  `offer-${municipality}-${offerId}`;

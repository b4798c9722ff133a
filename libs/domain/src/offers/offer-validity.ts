import type { IsoDate, OfferKind } from '../shared/vocabulary';

/** What the category × frame validity check is asked (libs/rules OfferValidityQuery has the same shape). */
export interface OfferValidityQuery {
  offerKind: OfferKind; // the frame must admit it
  offerCategory: string; // afholdelseskategori id
  fundingFrame: string; // bevillingsramme id
  startDate: IsoDate;
  registrationDate: IsoDate;
}

export type OfferValidityResult =
  { valid: true; citations: unknown[] } | { valid: false; reason: string; citations: unknown[] };

/**
 * Injected check of the seed 002 matrix (libs/rules builds the real one; the domain does not
 * import it). Must be pure.
 */
export type OfferValidityCheck = (query: OfferValidityQuery) => OfferValidityResult;

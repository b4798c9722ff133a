// Injection tokens for what the composition root hands the api.
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODELS = Symbol('READ_MODELS');
export const APP_CONFIG = Symbol('APP_CONFIG');
export const OFFER_VALIDITY = Symbol('OFFER_VALIDITY');
/** The recorded time of commands. */
export const CLOCK = Symbol('CLOCK');
/** An offer's expenses as projected (DecisionContext.offerCosts): commands/offer-costs.ts. */
export const OFFER_COSTS = Symbol('OFFER_COSTS');

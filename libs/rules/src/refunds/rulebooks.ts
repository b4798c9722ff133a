// The rulebook versions this code knows, as the ledger asks for them.
import type { Rulebook, Rulebooks } from '../rulebook.types';
import { decideRefundUnder } from './refund-decision.engine';
import { GENESIS_RULEBOOK_VERSION, RULEBOOK_VERSION, RULEBOOK_VERSIONS } from './refund-rules.catalog';

const BOOKS = new Map<string, Rulebook>();

export const rulebooks: Rulebooks = {
  genesis: GENESIS_RULEBOOK_VERSION,
  current: RULEBOOK_VERSION,
  versions: RULEBOOK_VERSIONS,
  of(version: string): Rulebook {
    let book = BOOKS.get(version);
    if (!book) BOOKS.set(version, (book = { version, decide: decideRefundUnder(version) }));
    return book;
  },
};

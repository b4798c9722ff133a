// The rulebook versions this code knows, as the ledger asks for them.
import type { Rulebook, Rulebooks } from '../rulebook.types';
import { decideRefundUnder } from './refund-decision.engine';
import {
  GENESIS_RULEBOOK_VERSION,
  RULEBOOK_VERSION,
  RULEBOOK_VERSIONS,
  rulesDocument,
} from './refund-rules.catalog';

const BOOKS = new Map<string, Rulebook>();

export const rulebooks: Rulebooks = {
  genesis: GENESIS_RULEBOOK_VERSION,
  current: RULEBOOK_VERSION,
  versions: RULEBOOK_VERSIONS,
  of(version: string): Rulebook {
    let book = BOOKS.get(version);
    if (!book) {
      const reading = rulesDocument(version).capAdjustmentAccounts?.reading ?? 'first_posting_account';
      book = { version, decide: decideRefundUnder(version), capAdjustmentAccounts: reading };
      BOOKS.set(version, book);
    }
    return book;
  },
};

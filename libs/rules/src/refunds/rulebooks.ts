// The rulebook versions this code knows, as the ledger asks for them.
import type { Rulebook, Rulebooks } from '../rulebook.types';
import { accountKey } from '../accounts/account-groupings.catalog';
import { decideRefundUnder } from './refund-decision.engine';
import type { RefundRulesDocument } from './refund-rule.model';
import {
  GENESIS_RULEBOOK_VERSION,
  RULEBOOK_VERSION,
  RULEBOOK_VERSIONS,
  rulesDocument,
} from './refund-rules.catalog';

const BOOKS = new Map<string, Rulebook>();

/** A version's capYearOf (rulebook.types.ts): the booking year, unless its afloebCapYears names an earlier one. */
function capYearReading(document: RefundRulesDocument): Rulebook['capYearOf'] {
  const named = new Map<string, number>();
  for (const a of document.afloebCapYears?.allowances ?? [])
    for (const key of a.costAccounts) named.set(`${a.cap}/${key}`, a.capYear);
  return (cap, account, bookingYear) => {
    if (account === null) return bookingYear;
    const year = named.get(`${cap}/${accountKey(account)}`);
    return year !== undefined && year < bookingYear ? year : bookingYear;
  };
}

export const rulebooks: Rulebooks = {
  genesis: GENESIS_RULEBOOK_VERSION,
  current: RULEBOOK_VERSION,
  versions: RULEBOOK_VERSIONS,
  of(version: string): Rulebook {
    let book = BOOKS.get(version);
    if (!book) {
      const document = rulesDocument(version);
      const reading = document.capAdjustmentAccounts?.reading ?? 'first_posting_account';
      book = {
        version,
        decide: decideRefundUnder(version),
        capAdjustmentAccounts: reading,
        capYearOf: capYearReading(document),
      };
      BOOKS.set(version, book);
    }
    return book;
  },
};

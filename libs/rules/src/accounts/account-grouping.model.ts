import type { IsoDate } from '@app/domain';
import type { Citation } from '../rulebook.types';

/** One authorised grouping of the municipal chart of accounts (or a function-level HK 6 entry, grouping '-'). */
export interface AccountGrouping {
  /** 'function/dranst/grouping', e.g. '5.68.90/1/097'. */
  key: string;
  function: string;
  dranst: string;
  grouping: string;
  title: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  source: Citation;
}

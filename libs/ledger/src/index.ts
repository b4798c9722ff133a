// libs/ledger: pure allocation of costs over target-group timelines and rule boundaries, and the
// posting / reversal logic (desired segments vs standing postings → delta postings).
export * from './day-split';
export * from './timeline';
export * from './posting.types';
export * from './allocate';
export * from './reconcile';
export * from './explain-segment';
export * from './caps/cap';
export * from './caps/cap-accounts';
export * from './caps/closing';
export * from './statement';
export * from './changes';
export * from './caps/cap-restatement';
export * from './municipality-ledger';

import { accountFilter, accountText } from './names';

describe('accounts as the app shows and filters them', () => {
  it('drills down to a hovedkonto 6 account without its "-" grouping, which the entries filter refuses', () => {
    // libs/ledger project-carve-outs.ts: administration on 6.45.53, dranst 1, no grouping
    expect(accountFilter({ function: '6.45.53', dranst: '1', grouping: '-' })).toBe('6.45.53.1');
    expect(accountFilter('5.68.90.1.097')).toBe('5.68.90.1.097');
  });

  it('names an unresolved posting without an account', () => {
    expect(accountText(null)).toBe('uden konto');
  });
});

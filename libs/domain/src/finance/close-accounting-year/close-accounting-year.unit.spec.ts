import { given } from '../../testing/given-when-then';
import { CMD_2, M } from '../../testing/fixtures';
import { accountingYearClosed } from '../accounting-year-closed.event';
import type { CommandInput } from '../../commands/domain-commands';

const close = (
  over: Partial<CommandInput<'CloseAccountingYear'>> = {},
): CommandInput<'CloseAccountingYear'> => ({
  type: 'CloseAccountingYear',
  commandId: CMD_2,
  municipality: M,
  year: 2024,
  ...over,
});

describe('CloseAccountingYear', () => {
  it('closes a past or the running year', () => {
    given([])
      .when(close(), { now: '2025-02-15T10:00:00Z' })
      .then([accountingYearClosed({ year: 2024, reason: null })]);
    given([])
      .when(close({ year: 2025, reason: 'cut-off' }), { now: '2025-12-20T10:00:00Z' })
      .then([accountingYearClosed({ year: 2025, reason: 'cut-off' })]);
  });

  it('refuses a year closed before, and a year that has not begun', () => {
    given([accountingYearClosed({ year: 2024, reason: null })])
      .when(close())
      .thenFails('finance.year_already_closed');
    given([])
      .when(close({ year: 2026 }), { now: '2025-12-31T23:59:59Z' })
      .thenFails('finance.year_not_begun');
  });
});

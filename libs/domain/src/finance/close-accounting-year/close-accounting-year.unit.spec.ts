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
    // The year begins at midnight in Copenhagen (CET, UTC+1): 2025-12-31T23:00Z is already 1 January 2026.
    given([])
      .when(close({ year: 2026 }), { now: '2025-12-31T22:59:59Z' })
      .thenFails('finance.year_not_begun');
    given([])
      .when(close({ year: 2026 }), { now: '2025-12-31T23:00:00Z' })
      .then([accountingYearClosed({ year: 2026, reason: null })]);
  });
});

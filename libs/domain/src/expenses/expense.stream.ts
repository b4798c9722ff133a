/** Stream of one offer expense. */
export const expenseStream = (municipality: string, expenseId: string): string =>
  `expense-${municipality}-${expenseId}`;

/** Stream of a municipality's finance settings for one accounting year: cap parameters and the year's closing. */
export const financeStream = (municipality: string, year: number): string =>
  `finance-${municipality}-${year}`;

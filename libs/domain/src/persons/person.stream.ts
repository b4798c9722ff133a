/** Stream of a person's target-group history. */
export const personStream = (municipality: string, personId: string): string =>
  `person-${municipality}-${personId}`;

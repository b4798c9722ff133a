// Formats of the identifiers of API.md.
/** Client-chosen ids (offerId, agreementId, expenseId, personId): 1-64 characters [A-Za-z0-9._:-]. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;
/** Kommunekode: three digits. */
export const MUNICIPALITY_PATTERN = /^\d{3}$/;
/** A UUID (any version), as chosen by the client for commandId. */
export const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Command ids compare case-insensitively (UUIDs). */
export function sameCommandId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

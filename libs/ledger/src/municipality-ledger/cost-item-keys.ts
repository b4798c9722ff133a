// A cost item's id is made of the ids the commands gave, joined by ':'. The command schemas allow ':' in an id
// ([A-Za-z0-9._:-]), so each id is written with its ':' as '%3A' ('%' never occurs in one): two different items
// never get one id, and an id's parts read back as they were given.
const ESCAPED_COLON = '%3A';

/** One id as a part of a key. */
export const keyPart = (id: string): string => id.replaceAll(':', ESCAPED_COLON);

/** `kind:part:part…`, each id escaped. */
export const itemKey = (kind: string, ...ids: string[]): string => [kind, ...ids.map(keyPart)].join(':');

/** The kind and the ids of a key made by itemKey. */
export const keyParts = (key: string): string[] =>
  key.split(':').map((part) => part.replaceAll(ESCAPED_COLON, ':'));

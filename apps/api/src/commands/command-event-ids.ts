// Event ids derive from the command id, so a retried command can never append its events twice
// (the log refuses a stored id): the first event takes the command id itself, later ones a
// name-based UUID of (command id, index).
import { createHash } from 'node:crypto';

function nameBasedUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5'; // version 5 (SHA-1, name based)
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16); // RFC 4122 variant
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function eventIdFor(commandId: string, index: number): string {
  return index === 0 ? commandId.toLowerCase() : nameBasedUuid(`${commandId.toLowerCase()}:${index}`);
}

/** A stable fingerprint of a command body: same body (any key order) -> same hash. */
export function commandHash(body: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]))
        : value;
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

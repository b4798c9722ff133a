// Event ids that derive from a name, so deriving them again gives the same id.
import { createHash } from 'node:crypto';

/**
 * A version-5-shaped UUID of SHA-1 over the name alone. RFC 4122's v5 (and the `uuid` package)
 * hashes a namespace before the name, which gives other ids; the log holds ids made this way, so
 * this is kept to recognise retries of commands stored before.
 */
export function sha1NameUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16); // RFC 4122 variant
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

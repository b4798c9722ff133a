// A command's fingerprint, stored in its events' metadata: a retry with the same fingerprint is
// answered with the original result, a different one under the same command id is refused.
import { createHash } from 'node:crypto';
import type { DomainCommand } from '@app/domain';
import type { EventMetadata } from '@app/event-store';

/** The hash covers the parsed command (its type included, the command id in lower case). */
export const COMMAND_HASH_VERSION = 2;

/** Objects with their keys sorted, so that key order never changes the hash. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const sha256 = (value: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');

/** Parsing normalises the body (`30` and `"30"` are one value), so equal commands hash equal. */
export function commandHash(command: DomainCommand): string {
  return sha256({ ...command, commandId: command.commandId.toLowerCase() });
}

/**
 * Whether stored metadata records this command. Events without a hash version were hashed over
 * the raw body (without the type), so those compare the raw body and the recorded type.
 */
export function isSameCommand(stored: EventMetadata, command: DomainCommand, rawBody: unknown): boolean {
  if (stored.commandHashVersion === COMMAND_HASH_VERSION) return stored.commandHash === commandHash(command);
  return (
    (stored.commandType === undefined || stored.commandType === command.type) &&
    stored.commandHash === sha256(rawBody)
  );
}

// A command's fingerprint, stored in its events' metadata: a retry with the same fingerprint is
// answered with the original result, a different one under the same command id is refused.
import { hash } from 'node:crypto';
import type { DomainCommand } from '@app/domain';
import type { EventMetadata } from '@app/event-store';

/** The hash covers the parsed command (its type included, the command id in lower case). */
export const COMMAND_HASH_VERSION = 2;

/** Object keys as JSON strings: commands have few distinct keys, and each is quoted once. */
const quotedKeys = new Map<string, string>();

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

/**
 * The JSON of a value with every object's keys sorted, so that key order never changes the hash
 * (what JSON.stringify gives for a copy with sorted keys, built in one pass into one string: this
 * runs on every command).
 */
function canonicalJson(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) as string | undefined;
  if (Array.isArray(value)) {
    let json = '[';
    for (let i = 0; i < value.length; i++) json += `${i > 0 ? ',' : ''}${canonicalJson(value[i]) ?? 'null'}`;
    return `${json}]`;
  }
  let json = '{';
  for (const key of Object.keys(value).sort()) {
    const member = canonicalJson((value as Record<string, unknown>)[key]);
    if (member !== undefined) json += `${json.length > 1 ? ',' : ''}${quotedKey(key)}:${member}`;
  }
  return `${json}}`;
}

/** What is hashed is always an object (a command or a body as sent), whose JSON is never undefined. */
const sha256 = (value: object) => hash('sha256', canonicalJson(value)!, 'hex');

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
    stored.commandHash === sha256(rawBody as object)
  );
}

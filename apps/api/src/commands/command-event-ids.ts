// Event ids derive from the command id, so a retried command can never append its events twice
// (the log refuses a stored id): the first event takes the command id itself, later ones a
// name-based UUID of (command id, index).
import { sha1NameUuid } from '@app/event-store';

export function eventIdFor(commandId: string, index: number): string {
  return index === 0 ? commandId.toLowerCase() : sha1NameUuid(`${commandId.toLowerCase()}:${index}`);
}

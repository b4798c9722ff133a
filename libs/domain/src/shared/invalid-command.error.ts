import { DomainError } from './domain-error';
import type { Issue } from './schema';

/** The command body is malformed: a field is missing, has the wrong type, or is not a valid value (HTTP 400). */
export class InvalidCommandError extends DomainError {
  readonly code = 'command.invalid' as const;

  constructor(
    readonly commandType: string,
    readonly errors: readonly Issue[],
  ) {
    super(`Invalid ${commandType}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
}

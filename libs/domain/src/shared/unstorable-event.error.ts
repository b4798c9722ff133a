import { DomainError } from './domain-error';
import type { Issue } from './schema';

/**
 * A decider produced an event its readers would refuse (e.g. an amount beyond what the stored
 * schema accepts): it is not appended, so it can never stop a reader. Well-formed input that
 * leads to it breaks a bound of the domain (HTTP 422).
 */
export class UnstorableEventError extends DomainError {
  readonly code = 'event.unstorable' as const;

  constructor(
    readonly eventType: string,
    readonly errors: readonly Issue[],
  ) {
    super(`${eventType} cannot be stored: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
}

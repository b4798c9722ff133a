import { DomainError } from './domain-error';

/** The log holds an event type or schema version this code does not know. */
export class UnknownEventVersionError extends DomainError {
  readonly code = 'event.unknown_version' as const;

  constructor(
    readonly eventType: string,
    readonly version: unknown,
  ) {
    super(`Unknown event type/version: ${eventType} v${String(version)}`);
  }
}

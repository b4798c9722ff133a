import { DomainError } from './domain-error';
import type { Issue } from './schema';

/** Stored event data does not match the explicit schema of its type and version. */
export class InvalidEventDataError extends DomainError {
  readonly code = 'event.invalid_data' as const;

  constructor(
    readonly eventType: string,
    readonly version: number,
    readonly errors: readonly Issue[],
  ) {
    super(
      `Invalid data for ${eventType} v${version}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  }
}

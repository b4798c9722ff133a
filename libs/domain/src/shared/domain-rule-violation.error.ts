import { DomainError } from './domain-error';
import type { DomainRuleCode } from './domain-rule-code';

/** A well-formed command breaks a domain rule; nothing is appended (HTTP 422). */
export class DomainRuleViolation extends DomainError {
  constructor(
    readonly code: DomainRuleCode,
    message: string,
    /** Extra facts for the problem response (e.g. the offer period, citations of a rule). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

// Typed errors of the domain. The api maps them to problem responses in one place:
//   DomainRuleViolation   -> 422 (well-formed command that breaks a domain rule)
//   InvalidCommandError   -> 400 (malformed or invalid input, with errors[] by path)
//   UnstorableEventError  -> 422 (a decided event the stored schema refuses; nothing appended)
//   UnknownEventVersionError / InvalidEventDataError -> 500 (the log holds something this code cannot read)

/** Base of every error the domain throws on purpose. `code` is stable: clients and tests match on it. */
export abstract class DomainError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

// What the command path refuses, as typed errors; toProblem (http/problem.filter.ts) turns each
// into its problem document.

export class UnknownCommandTypeError extends Error {
  constructor(readonly commandType: string) {
    super(`unknown command type ${commandType}`);
    this.name = 'UnknownCommandTypeError';
  }
}

/** The command id was used before by a command of another type or body (HTTP 409). */
export class CommandIdReusedError extends Error {
  constructor(readonly commandId: string) {
    super(`commandId ${commandId} was already used with a different command type or body`);
    this.name = 'CommandIdReusedError';
  }
}

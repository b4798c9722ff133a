/** Bad command-line arguments: the command line prints the message and exits with 2. */
export class UsageError extends Error {}

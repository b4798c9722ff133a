// What went wrong, in one sentence an operator can act on, for any thrown value: Node's system
// errors (string codes), gRPC errors of the EventStoreDB client (numeric codes), PostgreSQL's
// (SQLSTATE codes), errors with causes and aggregates, and values that are not errors at all.

interface ErrorLike {
  message?: unknown;
  code?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  errors?: unknown;
  cause?: unknown;
}

const SYSTEM_ERRORS: Record<string, (e: ErrorLike) => string> = {
  ECONNREFUSED: (e) =>
    `nothing answers at ${where(e)} (connection refused): is the server running, and are DATABASE_URL / EVENTSTORE_URL right?`,
  ENOTFOUND: (e) =>
    `the host name ${String(e.hostname ?? '')} does not resolve: check DATABASE_URL / EVENTSTORE_URL`,
  ETIMEDOUT: (e) => `no answer from ${where(e)} in time: check the network and DATABASE_URL / EVENTSTORE_URL`,
  EACCES: (e) => `permission denied: ${firstLine(e.message)}`,
  EADDRINUSE: (e) =>
    `the port ${String(e.port ?? '')} is in use by another program: choose another with PORT`,
};

/** gRPC status codes the EventStoreDB client reports as `code`. */
const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

function where(e: ErrorLike): string {
  return e.address !== undefined
    ? `${String(e.address)}${e.port !== undefined ? `:${String(e.port)}` : ''}`
    : 'the configured address';
}

function firstLine(message: unknown): string {
  return String(message ?? '')
    .split('\n')[0]
    .trim();
}

/** The innermost error that says something: aggregates (a refused ::1 and 127.0.0.1) and causes unwrapped. */
function rootOf(error: ErrorLike): ErrorLike {
  if (Array.isArray(error.errors) && error.errors.length > 0 && !firstLine(error.message))
    return rootOf(error.errors[0] as ErrorLike);
  if (typeof error.code === 'string' && error.code in SYSTEM_ERRORS) return error;
  if (error.cause && typeof error.cause === 'object') return rootOf(error.cause as ErrorLike);
  return error;
}

export function describeError(error: unknown): string {
  if (error === undefined || error === null)
    return 'the operation failed without saying why (a server process exited early?); run with LOG_LEVEL=debug for details';
  if (typeof error !== 'object') return String(error);
  const root = rootOf(error as ErrorLike);
  const code = root.code;
  if (typeof code === 'string' && code in SYSTEM_ERRORS) return SYSTEM_ERRORS[code](root);
  if (code === GRPC_UNAVAILABLE)
    return `EventStoreDB is unreachable (${firstLine(root.message)
      .replace(/^14 UNAVAILABLE: /, '')
      .replace(/\.? *Resolution note:.*$/, '')}): check EVENTSTORE_URL and that the server runs`;
  if (code === GRPC_DEADLINE_EXCEEDED)
    return 'EventStoreDB did not answer in time: check EVENTSTORE_URL and the server';
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
    return `PostgreSQL refused: ${firstLine(root.message)} (SQLSTATE ${code})`;
  return firstLine(root.message) || String(error);
}

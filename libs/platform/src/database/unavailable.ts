// Recognises "a dependency is unreachable" (the database or the event log is down, restarting
// or refusing connections) among the errors of pg, TypeORM and the EventStoreDB client, so
// that callers answer 503 with Retry-After instead of 500 and retry later.

/** Socket-level failures of a TCP connection (Node's error codes). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * PostgreSQL SQLSTATEs of an unavailable server: class 08 (connection exception), 57P01-57P03
 * (admin shutdown, crash shutdown, cannot connect now: starting up or in recovery), 53300 (too many
 * connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** pg reports a connection lost or never made with these messages and no code. */
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Connection is not established',
];

/** The EventStoreDB client's error types for a server it cannot reach or that lost leadership. */
const ESDB_UNAVAILABLE_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader']);

/**
 * gRPC status codes UNAVAILABLE (14) and DEADLINE_EXCEEDED (4): the EventStoreDB client lets a
 * raw gRPC error (a number `code` and `details`) through when it cannot learn the server's
 * features before a first append.
 */
const GRPC_UNAVAILABLE_CODES = new Set([4, 14]);

function isUnavailableItself(error: object): boolean {
  const { code, type, message, details, syscall } = error as {
    code?: unknown;
    type?: unknown;
    message?: unknown;
    details?: unknown;
    syscall?: unknown;
  };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  // A Unix socket that is not there: the server is stopped (it removes its socket) or not yet listening.
  if (code === 'ENOENT' && syscall === 'connect') return true;
  if (typeof code === 'number' && typeof details === 'string' && GRPC_UNAVAILABLE_CODES.has(code))
    return true;
  if (typeof type === 'string' && ESDB_UNAVAILABLE_TYPES.has(type)) return true;
  return typeof message === 'string' && PG_CONNECTION_MESSAGES.some((m) => message.startsWith(m));
}

/** True when the error (or what it wraps: TypeORM's driverError, a cause, an AggregateError) is an unreachable dependency. */
export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  if (isUnavailableItself(error)) return true;
  const { driverError, cause, errors } = error as {
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (isDependencyUnavailable(driverError, depth + 1) || isDependencyUnavailable(cause, depth + 1))
    return true;
  return Array.isArray(errors) && errors.some((e) => isDependencyUnavailable(e, depth + 1));
}

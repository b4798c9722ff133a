// One log line per HTTP request, with the request id (X-Request-Id, given or made, echoed on the
// response), who asked (actor, role), for which municipality, the command type and id of a
// command, and the problem code and status of a refusal. LOG_REQUESTS=0 turns the lines off (the
// request id and the request's logger stay). The line is written once, when the answer is done,
// with no logger made per request: this runs on every command.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const MUNICIPALITY_PATH = /^\/v1\/municipalities\/([^/?]+)/;
const COMMAND_PATH = /^\/v1\/commands(?:\/([A-Za-z]+))?\/?$/;

/** What the api knows about a request by the time it answers (set by the guard and the problem filter). */
interface AnsweredRequest extends IncomingMessage {
  originalUrl?: string;
  body?: unknown;
  principal?: { sub: string; role: string; municipality: string };
}

interface ProblemNote {
  status: number;
  type?: string;
  code?: unknown;
}

/** Records the problem a response carries, for its log line. */
export function noteProblem(res: ServerResponse, problem: ProblemNote): void {
  (res as ServerResponse & { problem?: ProblemNote }).problem = problem;
}

/** The request id of a request (after the http logger ran). */
export function requestIdOf(req: object): string | undefined {
  const id = (req as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The line's fields that only the answer knows. */
function answeredFields(req: AnsweredRequest, res: ServerResponse): Record<string, unknown> {
  const path = (req.originalUrl ?? req.url ?? '').split('?')[0];
  const command = COMMAND_PATH.exec(path);
  const problem = (res as ServerResponse & { problem?: ProblemNote }).problem;
  const commandId = command?.[1] ? field(req.body, 'commandId') : undefined;
  const batch = command && !command[1] ? field(req.body, 'commands') : undefined;
  return {
    path,
    actor: req.principal?.sub,
    role: req.principal?.role,
    municipality:
      MUNICIPALITY_PATH.exec(path)?.[1] ??
      (typeof field(req.body, 'municipality') === 'string' ? field(req.body, 'municipality') : undefined) ??
      req.principal?.municipality,
    commandType: command ? (command[1] ?? 'batch') : undefined,
    commandId: typeof commandId === 'string' ? commandId : undefined,
    commands: Array.isArray(batch) ? batch.length : undefined,
    problem: problem && {
      status: problem.status,
      type: problem.type,
      code: typeof problem.code === 'string' ? problem.code : undefined,
    },
  };
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const HTTP_LOGGER = Symbol('http logger');

interface LoggedRequest extends IncomingMessage {
  id?: string;
  [HTTP_LOGGER]?: Logger;
}

/** The logger of a request, bound to its request id (the process's own for a request the http logger never saw). */
export function requestLogger(req: object, fallback: () => Logger): Logger {
  const logger = (req as LoggedRequest)[HTTP_LOGGER];
  return logger ? logger.child({ requestId: requestIdOf(req) }) : fallback();
}

function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export function httpLogger(logger: Logger): Middleware {
  const log = logger.child({ component: 'http' });
  const linePerRequest = process.env.LOG_REQUESTS !== '0';
  return (req: LoggedRequest, res, next) => {
    req.id = requestIdFor(req);
    req[HTTP_LOGGER] = log;
    res.setHeader('x-request-id', req.id);
    if (linePerRequest && log.isLevelEnabled('info')) {
      const started = Date.now();
      res.once('close', () => logAnswer(log, req, res, Date.now() - started));
    }
    next();
  };
}

/** An answer of 500 or more is an error; a connection closed before the answer was complete is said so. */
function logAnswer(log: Logger, req: LoggedRequest, res: ServerResponse, responseTime: number): void {
  const line = {
    requestId: req.id,
    req: { method: req.method },
    res: { status: res.statusCode },
    responseTime,
    ...answeredFields(req, res),
  };
  if (res.statusCode >= 500)
    log.error({ ...line, err: new Error(`failed with status code ${res.statusCode}`) }, 'request failed');
  else log.info(line, res.writableFinished ? 'request answered' : 'request aborted');
}

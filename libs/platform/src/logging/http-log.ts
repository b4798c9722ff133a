// One log line per HTTP request, with the request id (X-Request-Id, given or made, echoed on the
// response), who asked (actor, role), for which municipality, the command type and id of a
// command, and the problem code and status of a refusal. LOG_REQUESTS=0 turns the lines off (the
// request id and the request's logger stay). The line is written once, when the answer is done,
// with no logger made per request: this runs on every command.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const MUNICIPALITY_PATH = /^\/v1\/municipalities\/([^/?]+)/;
const COMMAND_PATH = /^\/v1\/commands(?:\/([A-Za-z]+))?\/?$/;

const HTTP_LOGGER = Symbol('http logger');

/** What the api knows about a request by the time it answers (set by the guard and the problem filter). */
interface AnsweredRequest extends FastifyRequest {
  principal?: { sub: string; role: string; municipality: string };
  [HTTP_LOGGER]?: Logger;
}

interface ProblemNote {
  status: number;
  type?: string;
  code?: unknown;
}

const PROBLEM = Symbol('problem');

/** Records the problem a response carries, for its log line. */
export function noteProblem(reply: FastifyReply, problem: ProblemNote): void {
  (reply as FastifyReply & { [PROBLEM]?: ProblemNote })[PROBLEM] = problem;
}

/**
 * The request id of a request: the caller's X-Request-Id when it is a sane token, else a new
 * UUID. Fastify's `genReqId`, so that it is the request's `id`.
 */
export function requestIdFor(req: Pick<IncomingMessage, 'headers'>): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The line's fields that only the answer knows. */
function answeredFields(req: AnsweredRequest, reply: FastifyReply): Record<string, unknown> {
  const path = req.originalUrl.split('?')[0];
  const command = COMMAND_PATH.exec(path);
  const problem = (reply as FastifyReply & { [PROBLEM]?: ProblemNote })[PROBLEM];
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

/** The logger of a request, bound to its request id (the process's own for a request the http logger never saw). */
export function requestLogger(req: FastifyRequest, fallback: () => Logger): Logger {
  const logger = (req as AnsweredRequest)[HTTP_LOGGER];
  return logger ? logger.child({ requestId: req.id }) : fallback();
}

/**
 * A Fastify onRequest hook: echoes the request id and, once the answer is done (or the
 * connection closed before), writes the request's line.
 */
export function httpLogger(
  logger: Logger,
): (req: FastifyRequest, reply: FastifyReply, done: () => void) => void {
  const log = logger.child({ component: 'http' });
  const linePerRequest = process.env.LOG_REQUESTS !== '0';
  return (req: AnsweredRequest, reply, done) => {
    req[HTTP_LOGGER] = log;
    reply.header('x-request-id', req.id);
    if (linePerRequest && log.isLevelEnabled('info')) {
      const started = Date.now();
      reply.raw.once('close', () => logAnswer(log, req, reply, Date.now() - started));
    }
    done();
  };
}

/** An answer of 500 or more is an error; a connection closed before the answer was complete is said so. */
function logAnswer(log: Logger, req: AnsweredRequest, reply: FastifyReply, responseTime: number): void {
  const status = reply.raw.statusCode;
  const line = {
    requestId: req.id,
    req: { method: req.method },
    res: { status },
    responseTime,
    ...answeredFields(req, reply),
  };
  if (status >= 500)
    log.error({ ...line, err: new Error(`failed with status code ${status}`) }, 'request failed');
  else log.info(line, reply.raw.writableFinished ? 'request answered' : 'request aborted');
}

// One log line per HTTP request (pino-http), with the request id (X-Request-Id, given or made,
// echoed on the response), who asked (actor, role), for which municipality, the command type and
// id of a command, and the problem code and status of a refusal. LOG_REQUESTS=0 turns the lines
// off (the per-request logger stays).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp, type HttpLogger } from 'pino-http';
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

export function httpLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger: logger.child({ component: 'http' }),
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId: (req, res) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: () => process.env.LOG_REQUESTS === '0' },
    serializers: {
      req: (req: { method: string }) => ({ method: req.method }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    // Called at the start (nothing known yet) and at the answer: the fields are bound once, at the answer.
    customProps: (req, res) => (res.headersSent ? answeredFields(req as AnsweredRequest, res) : {}),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request answered',
    customErrorMessage: () => 'request failed',
  });
}

// Logs: one JSON object per line on standard output (pino), with an ISO time, the level as a
// word, the process and the component; LOG_LEVEL (default info) chooses how much. Nest's own
// lines go through the same logger, its start-up chatter (modules loaded, every route mapped) at
// debug, so that at info a start shows what matters.
import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function createLogger(
  level: string = process.env.LOG_LEVEL || 'info',
  destination?: DestinationStream,
): Logger {
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(level)}`);
  const options = {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    base: { pid: process.pid },
  };
  return destination ? pino(options, destination) : pino(options);
}

let processLogger: Logger | null = null;

/** The process's logger (made on first use, from LOG_LEVEL). */
export function rootLogger(): Logger {
  return (processLogger ??= createLogger());
}

/** Nest's start-up chatter: its modules, routes and "successfully started" lines. */
const START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/** Nest's LoggerService on pino. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  private write(
    level: 'error' | 'warn' | 'info' | 'debug' | 'trace',
    message: unknown,
    context: unknown[],
  ): void {
    const last = context[context.length - 1];
    const name = typeof last === 'string' ? last : undefined;
    const fields = {
      context: name,
      ...(typeof message === 'object' && message !== null ? message : { msg: String(message) }),
    };
    this.logger[level](fields);
  }

  log(message: unknown, ...context: unknown[]): void {
    const last = context[context.length - 1];
    this.write(typeof last === 'string' && START_UP_CONTEXTS.has(last) ? 'debug' : 'info', message, context);
  }
  /** Nest passes (message, stack, context) or (message, context). */
  error(message: unknown, ...context: unknown[]): void {
    const [stack] = context.length > 1 ? context : [];
    this.write(
      'error',
      typeof stack === 'string' && typeof message === 'string' ? { msg: message, stack } : message,
      context,
    );
  }
  warn(message: unknown, ...context: unknown[]): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, ...context: unknown[]): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, ...context: unknown[]): void {
    this.write('trace', message, context);
  }
}

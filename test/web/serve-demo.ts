// `npm run web:demo`: the api with the web app on a throw-away embedded PostgreSQL holding the
// browser tests' data, on the development secret (so the development sign-in is offered), kept
// in .test-data/web-demo until the next demo starts. Stop with Ctrl-C.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@app/platform';
import { startWebScenarioSystem } from './web-scenario';

async function main(): Promise<void> {
  const dir = join(__dirname, '..', '..', '.test-data', 'web-demo');
  rmSync(dir, { recursive: true, force: true }); // what an earlier demo left
  const db = await startEmbeddedPostgres(dir);
  process.env.TEST_DATABASE_URL = db.url;
  process.env.LOG_REQUESTS = '0';
  const { system } = await startWebScenarioSystem({ env: { AUTH_JWT_SECRET: '', DATA_DIR: dir } });
  const port = Number(process.env.PORT ?? 3000);
  await system.api.listen(port);
  console.log(`web app: http://localhost:${port}/app/`);
  process.once('SIGINT', async () => {
    await system.close();
    await db.stop();
  });
}

void main();

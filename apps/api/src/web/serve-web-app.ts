// Serves the built web app (apps/web/dist, made by `npm run build`) at /app/. The app routes in
// the URL's fragment, so every page is /app/ itself and no fallback route is needed: a file that
// is not there is the api's 404 problem.
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, found from here both in the sources and in dist/. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export const WEB_APP_DIR = join(repositoryRoot(), 'apps', 'web', 'dist');

/**
 * /app/ and its files; /app is redirected (301) to /app/. The api's routes take a trailing slash
 * or none alike, so one route answers both /app and /app/.
 */
export async function serveWebApp(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyStatic, { root: WEB_APP_DIR, prefix: '/app/', index: false });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/app', (req, reply) => {
      const [path, query] = req.url.split(/\?(.*)/s);
      if (path.endsWith('/')) return reply.sendFile('index.html');
      return reply.redirect(`/app/${query ? `?${query}` : ''}`, 301);
    });
}

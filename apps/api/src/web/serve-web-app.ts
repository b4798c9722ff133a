// Serves the built web app (apps/web/dist, made by `npm run build`) at /app/. The app routes in
// the URL's fragment, so every page is /app/ itself and no fallback route is needed.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
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

export function serveWebApp(app: NestExpressApplication): void {
  app.use('/app', (req: Request, res: Response, next: NextFunction) => {
    if (req.originalUrl === '/app') return res.redirect(301, '/app/');
    next();
  });
  app.useStaticAssets(WEB_APP_DIR, { prefix: '/app/', index: 'index.html', fallthrough: true });
}

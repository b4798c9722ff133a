import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, NestPinoLogger, rootLogger, type Logger } from '@app/platform';
import { ProjectorModule, type ProjectorDependencies } from './projector.module';

export async function createProjectorApp(
  deps: ProjectorDependencies,
  options: { logs?: boolean; logger?: Logger } = {},
): Promise<INestApplicationContext> {
  const logger = (options.logs === false ? createLogger('silent') : (options.logger ?? rootLogger())).child({
    app: 'projector',
  });
  const app = await NestFactory.createApplicationContext(ProjectorModule.register({ ...deps, logger }), {
    logger: new NestPinoLogger(logger),
  });
  app.enableShutdownHooks();
  return app;
}

import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { jsonLogger } from '@app/platform/logging/json-logger';
import { ProjectorModule, type ProjectorDependencies } from './projector.module';

export async function createProjectorApp(deps: ProjectorDependencies, options: { logs?: boolean } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(ProjectorModule.register(deps), {
    logger: options.logs === false ? false : jsonLogger('projector'),
  });
  app.enableShutdownHooks();
  return app;
}

import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * Boots Fastify's plugins and routes once Nest has registered them, so that `app.init()` leaves
 * the server ready to answer: the tests send their requests to `getHttpServer()` without
 * `listen()`, which would otherwise boot it.
 */
@Injectable()
export class FastifyReady implements OnApplicationBootstrap {
  constructor(private readonly host: HttpAdapterHost) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.host.httpAdapter.getInstance<FastifyInstance>().ready();
  }
}

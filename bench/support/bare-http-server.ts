// A server that only answers a JSON POST, on one framework, as a process of its own: the bare
// HTTP rate of this machine for `npm run bench -- limits`. `node -r @swc-node/register
// bench/support/bare-http-server.ts <kind> <port>` prints "listening" when it takes requests.
import 'reflect-metadata';
import { createServer } from 'node:http';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import express from 'express';

export const BARE_HTTP_KINDS = ['node', 'express', 'nest-express', 'fastify', 'nest-fastify'] as const;
export type BareHttpKind = (typeof BARE_HTTP_KINDS)[number];

/** The answer: about the size of a command's (its id, position and one event). */
const answer = (body: unknown) => ({
  received: typeof body === 'object' && body !== null ? Object.keys(body).length : 0,
  position: '1',
  events: [{ id: '00000000-0000-0000-0000-000000000000', type: 'Answered', stream: 's', revision: 0 }],
});

@Controller()
class BareController {
  @Post('bare')
  @HttpCode(201)
  bare(@Body() body: unknown) {
    return answer(body);
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function listen(kind: BareHttpKind, port: number): Promise<void> {
  switch (kind) {
    case 'node':
      return new Promise((resolve) =>
        createServer((req, res) => {
          const chunks: Buffer[] = [];
          req.on('data', (c: Buffer) => chunks.push(c));
          req.on('end', () => {
            const body = JSON.stringify(answer(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
            res.writeHead(201, { 'content-type': 'application/json' }).end(body);
          });
        }).listen(port, '127.0.0.1', resolve),
      );
    case 'express': {
      const app = express();
      app.use(express.json());
      app.post('/bare', (req, res) => void res.status(201).json(answer(req.body)));
      return new Promise((resolve) => app.listen(port, '127.0.0.1', () => resolve()));
    }
    case 'nest-express': {
      const app = await NestFactory.create(BareModule, { logger: false });
      await app.listen(port, '127.0.0.1');
      return;
    }
    case 'fastify': {
      const { fastify } = await import('fastify');
      const app = fastify();
      app.post('/bare', async (req, reply) => reply.code(201).send(answer(req.body)));
      await app.listen({ port, host: '127.0.0.1' });
      return;
    }
    case 'nest-fastify': {
      const { FastifyAdapter } = await import('@nestjs/platform-fastify');
      const app = await NestFactory.create(BareModule, new FastifyAdapter(), { logger: false });
      await app.listen(port, '127.0.0.1');
      return;
    }
  }
}

if (require.main === module) {
  const [kind, port] = process.argv.slice(2);
  if (!(BARE_HTTP_KINDS as readonly string[]).includes(kind))
    throw new Error(`kind must be one of ${BARE_HTTP_KINDS.join(', ')}`);
  void listen(kind as BareHttpKind, Number(port)).then(() => console.log('listening'));
}

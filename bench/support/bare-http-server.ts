// A server that only answers a JSON POST, on one framework, as a process of its own: the bare
// HTTP rate of this machine for `npm run bench -- limits`. `node -r @swc-node/register
// bench/support/bare-http-server.ts <kind> <port> <database url>` prints "listening" when it
// takes requests. `nest-fastify-append` answers each POST only once a row for it is durably in
// the limits' event_log-shaped table (of the database url): the least a command does; and a POST
// of a batch of commands to /batch once a row for each is, by one COPY: the least a batch does.
import 'reflect-metadata';
import { createServer } from 'node:http';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import express from 'express';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { logRow } from './log-shaped';

export const BARE_HTTP_KINDS = [
  'node',
  'express',
  'nest-express',
  'fastify',
  'nest-fastify',
  'nest-fastify-append',
] as const;
export type BareHttpKind = (typeof BARE_HTTP_KINDS)[number];

/** Positions far above any the limits bench inserts itself. */
let position = 1e12;
const nextRow = () => logRow(++position);

/**
 * Rows appended in group commits, as the log appends commands: one INSERT in flight at a time,
 * carrying every row that came while the one before it committed.
 */
class GroupAppender {
  private waiting: { row: unknown[]; done: (error?: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly client: Client) {}

  append(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row: nextRow(), done: (e) => (e ? reject(e) : resolve()) });
      void this.write();
    });
  }

  private async write(): Promise<void> {
    if (this.writing || this.waiting.length === 0) return;
    this.writing = true;
    const group = this.waiting;
    this.waiting = [];
    const values = group.flatMap(({ row }) => row);
    const tuples = group.map((_, g) => `(${[1, 2, 3, 4, 5, 6, 7].map((c) => `$${g * 7 + c}`).join(', ')})`);
    let error: unknown;
    try {
      await this.client.query(`INSERT INTO log_shaped VALUES ${tuples.join(', ')}`, values);
    } catch (e) {
      error = e;
    }
    for (const { done } of group) done(error);
    this.writing = false;
    void this.write();
  }
}

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

let appender: GroupAppender;
let batchClient: Client;

/** One COPY of a row for each command, then an answer for each, as the batch endpoint gives. */
async function appendBatch(commands: unknown[]) {
  const copy = batchClient.query(copyFrom('COPY log_shaped FROM STDIN'));
  const done = new Promise((resolve, reject) => copy.once('finish', resolve).once('error', reject));
  copy.end(commands.map(() => `${nextRow().join('\t')}\n`).join(''));
  await done;
  return { results: commands.map((command) => ({ status: 201, ...answer(command) })) };
}

@Controller()
class AppendingController {
  @Post('bare')
  @HttpCode(201)
  async bare(@Body() body: unknown) {
    await appender.append();
    return answer(body);
  }

  @Post('batch')
  @HttpCode(200)
  batch(@Body() body: { commands: unknown[] }) {
    return appendBatch(body.commands);
  }
}

@Module({ controllers: [AppendingController] })
class AppendingModule {}

async function listen(kind: BareHttpKind, port: number, databaseUrl: string): Promise<void> {
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
    case 'nest-fastify-append': {
      const [client, copyClient] = [databaseUrl, databaseUrl].map(
        (url) => new Client({ connectionString: url }),
      );
      await Promise.all([client.connect(), copyClient.connect()]);
      appender = new GroupAppender(client);
      batchClient = copyClient;
      const { FastifyAdapter } = await import('@nestjs/platform-fastify');
      const app = await NestFactory.create(AppendingModule, new FastifyAdapter(), { logger: false });
      await app.listen(port, '127.0.0.1');
      return;
    }
  }
}

if (require.main === module) {
  const [kind, port, databaseUrl] = process.argv.slice(2);
  if (!(BARE_HTTP_KINDS as readonly string[]).includes(kind))
    throw new Error(`kind must be one of ${BARE_HTTP_KINDS.join(', ')}`);
  void listen(kind as BareHttpKind, Number(port), databaseUrl).then(() => console.log('listening'));
}

// Request bodies are JSON (application/json or application/*+json) in UTF-8, plain or gzip-,
// deflate- or brotli-compressed, at most BODY_LIMIT bytes once decompressed (a small gzip body cannot
// unpack into a large one). Anything else is refused before the guard and the controller run,
// as a BodyError the problem filter answers: 415 another media type, charset or encoding, 413
// too large, 400 malformed JSON or corrupt compression. An empty body reads as {}.
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Why a request body could not be read; `reason` names the kind of failure for the log, never the body. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly reason: string,
    message: string,
    readonly limit?: number,
  ) {
    super(message);
  }
}

const JSON_TYPE = /^application\/(?:[\w.!#$&^-]+\+)?json(?:$|;)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)/i;
/** Strict JSON, as body-parser read it: an object or an array. */
const OBJECT_OR_ARRAY = /^[\s]*[{[]/;

type Done = (error: Error | null, body?: unknown) => void;

function decoded(request: FastifyRequest, payload: Readable): Readable | BodyError {
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding === 'identity') return payload;
  if (encoding === 'gzip' || encoding === 'x-gzip') return payload.pipe(createGunzip());
  if (encoding === 'deflate') return payload.pipe(createInflate());
  if (encoding === 'br') return payload.pipe(createBrotliDecompress());
  return new BodyError(415, 'encoding.unsupported', `unsupported content encoding "${encoding}"`);
}

function parsed(text: string): unknown {
  if (text.length === 0) return {};
  if (!OBJECT_OR_ARRAY.test(text)) throw new SyntaxError('the body must be a JSON object or array');
  return JSON.parse(text);
}

/** Reads a JSON body from its stream (Fastify's parsers would answer their own errors, without the limit). */
function readJson(limit: number) {
  const tooLarge = () =>
    new BodyError(413, 'entity.too.large', `request entity larger than ${limit} bytes`, limit);
  return (request: FastifyRequest, payload: Readable, done: Done): void => {
    const charset = CHARSET.exec(request.headers['content-type'] ?? '')?.[1].toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
      return done(
        new BodyError(415, 'charset.unsupported', `unsupported charset "${charset.toUpperCase()}"`),
      );
    if (
      Number(request.headers['content-length']) > limit &&
      request.headers['content-encoding'] === undefined
    )
      return done(tooLarge());
    const source = decoded(request, payload);
    if (source instanceof BodyError) return done(source);
    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    const finish = (error: Error | null, body?: unknown) => {
      if (finished) return;
      finished = true;
      source.removeAllListeners('data');
      if (error && source !== payload) {
        payload.unpipe();
        source.destroy();
      }
      done(error, body);
    };
    source.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) finish(tooLarge());
      else chunks.push(chunk);
    });
    source.on('error', (error: NodeJS.ErrnoException) =>
      finish(new BodyError(400, error.code ?? 'unreadable body', error.message)),
    );
    source.on('end', () => {
      try {
        finish(null, parsed(Buffer.concat(chunks, received).toString('utf8')));
      } catch (error) {
        finish(new BodyError(400, 'entity.parse.failed', (error as Error).message));
      }
    });
  };
}

/** Replaces Fastify's body parsers (JSON and plain text) with the api's one. */
export function acceptJsonBodies(fastify: FastifyInstance, limit: number): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_TYPE, readJson(limit));
  fastify.addContentTypeParser('*', (request, _payload, done: Done) =>
    done(
      new BodyError(
        415,
        'media-type.unsupported',
        `the request body must be application/json, not ${request.headers['content-type'] ?? 'untyped'}`,
      ),
    ),
  );
}

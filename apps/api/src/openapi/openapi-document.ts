// The OpenAPI document of the api (served at /v1/openapi.json, browsable at /v1/docs): OpenAPI
// 3.1, whose schemas are JSON Schema 2020-12 — what zod emits — generated from the same zod
// schemas the domain validates with, so what is documented is what is accepted. Nest gives the
// paths and parameters of the controllers; this module gives every body, answer and problem.
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponsesObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { COMMAND_REGISTRY, COMMAND_TYPES, type CommandType } from '@app/domain';
import { CSV_TYPE, XLSX_TYPE } from '@app/read-models';
import { z } from 'zod';
import { MAX_BATCH } from '../commands/commands.controller';
import { COMMAND_EXAMPLES } from './command-examples';
import { ANSWER_SCHEMAS } from './http-schemas';

const ref = (id: string): ReferenceObject => ({ $ref: `#/components/schemas/${id}` });
const PROBLEM_TYPE = 'application/problem+json';

interface QueryAnswer {
  /** The schema of its JSON 200, or several where a parameter chooses (anyOf). */
  answer: string | string[];
  summary: string;
  pagedByLink?: true;
  /** Other media types than JSON the query answers in (by Accept or ?format=). */
  formats?: Record<string, SchemaObject>;
}

/** The answer (its 200) and summary of each query path, by the path as Nest names it. */
const QUERIES: Record<string, QueryAnswer> = {
  '/health': { answer: 'Health', summary: 'Whether the api can serve, and the lag of the read models' },
  '/health/ready': { answer: 'HealthReady', summary: 'Whether the database and the event log answer' },
  '/health/live': { answer: 'HealthLive', summary: 'Whether the process runs' },
  '/v1/municipalities/{m}/persons/{personId}/timeline': {
    answer: ['Timeline', 'TimelineHistory'],
    summary: "A person's target-group timeline (with history=true: every registration)",
    pagedByLink: true,
  },
  '/v1/municipalities/{m}/offers/{offerId}': {
    answer: 'Offer',
    summary: 'An offer with its expenses and mentor hours',
  },
  '/v1/municipalities/{m}/projects/{projectId}': {
    answer: 'Project',
    summary: 'A project with its participants, expenses and their shares',
  },
  '/v1/municipalities/{m}/ledger/entries': {
    answer: 'LedgerEntriesPage',
    summary: 'Ledger postings, filtered and paged (or all of them as CSV)',
    formats: {
      [CSV_TYPE]: {
        type: 'string',
        description:
          "every matching posting, streamed: ';' separated, decimal comma, UTF-8 with BOM, CRLF; a header row of the posting's field names; recordedAt in Danish local time (YYYY-MM-DD HH:MM:SS)",
      },
    },
  },
  '/v1/municipalities/{m}/ledger/entries/{entryId}/explanation': {
    answer: 'Explanation',
    summary: 'Why a posting is what it is (JSON, or a Danish account in HTML or text)',
    formats: {
      'text/html': {
        type: 'string',
        description:
          'the same as a readable account in Danish: the cost, the target group in its period, why this share, the rule and its sources by document, the arithmetic in kroner with the rounding, links to the postings it reverses or that reverse it',
      },
      'text/plain': { type: 'string', description: 'the Danish account as plain text' },
    },
  },
  '/v1/municipalities/{m}/ledger/summary': {
    answer: 'LedgerSummary',
    summary: 'Totals of amount and refund, grouped',
  },
  '/v1/municipalities/{m}/refund-statements/{year}': {
    answer: 'RefundStatement',
    summary: 'The refund statement of an accounting year (JSON, CSV or xlsx)',
    formats: {
      [CSV_TYPE]: {
        type: 'string',
        description:
          "CSV: ';' separated, decimal comma, UTF-8 with BOM, dates YYYY-MM-DD, times in Danish local time; one section per view (a sum row last) and one of the postings",
      },
      [XLSX_TYPE]: {
        type: 'string',
        format: 'binary',
        description:
          'a workbook with one sheet per view and one of the postings: frozen headers, autofilters, sum rows, date cells, times in Danish local time',
      },
    },
  },
  '/v1/municipalities/{m}/ledger/changes': {
    answer: 'LedgerChanges',
    summary: 'What changed between two instants, by causing command',
  },
  '/v1/municipalities/{m}/accounting-years/{year}/cap-parameters': {
    answer: 'CapParameterHistory',
    summary: "The settings of a year's cap parameters",
  },
  '/v1/municipalities/{m}/audit/replays/{jobId}': {
    answer: 'AuditJob',
    summary: 'An audit job: its progress and verdict',
  },
  '/v1/web/config': { answer: 'WebConfig', summary: "The web app's ways to sign in" },
  '/v1/web/session': { answer: 'WebSession', summary: 'Who the api takes the token for' },
  '/v1/dev/sign-in': { answer: 'DevSignInOffer', summary: 'Whether the development sign-in is offered' },
};

/** The answers of the POST paths other than the commands: status and schema. */
const POSTS: Record<string, { status: number; answer: string; problems: number[]; open?: true }> = {
  '/v1/municipalities/{m}/audit/replays': {
    status: 202,
    answer: 'ReplayStarted',
    problems: [400, 401, 403, 503],
  },
  '/v1/dev/sign-in': { status: 201, answer: 'DevSignIn', problems: [400, 404], open: true },
};

const PROBLEMS: Record<number, string> = {
  400: 'malformed or invalid input: `errors` names each bad field',
  401: 'no valid credentials (see WWW-Authenticate)',
  403: 'another municipality, or a role that may not do this',
  404: 'unknown resource',
  409: 'the commandId was used with another type or body, or a concurrency conflict persisted',
  413: 'the body is larger than the limit (named in `detail`)',
  415: 'the body is not application/json',
  422: 'well-formed, but breaks a domain rule: `code` says which',
  503: 'a dependency (the database, the event log) is unavailable: retry after Retry-After seconds',
};

const NEXT_PAGE_LINK = {
  description: 'when a further page follows: `<path?…&cursor=n>; rel="next"` (RFC 8288)',
  schema: {
    type: 'string',
    example: '</v1/municipalities/101/persons/p-1/timeline?limit=1&cursor=1>; rel="next"',
  },
} as const;

function problems(...statuses: number[]): ResponsesObject {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: PROBLEMS[s], content: { [PROBLEM_TYPE]: { schema: ref('Problem') } } },
    ]),
  );
}

/** The schemas of components.schemas: every command body, batch item, answer and the problem document. */
export function componentSchemas(): Record<string, SchemaObject> {
  const registry = z.registry<{ id: string }>();
  for (const type of COMMAND_TYPES) {
    const { schema } = COMMAND_REGISTRY[type];
    registry.add(schema.in, { id: type });
    registry.add(z.strictObject({ type: z.literal(type), ...schema.in.shape }), { id: `${type}Item` });
  }
  for (const [id, schema] of Object.entries(ANSWER_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out = schemas as Record<string, SchemaObject & { $schema?: string; $id?: string }>;
  for (const schema of Object.values(out)) {
    delete schema.$schema;
    delete schema.$id;
  }
  for (const type of COMMAND_TYPES) {
    Object.assign(out[type], {
      description: `the body of ${type} (API.md "Commands")`,
      example: COMMAND_EXAMPLES[type],
    });
    Object.assign(out[`${type}Item`], {
      description: `${type} in a batch`,
      example: { type, ...COMMAND_EXAMPLES[type] },
    });
  }
  out.BatchRequest = {
    type: 'object',
    required: ['commands'],
    additionalProperties: false,
    properties: {
      commands: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_BATCH,
        items: {
          oneOf: COMMAND_TYPES.map((t) => ref(`${t}Item`)),
          discriminator: {
            propertyName: 'type',
            mapping: Object.fromEntries(COMMAND_TYPES.map((t) => [t, `#/components/schemas/${t}Item`])),
          },
        },
      },
    },
  };
  return out;
}

function commandOperation(type: CommandType): OperationObject {
  const { issuer } = COMMAND_REGISTRY[type];
  return {
    operationId: `send${type}`,
    tags: ['commands'],
    summary: `Send ${type}`,
    description: `Sent by role ${issuer} (or admin) of the body's municipality. The same commandId, type and body again answers 200 with the original result and appends nothing.`,
    parameters: [{ $ref: '#/components/parameters/CorrelationId' }],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: ref(type), example: COMMAND_EXAMPLES[type] } },
    },
    responses: {
      201: {
        description: 'accepted: the events appended',
        content: { 'application/json': { schema: ref('CommandResult') } },
      },
      200: {
        description:
          'a retry of an accepted command (its original result), or a command that changes nothing',
        content: { 'application/json': { schema: ref('CommandResult') } },
      },
      ...problems(400, 401, 403, 409, 413, 415, 422, 503),
    },
  };
}

const DATE_PARAMETERS = new Set(['activityFrom', 'activityTo']);
const INSTANT_PARAMETERS = new Set(['asOf', 'from', 'to']);

function describeParameters(operation: OperationObject): void {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  operation.parameters = parameters.filter((p) => p.name !== 'x-correlation-id');
  for (const p of operation.parameters as ParameterObject[]) {
    const schema = (p.schema ?? {}) as SchemaObject;
    if (DATE_PARAMETERS.has(p.name)) p.schema = { ...schema, type: 'string', format: 'date' };
    if (INSTANT_PARAMETERS.has(p.name)) p.schema = { ...schema, type: 'string', format: 'date-time' };
    if (p.in === 'path' && p.name === 'm') {
      p.description = 'the municipality (three-digit kommunekode)';
      p.schema = { type: 'string', pattern: '^\\d{3}$', example: '101' };
    }
  }
}

function describeQuery(path: string, operation: OperationObject): void {
  describeParameters(operation);
  const query = QUERIES[path];
  const answer = query?.answer;
  if (query) operation.summary ??= query.summary;
  const ok = operation.responses?.['200'] as { description?: string } | undefined;
  const content: Record<string, { schema: SchemaObject | ReferenceObject }> = answer
    ? {
        'application/json': {
          schema: typeof answer === 'string' ? ref(answer) : { anyOf: answer.map(ref) },
        },
      }
    : {};
  for (const [type, schema] of Object.entries(query?.formats ?? {})) content[type] = { schema };
  const ofMunicipality = path.startsWith('/v1/municipalities/');
  if (path === '/v1/dev/sign-in') {
    operation.responses = {
      200: { description: ok?.description ?? 'the answer', content },
      ...problems(404),
    };
    operation.security = [];
    return;
  }
  operation.responses = {
    ...operation.responses,
    200: {
      description: ok?.description ?? 'the answer',
      ...(answer ? { content } : {}),
      ...(query?.pagedByLink ? { headers: { Link: NEXT_PAGE_LINK } } : {}),
    },
    ...problems(...(ofMunicipality ? [400, 401, 403, 404, 503] : [503])),
  };
  if (path.startsWith('/health')) operation.security = [];
}

/** Fills the document Nest made from the controllers with the schemas, per-command paths and problem answers. */
export function describeDocument(document: OpenAPIObject): OpenAPIObject {
  const paths: OpenAPIObject['paths'] = {};
  for (const [path, item] of Object.entries(document.paths)) {
    if (path === '/v1/commands/{type}') {
      for (const type of COMMAND_TYPES) paths[`/v1/commands/${type}`] = { post: commandOperation(type) };
      continue;
    }
    if (path === '/v1/commands' && item.post) {
      describeParameters(item.post);
      item.post.parameters = [{ $ref: '#/components/parameters/CorrelationId' }];
      item.post.requestBody = {
        required: true,
        content: { 'application/json': { schema: ref('BatchRequest') } },
      };
      item.post.responses = {
        200: {
          description: 'one result per command, in order, each with its own status',
          content: { 'application/json': { schema: ref('BatchResult') } },
        },
        ...problems(400, 401, 403, 413, 415, 503),
      };
    }
    if (item.get) describeQuery(path, item.get);
    const post = POSTS[path];
    if (post && item.post) {
      describeParameters(item.post);
      const answered = Object.values(item.post.responses ?? {})[0] as { description?: string } | undefined;
      item.post.responses = {
        [post.status]: {
          description: answered?.description ?? 'the answer',
          content: { 'application/json': { schema: ref(post.answer) } },
        },
        ...problems(...post.problems),
      };
      if (post.open) item.post.security = [];
    }
    for (const operation of [item.get, item.post, item.put, item.delete])
      if (operation) operation.summary ??= operation.operationId;
    paths[path] = item;
  }
  return {
    ...document,
    paths,
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, ...componentSchemas() },
      parameters: {
        CorrelationId: {
          name: 'x-correlation-id',
          in: 'header',
          required: false,
          description: "carried into the events' metadata and the logs; default the commandId",
          schema: { type: 'string', maxLength: 128 },
        },
      },
    },
  };
}

/** The OpenAPI document of the running app. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const base = new DocumentBuilder()
    .setTitle('Refund ledger')
    .setDescription(
      'Commands from jobcentre systems and municipal finance; timelines, ledgers, explanations and refund statements for finance and auditors. ' +
        'The HTTP contract of API.md: money as strings in kroner with two decimals, dates YYYY-MM-DD, errors as application/problem+json.',
    )
    .setOpenAPIVersion('3.1.0')
    .setVersion('1')
    .setLicense('UNLICENSED', 'https://choosealicense.com/no-permission/')
    .addServer('/', 'the server this document is served by')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
  return describeDocument(SwaggerModule.createDocument(app, base));
}

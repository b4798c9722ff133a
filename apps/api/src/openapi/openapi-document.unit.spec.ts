import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { OpenAPIObject } from '@nestjs/swagger';
import { COMMAND_REGISTRY, COMMAND_TYPES } from '@app/domain';
import { COMMAND_EXAMPLES } from './command-examples';
import { offlineOpenApiDocument } from './offline-document';

let document: OpenAPIObject;
beforeAll(async () => {
  document = await offlineOpenApiDocument();
});

const schemas = () =>
  document.components!.schemas as Record<
    string,
    Record<string, unknown> & { properties: Record<string, Record<string, unknown>> }
  >;
const json = (content: unknown) =>
  (content as Record<string, { schema: { $ref?: string } }>)['application/json'].schema.$ref;

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with servers, a title and bearer authentication', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toBe('Refund ledger');
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('describes every command body from its zod schema: fields, enums, formats, and an example the schema accepts', () => {
    for (const type of COMMAND_TYPES) {
      const schema = schemas()[type];
      expect(schema).toMatchObject({ type: 'object', additionalProperties: false });
      expect(schema.required).toEqual(expect.arrayContaining(['commandId', 'municipality']));
      expect(() => COMMAND_REGISTRY[type].parse(schema.example)).not.toThrow();
      expect(schema.example).toEqual(COMMAND_EXAMPLES[type]);
    }
    expect(schemas().RecordOfferExpense.properties.expenseType.enum).toContain('course_fee');
    expect(schemas().RegisterOffer.properties.startDate).toMatchObject({ type: 'string', format: 'date' });
    expect(schemas().ChangeTargetGroup.properties.targetGroup.enum).toContain('sygedagpenge');
    expect(schemas().RegisterOffer.properties.offerCategory).toMatchObject({
      anyOf: [{ anyOf: [{ type: 'integer' }, { type: 'string' }] }, { type: 'null' }],
    });
  });

  it('has one path per command with its body, the command result and the problem answers', () => {
    for (const type of COMMAND_TYPES) {
      const operation = document.paths[`/v1/commands/${type}`].post!;
      expect(
        json(
          operation.requestBody && 'content' in operation.requestBody
            ? operation.requestBody.content
            : undefined,
        ),
      ).toBe(`#/components/schemas/${type}`);
      expect(Object.keys(operation.responses).sort()).toEqual([
        '200',
        '201',
        '400',
        '401',
        '403',
        '409',
        '413',
        '415',
        '422',
        '503',
      ]);
      expect(json((operation.responses[201] as { content: unknown }).content)).toBe(
        '#/components/schemas/CommandResult',
      );
      expect(
        (operation.responses[422] as { content: Record<string, { schema: unknown }> }).content[
          'application/problem+json'
        ].schema,
      ).toEqual({ $ref: '#/components/schemas/Problem' });
    }
    expect(document.paths['/v1/commands/{type}']).toBeUndefined();
    expect(document.components?.parameters?.CorrelationId).toMatchObject({
      name: 'x-correlation-id',
      in: 'header',
      required: false,
    });
  });

  it("describes the answer of every query of a municipality's data, and the statement as JSON, CSV and xlsx", () => {
    const gets = Object.entries(document.paths).filter(
      ([path, item]) => item.get && (path.startsWith('/v1/municipalities/') || path === '/health'),
    );
    expect(gets.length).toBeGreaterThanOrEqual(8);
    for (const [path, item] of gets) {
      const ok = item.get!.responses[200] as {
        content?: Record<string, { schema: { $ref?: string; anyOf?: { $ref: string }[] } }>;
      };
      const schema = ok.content?.['application/json']?.schema;
      for (const ref of schema?.anyOf?.map((s) => s.$ref) ?? [schema?.$ref])
        expect({ path, ref }).toEqual({ path, ref: expect.stringMatching(/^#\/components\/schemas\//) });
    }
    const statement = document.paths['/v1/municipalities/{m}/refund-statements/{year}'].get!
      .responses[200] as { content: Record<string, unknown> };
    expect(Object.keys(statement.content).sort()).toEqual([
      'application/json',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv',
    ]);
    const entries = document.paths['/v1/municipalities/{m}/ledger/entries'].get!;
    expect(entries.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'activityFrom',
          schema: expect.objectContaining({ format: 'date' }),
        }),
      ]),
    );
  });

  it('is what the client types in apps/web/src/api/openapi.d.ts were generated from (npm run web:api-types renews them)', () => {
    const fresh = execFileSync(
      process.execPath,
      ['-r', '@swc-node/register', 'scripts/openapi.ts', '--types'],
      { encoding: 'utf8' },
    );
    expect(readFileSync('apps/web/src/api/openapi.d.ts', 'utf8')).toBe(fresh);
  });
});

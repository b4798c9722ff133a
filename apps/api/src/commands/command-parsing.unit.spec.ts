// Command bodies are checked by zod's compiled parser (libs/domain's check), which must accept and
// refuse exactly what the schema's own parser does: every command type's example body, and each
// of its fields (at any depth) replaced by a poison value, removed, or joined by an unknown field.
import { COMMAND_TYPES, getCommandDefinition, InvalidCommandError } from '@app/domain';
import { COMMAND_EXAMPLES } from '../openapi/command-examples';

const POISON: unknown[] = [
  null,
  NaN,
  Infinity,
  -Infinity,
  -0,
  0.5,
  -1,
  1e21,
  2 ** 53,
  true,
  '',
  ' ',
  'a\u0000b',
  'a\uD800b',
  'x'.repeat(5000),
  '2025-02-30',
  '1e3',
  '12.345',
  '-0.01',
  '99999999999.99',
  [],
  [null],
  {},
  { extra: 1 },
];

/** The body with one change: a member replaced by each poison, removed, or an unknown member added. */
function* variants(value: unknown): Generator<unknown> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++)
      for (const changed of [...POISON, ...variants(value[i])])
        yield value.map((v, j) => (j === i ? changed : v));
    yield [...value, value[0]];
    yield [];
  } else if (value !== null && typeof value === 'object') {
    const fields = value as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      for (const changed of [...POISON, ...variants(fields[key])]) yield { ...fields, [key]: changed };
      const { [key]: _removed, ...rest } = fields;
      yield rest;
    }
    yield { ...fields, unknownField: 'x' };
  }
}

const outcome = (parse: () => unknown) => {
  try {
    return { accepted: parse() };
  } catch (error) {
    if (error instanceof InvalidCommandError && error.errors.length > 0) return { refused: true };
    throw error;
  }
};

it.each(COMMAND_TYPES)('parses %s as its schema does, whatever the body holds', (type) => {
  const definition = getCommandDefinition(type)!;
  const bodies = [COMMAND_EXAMPLES[type], ...variants(COMMAND_EXAMPLES[type])];
  let refused = 0;
  for (const body of bodies) {
    const ownParser = definition.schema.safeParse(body);
    const parsed = outcome(() => definition.parse(body));
    expect([body, parsed]).toEqual([
      body,
      ownParser.success ? { accepted: ownParser.data } : { refused: true },
    ]);
    if (!ownParser.success) refused++;
  }
  expect(outcome(() => definition.parse(COMMAND_EXAMPLES[type]))).toHaveProperty('accepted');
  expect(refused).toBeGreaterThan(bodies.length / 2);
});

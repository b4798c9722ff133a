import { z } from 'zod';
import { envelopeShape } from './command-envelope';
import { InvalidCommandError } from './invalid-command.error';
import { check } from './schema';

/**
 * The schema of a command type: its body as API.md defines it (the envelope plus `body`; any
 * other field is refused), parsed into the command with its `type`.
 */
export function commandSchema<T extends string, S extends z.core.$ZodLooseShape>(type: T, body: S) {
  return z.strictObject({ ...envelopeShape, ...body }).transform((fields) => ({ type, ...fields }));
}

/** The parser of a command schema; throws InvalidCommandError listing every bad field. */
export function commandParser<C>(type: string, schema: z.ZodType<C>): (input: unknown) => C {
  return (input) => {
    const result = check(schema, input);
    if (!result.ok) throw new InvalidCommandError(type, result.issues);
    return result.value;
  };
}

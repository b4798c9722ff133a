import { envelopeShape } from './command-envelope';
import { InvalidCommandError } from './invalid-command.error';
import { check, literal, object, type ObjectOf, type Schema } from './schema';

export type ParsedCommand<T extends string, S extends Record<string, Schema<unknown>>> = ObjectOf<S> & {
  type: T;
  commandId: string;
  municipality: string;
};

/**
 * Builds the parser of a command type: the envelope (type, commandId, municipality) plus the
 * body shape of API.md. Unknown fields are dropped. Throws InvalidCommandError listing every issue.
 */
export function commandParser<T extends string, S extends Record<string, Schema<unknown>>>(
  type: T,
  body: S,
): (input: unknown) => ParsedCommand<T, S> {
  const schema = object({ type: literal(type), ...envelopeShape, ...body });
  return (input) => {
    const result = check(schema, input);
    if (!result.ok) throw new InvalidCommandError(type, result.issues);
    return result.value as unknown as ParsedCommand<T, S>;
  };
}

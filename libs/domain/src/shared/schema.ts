// Untrusted input — command bodies and stored event data — is checked with zod schemas. This
// module turns zod's issues into the `errors` of a problem document (API.md "Conventions"):
// one message per field, "is required" for a missing one, and an unknown field named with the
// known field it is closest to.
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';

export interface Issue {
  path: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** The message of a field's wrong value; a missing field falls through to "is required". */
export const says = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? undefined : message),
});

const fallback = (issue: { input?: unknown; code?: string; expected?: unknown }): string | undefined => {
  if (issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_type')
    return issue.expected === 'object' ? 'must be a JSON object' : `must be ${String(issue.expected)}`;
  return undefined;
};

/**
 * Each schema's clone with zod's ahead-of-time compiled parser, made on its first check: every
 * command and every event read or written is checked, and the compiled parser takes a quarter of
 * the time. Valid input takes the compiled path; invalid input the regular parser, so the issues
 * are the same. A schema zod cannot compile is its own clone.
 */
const compiled = new WeakMap<z.ZodType, z.ZodType>();

function compiledOf<S extends z.ZodType>(schema: S): S {
  let parser = compiled.get(schema) as S | undefined;
  if (parser === undefined) {
    parser = z.compile(schema);
    compiled.set(schema, parser);
  }
  return parser;
}

/** Runs a schema over a value; every bad field gets one issue. */
export function check<S extends z.ZodType>(schema: S, value: unknown): Result<z.output<S>> {
  const result = compiledOf(schema).safeParse(value, { error: fallback });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: issuesOf(schema, result.error) };
}

const pathText = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`,
    '',
  ) || 'value';

function issuesOf(schema: z.ZodType, error: z.ZodError): Issue[] {
  const issues = new Map<string, string>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, issue.path);
      for (const key of issue.keys)
        issues.set(pathText([...issue.path, key]), unknownFieldMessage(key, known));
    } else {
      const path = pathText(issue.path);
      if (!issues.has(path)) issues.set(path, issue.message);
    }
  }
  return [...issues].map(([path, message]) => ({ path, message }));
}

function unknownFieldMessage(key: string, known: string[]): string {
  const near = known.length ? closest(key, known) : undefined;
  const close =
    near !== undefined &&
    (near.toLowerCase() === key.toLowerCase() ||
      distance(near, key) <= Math.max(1, Math.floor(near.length / 4)));
  return close ? `is not a known field; did you mean ${near}?` : 'is not a known field';
}

/** The keys the object schema at `path` defines (for "did you mean"). */
function knownKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const inner = (def.innerType ?? def.in) as z.core.$ZodType | undefined;
  if (inner) return knownKeysAt(inner, path);
  if (def.type === 'object') {
    const shape = def.shape as Record<string, z.core.$ZodType>;
    if (path.length === 0) return Object.keys(shape);
    const next = shape[String(path[0])];
    return next ? knownKeysAt(next, path.slice(1)) : [];
  }
  if (def.type === 'array' && path.length > 0)
    return knownKeysAt(def.element as z.core.$ZodType, path.slice(1));
  return [];
}

/** For command input: an optional field may also be sent as null; both mean absent. */
export function maybe<S extends z.ZodType>(schema: S) {
  return schema
    .nullish()
    .transform((value) => value ?? undefined)
    .optional();
}

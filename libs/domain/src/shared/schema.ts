// A very small schema toolkit (hand-written guards) for untrusted input: command bodies and
// stored event data. A schema checks a value, records issues by path and returns the value
// (objects are rebuilt with their known keys only). Callers check `issues.length`.
import { isValidIsoDate } from './iso-date';

export interface Issue {
  path: string;
  message: string;
}

export type Schema<T> = (value: unknown, path: string, issues: Issue[]) => T;
export type Infer<S> = S extends Schema<infer T> ? T : never;

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Runs a schema over a value. */
export function check<T>(schema: Schema<T>, value: unknown): Result<T> {
  const issues: Issue[] = [];
  const out = schema(value, '', issues);
  return issues.length === 0 ? { ok: true, value: out } : { ok: false, issues };
}

const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
const label = (path: string): string => (path === '' ? 'value' : path);
const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

export function string(opts: { min?: number; max?: number; pattern?: RegExp; message?: string } = {}): Schema<string> {
  const min = opts.min ?? 0;
  return (value, path, issues) => {
    if (typeof value !== 'string') {
      issues.push({ path: label(path), message: `must be a string, got ${describe(value)}` });
    } else if (value.length < min || (opts.max !== undefined && value.length > opts.max)) {
      issues.push({
        path: label(path),
        message: opts.max !== undefined ? `must have ${min}-${opts.max} characters` : `must have at least ${min} characters`,
      });
    } else if (opts.pattern && !opts.pattern.test(value)) {
      issues.push({ path: label(path), message: opts.message ?? `must match ${String(opts.pattern)}` });
    }
    return value as string;
  };
}

/** A non-empty free text of at most `max` characters (reasons, names, invoice references). */
export const text = (max = 1000): Schema<string> => string({ min: 1, max });

export function oneOf<const V extends readonly (string | number)[]>(values: V): Schema<V[number]> {
  return (value, path, issues) => {
    if (!(values as readonly unknown[]).includes(value)) {
      issues.push({ path: label(path), message: `must be one of ${values.join(', ')}` });
    }
    return value as V[number];
  };
}

export function literal<const V extends string | number>(expected: V): Schema<V> {
  return (value, path, issues) => {
    if (value !== expected) issues.push({ path: label(path), message: `must be ${String(expected)}` });
    return value as V;
  };
}

/** An existing calendar date `YYYY-MM-DD` (2025-02-30 is refused). */
export function isoDate(): Schema<string> {
  return (value, path, issues) => {
    if (typeof value !== 'string' || !isValidIsoDate(value)) {
      issues.push({ path: label(path), message: 'must be a valid calendar date YYYY-MM-DD' });
    }
    return value as string;
  };
}

export function integer(opts: { min?: number; max?: number } = {}): Schema<number> {
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      issues.push({ path: label(path), message: 'must be a safe integer' });
    } else if ((opts.min !== undefined && value < opts.min) || (opts.max !== undefined && value > opts.max)) {
      issues.push({ path: label(path), message: `must be between ${opts.min ?? '-∞'} and ${opts.max ?? '∞'}` });
    }
    return value as number;
  };
}

export function boolean(): Schema<boolean> {
  return (value, path, issues) => {
    if (typeof value !== 'boolean') issues.push({ path: label(path), message: 'must be a boolean' });
    return value as boolean;
  };
}

/** Any JSON value, kept as is (e.g. rule citations recorded for audit). */
export function json(): Schema<unknown> {
  return (value) => value;
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return (value, path, issues) => (value === null ? null : schema(value, path, issues));
}

export function optional<T>(schema: Schema<T>): Schema<T | undefined> {
  return (value, path, issues) => (value === undefined ? undefined : schema(value, path, issues));
}

export function array<T>(item: Schema<T>, opts: { max?: number } = {}): Schema<T[]> {
  return (value, path, issues) => {
    if (!Array.isArray(value)) {
      issues.push({ path: label(path), message: `must be an array, got ${describe(value)}` });
      return value as T[];
    }
    if (opts.max !== undefined && value.length > opts.max) {
      issues.push({ path: label(path), message: `must have at most ${opts.max} items` });
    }
    return value.map((v, i) => item(v, at(path, i), issues));
  };
}

/** A value that passes any one of the schemas (the first that passes is used). */
export function union<A, B>(a: Schema<A>, b: Schema<B>, message: string): Schema<A | B> {
  return (value, path, issues) => {
    for (const s of [a, b] as Schema<A | B>[]) {
      const local: Issue[] = [];
      const out = s(value, path, local);
      if (local.length === 0) return out;
    }
    issues.push({ path: label(path), message });
    return value as A | B;
  };
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: undefined extends Infer<S[K]> ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined>;
};

/**
 * A plain object with the given keys. Optional keys that are absent (or undefined) are left out
 * of the result. `strict` refuses unknown keys (stored event data); otherwise they are dropped
 * (command bodies may carry fields this version does not know, e.g. the batch `type`).
 */
export function object<S extends Shape>(shape: S, opts: { strict?: boolean } = {}): Schema<ObjectOf<S>> {
  return (value, path, issues) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({ path: label(path), message: `must be an object, got ${describe(value)}` });
      return value as ObjectOf<S>;
    }
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const v = Object.prototype.hasOwnProperty.call(input, key) ? input[key] : undefined;
      const parsed = shape[key](v, at(path, key), issues);
      if (parsed !== undefined) out[key] = parsed;
    }
    if (opts.strict) {
      for (const key of Object.keys(input)) {
        if (!Object.prototype.hasOwnProperty.call(shape, key)) {
          issues.push({ path: at(path, key), message: 'is not a known field' });
        }
      }
    }
    return out as ObjectOf<S>;
  };
}

/** For command input: an absent field may also be sent as null; both become undefined. */
export function maybe<T>(schema: Schema<T>): Schema<T | undefined> {
  return (value, path, issues) => (value === undefined || value === null ? undefined : schema(value, path, issues));
}

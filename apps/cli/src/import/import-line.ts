// One line of an import file (JSON lines, README "Importing a municipality's history"): a command
// of the contract by its `type`, without `commandId` and `municipality`, which the import fills in.
// The command id is a name-based UUID of the municipality and the line's command, so importing the
// same file again sends the same ids and appends nothing. Pure.
import { createHash } from 'node:crypto';

/** A line the api is to decide: the command as sent, with its line number. */
export interface ImportCommand {
  line: number;
  command: { type: string; commandId: string } & Record<string, unknown>;
}

/** Why a line was not accepted: the api's problem, or the import's own for a line it could not send. */
export interface Refusal {
  line: number;
  status: number;
  code: string | null;
  detail: string;
  errors?: unknown;
  input: string;
}

/** The RFC 4122 name space of import command ids (a fixed random UUID). */
const IMPORT_NAMESPACE = Buffer.from('5e3b8f0a91c24d7e9b6a0c1d2e3f4a5b', 'hex');

/** A version-5 UUID (SHA-1 of the name space and the name, RFC 4122 4.3). */
export function nameBasedUuid(name: string): string {
  const h = createHash('sha1').update(IMPORT_NAMESPACE).update(name).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** JSON with object keys sorted, so the same command written with its fields in another order is the same name. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const refusal = (line: number, input: string, code: string, detail: string): Refusal => ({
  line,
  status: 400,
  code,
  detail,
  input,
});

/** The command of line number `line` (1-based), a refusal for a line that is no command object, or null for a blank line. */
export function importLine(text: string, line: number, municipality: string): ImportCommand | Refusal | null {
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refusal(line, text, 'import.not_json', `not a JSON value: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return refusal(
      line,
      text,
      'import.not_an_object',
      'a line must be one JSON object: a command with its type',
    );
  const fields = value as Record<string, unknown>;
  if (typeof fields.type !== 'string' || fields.type === '')
    return refusal(line, text, 'import.no_type', 'the line has no "type" naming its CommandType');
  const { commandId, ...rest } = fields;
  const own = { ...rest, type: fields.type, municipality: rest.municipality ?? municipality };
  // A command id the line gives is the api's to judge.
  const id = commandId !== undefined ? commandId : nameBasedUuid(`${municipality}\n${canonicalJson(own)}`);
  return { line, command: { ...own, commandId: id as string } };
}

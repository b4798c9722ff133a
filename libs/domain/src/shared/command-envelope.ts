import { municipalityCode, uuid } from './field-schemas';

/**
 * Fields every command carries besides its body (API.md): the client's command id (a UUID; it
 * becomes the event id, which makes retries idempotent) and the municipality (kommunekode).
 * A parsed command also has its `type`, the CommandType of API.md (from the path or the batch item).
 */
export const envelopeShape = { commandId: uuid(), municipality: municipalityCode() };

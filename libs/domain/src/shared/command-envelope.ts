import { municipalityCode, uuid } from './ids';

/**
 * Fields every command carries besides its body (API.md): the client's command id (a UUID; it
 * becomes the event id, which makes retries idempotent) and the municipality (kommunekode).
 * `type` is the CommandType of API.md, set by the HTTP layer from the path or the batch item.
 */
export interface CommandEnvelope<T extends string> {
  type: T;
  commandId: string;
  municipality: string;
}

export const envelopeShape = { commandId: uuid(), municipality: municipalityCode() };

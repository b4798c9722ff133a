// A rulebook version is part of the history: when code with a new version first starts, it
// appends RulebookAdopted { version, previous } to the stream `rulebook` (once per version, also
// when several processes start together: the append expects the stream's revision it read, and
// a process that lost the race reads again and finds the version adopted). Every event is judged
// under the version in force at its log position; the adoption itself re-judges every
// municipality's open cost items. The event belongs to no municipality: the runner hands each
// worker an announcement of it and one copy per municipality it projects (fanOut).
import {
  sha1NameUuid,
  WrongExpectedRevisionError,
  type EventStore,
  type RecordedEvent,
} from '@app/event-store';
import { randomUUID } from 'node:crypto';

export const RULEBOOK_STREAM = 'rulebook';
export const RULEBOOK_ADOPTED = 'RulebookAdopted';

export interface RulebookAdoption {
  version: string;
  previous: string;
}

/** The adoption an event records (original, announcement or copy), or null for any other event. */
export function adoptionOf(event: RecordedEvent): RulebookAdoption | null {
  if (event.stream !== RULEBOOK_STREAM || event.type !== RULEBOOK_ADOPTED) return null;
  const d = event.data as Partial<Record<keyof RulebookAdoption, unknown>>;
  if (typeof d.version !== 'string' || typeof d.previous !== 'string') return null;
  return { version: d.version, previous: d.previous };
}

/** Copies the runner made of an adoption, with the log event each stands for. */
const COPIES = new WeakMap<RecordedEvent, RecordedEvent>();

/**
 * The adoption for one municipality ('' : the announcement, for a worker the original is not
 * given to). A municipality's copy has an id of its own (a name-based UUID of the adoption's id and
 * the municipality), so its postings' ids stay unique; its commandId is the adoption's id.
 */
export function fanOut(adoption: RecordedEvent, municipality: string): RecordedEvent {
  const copy: RecordedEvent = {
    ...adoption,
    id: municipality === '' ? adoption.id : sha1NameUuid(`${adoption.id}:${municipality}`),
    metadata: { ...adoption.metadata, municipality },
  };
  COPIES.set(copy, adoption);
  return copy;
}

/** The log event a batch member stands for (itself, unless it is a copy of an adoption). */
export const logEventOf = (event: RecordedEvent): RecordedEvent => COPIES.get(event) ?? event;

/** Whether the event is a copy of an adoption the runner made (not itself in the log). */
export const isFanOutCopy = (event: RecordedEvent): boolean => COPIES.has(event);

export interface AdoptionResult {
  /** True when this call appended the adoption; false when the version was adopted before. */
  appended: boolean;
  position: bigint | null;
}

/** The rulebook versions a build of the code knows (libs/rules `rulebooks` and RULEBOOK_VERSIONS). */
export interface KnownRulebooks {
  current: string;
  genesis: string;
  versions: readonly string[];
}

/**
 * Appends RulebookAdopted for the code's current version unless the log has adopted it already.
 * `previous` is the last version adopted, or the genesis version when none was. Safe under
 * concurrent starts. Refuses (throws) when the log's last adoption is a version this code does
 * not know: older code must not adopt its version over a newer one.
 */
export async function adoptRulebook(
  store: EventStore,
  rulebooks: KnownRulebooks,
  actor = 'system:deployment',
): Promise<AdoptionResult> {
  const version = rulebooks.current;
  for (;;) {
    const stream = await store.readStream(RULEBOOK_STREAM);
    const adopted = stream.filter((e) => adoptionOf(e) !== null);
    const same = adopted.find((e) => adoptionOf(e)!.version === version);
    if (same) return { appended: false, position: same.position };
    const last = adopted.length ? adoptionOf(adopted[adopted.length - 1])!.version : rulebooks.genesis;
    if (!rulebooks.versions.includes(last))
      throw new Error(
        `the log adopted rulebook ${last}, which this code does not know: start the code that adopted it`,
      );
    const id = randomUUID();
    try {
      const result = await store.append({
        stream: RULEBOOK_STREAM,
        expectedRevision: stream.length === 0 ? 'no_stream' : stream[stream.length - 1].revision,
        events: [
          {
            id,
            type: RULEBOOK_ADOPTED,
            data: { version, previous: last },
            metadata: {
              recordedAt: new Date().toISOString(),
              commandId: id,
              commandType: RULEBOOK_ADOPTED,
              actor,
              municipality: '',
            },
          },
        ],
      });
      return { appended: true, position: result.position };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}

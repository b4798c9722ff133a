// Conversions between the memory log and the protobuf messages the client library speaks
// (generated stubs shipped inside @eventstore/db-client: no .proto files are published).
import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import {
  AllStreamPosition,
  StreamIdentifier,
  UUID,
  WrongExpectedVersion,
} from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import {
  BatchAppendReq,
  BatchAppendResp,
  ReadReq,
  ReadResp,
} from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, Expected, ProposedEvent, StoredEvent } from './memory-log';

const utf8 = (bytes: Uint8Array | string) =>
  typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');

export function streamName(identifier: StreamIdentifier | undefined): string {
  return utf8(identifier?.getStreamName() ?? '');
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

export function uuidString(uuid: UUID | undefined): string {
  if (!uuid?.hasStructured()) return uuid?.getString() ?? '';
  const structured = uuid.getStructured()!;
  const hex = [structured.getMostSignificantBits(), structured.getLeastSignificantBits()]
    .map((bits) => BigInt.asUintN(64, BigInt(bits)).toString(16).padStart(16, '0'))
    .join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function proposedEvents(messages: BatchAppendReq.ProposedMessage[]): ProposedEvent[] {
  return messages.map((message) => ({
    id: uuidString(message.getId()),
    type: message.getMetadataMap().get('type') ?? '',
    contentType: message.getMetadataMap().get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  }));
}

export function expectedOf(options: BatchAppendReq.Options): Expected {
  if (options.hasStreamPosition()) return { kind: 'revision', revision: Number(options.getStreamPosition()) };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

/** The server echoes the request's expected position and reports the result (or a google.rpc.Status). */
export function batchAppendResponse(
  correlationId: UUID | undefined,
  stream: string,
  expected: Expected,
  outcome: AppendOutcome,
): BatchAppendResp {
  const response = new BatchAppendResp()
    .setCorrelationId(correlationId)
    .setStreamIdentifier(streamIdentifier(stream));
  if (expected.kind === 'revision') response.setStreamPosition(String(expected.revision));
  else if (expected.kind === 'no_stream') response.setNoStream(new GoogleEmpty());
  else if (expected.kind === 'stream_exists') response.setStreamExists(new GoogleEmpty());
  else response.setAny(new GoogleEmpty());
  if (outcome.ok) {
    const position = new AllStreamPosition()
      .setCommitPosition(String(outcome.position))
      .setPreparePosition(String(outcome.position));
    return response.setSuccess(
      new BatchAppendResp.Success().setCurrentRevision(String(outcome.lastRevision)).setPosition(position),
    );
  }
  const details = new WrongExpectedVersion();
  if (outcome.current === null) details.setCurrentNoStream(new GoogleEmpty());
  else details.setCurrentStreamRevision(String(outcome.current));
  if (expected.kind === 'revision') details.setExpectedStreamPosition(String(expected.revision));
  else if (expected.kind === 'no_stream') details.setExpectedNoStream(new GoogleEmpty());
  else if (expected.kind === 'stream_exists') details.setExpectedStreamExists(new GoogleEmpty());
  else details.setExpectedAny(new GoogleEmpty());
  const any = new Any();
  any.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return response.setError(
    new Status().setCode(Code.FAILED_PRECONDITION).setMessage('WrongExpectedVersion').setDetails(any),
  );
}

export function eventResponse(event: StoredEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id))
    .setStreamIdentifier(streamIdentifier(event.stream))
    .setStreamRevision(String(event.revision))
    .setCommitPosition(String(event.position))
    .setPreparePosition(String(event.position))
    .setData(event.data)
    .setCustomMetadata(event.metadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', String(event.created));
  return new ReadResp().setEvent(
    new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(String(event.position)),
  );
}

export function streamNotFound(stream: string): ReadResp {
  return new ReadResp().setStreamNotFound(
    new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(stream)),
  );
}

export const confirmation = (id: string) =>
  new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(id));
export const caughtUp = () => new ReadResp().setCaughtUp(new ReadResp.CaughtUp());

/** A read filter (stream name or event type; regex or prefixes) as a predicate. */
export function filterOf(options: ReadReq.Options): (event: StoredEvent) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter = options.getFilter()!;
  const onType = filter.hasEventType();
  const expression = (onType ? filter.getEventType() : filter.getStreamIdentifier())!;
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : null;
  const prefixes = expression.getPrefixList();
  return (event) => {
    const subject = onType ? event.type : event.stream;
    return regex ? regex.test(subject) : prefixes.some((prefix) => subject.startsWith(prefix));
  };
}

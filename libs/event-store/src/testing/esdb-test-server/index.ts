// A protocol-level EventStoreDB stand-in for tests: a real @grpc/grpc-js server on the service
// definitions generated into @eventstore/db-client, backed by memory, so that the real client
// library runs against something that answers like the server (single node, insecure).
//
// It does: ServerFeatures.GetSupportedMethods (advertising BatchAppend, as 21.10+ servers do, so
// the client appends over BatchAppend); Streams.BatchAppend with expected-version checks,
// EventStoreDB's idempotency rules (same ids at the expected place: success with the original
// revision; partial match: wrong expected version) and WrongExpectedVersion details packed in the
// google.rpc.Status; Streams.Read for streams (forwards/backwards, from revision/start/end,
// in-band StreamNotFound) and $all (forwards/backwards from a position, inclusive forwards;
// stream-name or event-type filters by regex or prefix); $all subscriptions (confirmation,
// catch-up strictly after the position, CaughtUp, live) with the same filters. Positions are
// byte-offset-like, commit == prepare. A fresh server holds a few system events, as a real one does.
//
// It does NOT do: TLS, authentication/ACLs, gossip or clusters (a single-host connection string
// makes the client skip gossip), NotLeader redirects, the unary Append (the client only falls back
// to it for per-call credentials), stream subscriptions, persistent subscriptions, projections,
// deletes/tombstones, stream metadata ($maxCount, ...), link resolution, filter checkpoints and
// max search windows, FellBehind, deadlines, max append size, structured UUIDs in responses,
// persistence. Live subscribers get every append without backpressure.
import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { MemoryLog } from './memory-log';
import { StreamsHandlers } from './streams-service';

export interface TestServer {
  url: string;
  /** Ends all live subscriptions with UNAVAILABLE (the client then reconnects). */
  dropSubscriptions(): void;
  stop(): Promise<void>;
}

const SERVER_VERSION = '23.10.0';

function supportedMethods(): SupportedMethods {
  const method = (service: string, name: string, features: string[] = []) =>
    new SupportedMethod().setServiceName(service).setMethodName(name).setFeaturesList(features);
  return new SupportedMethods()
    .setEventStoreServerVersion(SERVER_VERSION)
    .setMethodsList([
      method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
      method('event_store.client.streams.streams', 'read', ['position', 'events']),
      method('event_store.client.streams.streams', 'batchappend'),
    ]);
}

/** What a fresh node has written before any client connects (user accounts). */
function seedSystemEvents(log: MemoryLog): void {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const event = (type: string, data: unknown) => ({
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: json(data),
    metadata: new Uint8Array(),
  });
  log.append('$user-admin', [event('$user', { loginName: 'admin', fullName: 'Event Store Administrator' })], {
    kind: 'no_stream',
  });
  log.append('$users', [event('$UserCreated', 'admin')], { kind: 'no_stream' });
}

export async function startTestServer(): Promise<TestServer> {
  const log = new MemoryLog();
  seedSystemEvents(log);
  const streams = new StreamsHandlers(log);
  const server = new Server();
  server.addService(ServerFeaturesService, {
    getSupportedMethods: (_call: unknown, callback: (error: null, value: SupportedMethods) => void) =>
      callback(null, supportedMethods()),
  });
  server.addService(StreamsService, streams.implementation());
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    url: `esdb://127.0.0.1:${port}?tls=false`,
    dropSubscriptions: () => streams.dropAll(),
    stop: async () => {
      streams.dropAll();
      server.forceShutdown();
    },
  };
}

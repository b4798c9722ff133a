import { startTestServer } from './index';
import { EventStoredbEventStore } from '../../libs/event-store/src/eventstoredb/eventstoredb-event-store';
import { InMemoryEventStore } from '../../libs/event-store/src/in-memory/in-memory-event-store';
import { migrateLog } from '../../libs/event-store/src/migrate-log';
import { newEvent } from '../../libs/event-store/src/testing/event-store.contract';
import type { AppendRequest } from '../../libs/event-store/src/event-store.port';
(async () => {
  const EVENTS = 20000, STREAMS = 2000;
  const source = new InMemoryEventStore();
  const revisions = new Array<number>(STREAMS).fill(-1);
  const requests: AppendRequest[] = [];
  for (let written = 0, turn = 0; written < EVENTS; turn++) {
    const s = turn % STREAMS; const size = Math.min(1 + (turn % 4), EVENTS - written);
    requests.push({ stream: `case-${s}`, events: Array.from({ length: size }, () => newEvent()), expectedRevision: revisions[s] < 0 ? 'no_stream' : revisions[s] });
    revisions[s] += size; written += size;
  }
  await source.appendMany(requests);
  const server = await startTestServer();
  const target = await EventStoredbEventStore.connect(server.url);
  const s = Date.now();
  console.log(await migrateLog(source, target));
  console.log('events/s', Math.round(EVENTS / ((Date.now() - s) / 1000)));
  await target.close(); await server.stop();
})();

import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { startTestServer } from './index';
(async () => {
  const server = await startTestServer();
  const client = EventStoreDBClient.connectionString(server.url);
  await client.appendToStream('warm', [jsonEvent({ type: 'A', data: {} })]);
  const s = Date.now();
  for (let r = 0; r < 10; r++) await Promise.all(Array.from({ length: 1000 }, (_, i) => client.appendToStream(`b-${r}-${i}`, [jsonEvent({ type: 'A', data: { i } })])));
  console.log('parallel append', ((Date.now() - s) / 10).toFixed(0), 'us');
  await client.dispose(); await server.stop();
})();

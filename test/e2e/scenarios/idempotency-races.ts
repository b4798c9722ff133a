// Racing requests of one command id over HTTP (API.md "Commands"): identical ones are answered
// once with 201 and then with the original result, different ones once with 201 and then 409;
// the log holds the accepted body only. Run against each event log.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { EventStore } from '@app/event-store';
import { startTestSystem, type TestSystem } from '../../support/test-system';

export function describeIdempotencyRaces(
  name: string,
  openStore?: (databaseUrl: string) => Promise<EventStore>,
): void {
  describe(`racing requests of one command id (${name})`, () => {
    let system: TestSystem;
    beforeAll(async () => {
      process.env.LOG_REQUESTS = '0';
      system = await startTestSystem({ projector: false, openStore });
    });
    afterAll(async () => {
      await system.close();
    });

    const send = (body: object) =>
      request(system.http)
        .post('/v1/commands/RegisterOffer')
        .set('authorization', `Bearer ${system.token('jobcentre', '101')}`)
        .send(body);
    const offer = () => ({
      commandId: randomUUID(),
      municipality: '101',
      offerId: `o-${randomUUID()}`,
      personId: 'p-1',
      offerKind: 'ordinary_education',
      startDate: '2025-03-01',
      endDate: '2025-05-31',
    });

    it('twenty identical requests: one 201, nineteen 200 with its result, one event stored', async () => {
      const o = offer();
      const responses = await Promise.all(Array.from({ length: 20 }, () => send(o)));
      expect(responses.map((r) => r.status).sort()).toEqual([...Array<number>(19).fill(200), 201]);
      const original = responses.find((r) => r.status === 201)!.body;
      for (const r of responses) expect(r.body).toEqual(original);
      expect(await system.store.readStream(`offer-101-${o.offerId}`)).toHaveLength(1);
    });

    it('different bodies: one 201, the others 409 command-id-reused, and the stored body is the accepted one', async () => {
      const o = offer();
      const ends = ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05', '2025-05-06'];
      const responses = await Promise.all(ends.map((endDate) => send({ ...o, endDate })));
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      for (const r of responses.filter((x) => x.status === 409))
        expect(r.body.type).toBe('/problems/command-id-reused');
      const stored = await system.store.readStream(`offer-101-${o.offerId}`);
      expect(stored.map((e) => e.data.endDate)).toEqual([ends[responses.findIndex((r) => r.status === 201)]]);
    });
  });
}

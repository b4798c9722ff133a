// What the finance and booking-date scenarios send and read over HTTP: commands as jobcentre or
// finance (each with a fresh command id), queries as finance that wait for the last command's
// position, and the few steps they share (a person in a target group, an offer with one expense).
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { TestSystem } from '../../support/test-system';

export type Entry = {
  entryId: string;
  kind: string;
  bookingPeriod: string;
  amount: string;
  refundAmount: string | null;
  cap: string | null;
  causedBy: { commandId: string };
  relatesToClosedYear: number | null;
  activityFrom: string;
  bookingDate: string;
  personId: string | null;
  account: { function: string } | null;
};

/** The helpers over the system `system()` gives (started in the caller's beforeAll). */
export function financeClient(system: () => TestSystem) {
  let lastPosition = '0';
  async function sendAs(
    role: 'jobcentre' | 'finance' | 'admin',
    m: string,
    type: string,
    body: object,
  ): Promise<request.Response> {
    const token = system().token(role, role === 'admin' ? '*' : m);
    const res = await request(system().http)
      .post(`/v1/commands/${type}`)
      .set('authorization', `Bearer ${token}`)
      .send({ commandId: randomUUID(), municipality: m, ...body });
    if (res.status === 201) lastPosition = res.body.position ?? lastPosition;
    return res;
  }
  async function send(
    m: string,
    type: string,
    body: object,
    role: 'jobcentre' | 'finance' = type === 'SetCapParameters' || type === 'CloseAccountingYear'
      ? 'finance'
      : 'jobcentre',
  ): Promise<string> {
    const res = await sendAs(role, m, type, body);
    if (res.status !== 201) throw new Error(`${type}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.commandId;
  }
  async function get(m: string, path: string, query: Record<string, string> = {}, accept?: string) {
    const req = request(system().http)
      .get(`/v1/municipalities/${m}${path}`)
      .query({ minPosition: lastPosition, ...query })
      .set('authorization', `Bearer ${system().token('finance', m)}`);
    if (accept)
      req
        .set('accept', accept)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        });
    const res = await req;
    if (res.status !== 200)
      throw new Error(`${path}: ${res.status} ${String(accept ? res.body : JSON.stringify(res.body))}`);
    return res;
  }
  const statement = async (m: string, year: number, query: Record<string, string> = {}) =>
    (await get(m, `/refund-statements/${year}`, query)).body;

  async function person(m: string, targetGroup: string, effectiveFrom: string): Promise<string> {
    const personId = `p-${randomUUID()}`;
    const attributes = targetGroup === 'sygedagpenge' ? { sickPayCategory: 2 } : undefined;
    await send(m, 'ChangeTargetGroup', { personId, targetGroup, effectiveFrom, attributes });
    return personId;
  }
  async function courseExpense(
    m: string,
    personId: string,
    from: string,
    to: string,
    amount: string,
    bookingDate?: string,
  ): Promise<{ offerId: string; expenseId: string; commandId: string }> {
    const offerId = `o-${randomUUID()}`;
    const expenseId = `e-${randomUUID()}`;
    await send(m, 'RegisterOffer', {
      offerId,
      personId,
      offerKind: 'ordinary_education',
      startDate: from,
      endDate: to,
    });
    const commandId = await send(m, 'RecordOfferExpense', {
      expenseId,
      offerId,
      expenseType: 'course_fee',
      amount,
      activityFrom: from,
      activityTo: to,
      bookingDate,
    });
    return { offerId, expenseId, commandId };
  }
  const entries = async (m: string, query: Record<string, string> = {}): Promise<Entry[]> =>
    (await get(m, '/ledger/entries', { limit: '1000', ...query })).body.entries;

  return { sendAs, send, get, statement, person, courseExpense, entries };
}

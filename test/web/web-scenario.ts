// The data the browser tests (and `npm run web:demo`) show: municipality 101 through the first half
// of 2025, with a retroactive target-group change that is later retracted, a capped integration
// programme, unresolved postings (one the sources have no rule for, one lacking a fact) and costs
// of earlier years (afløb). Commands are sent over HTTP at recorded times set by the test clock, so
// the as-of control has history to travel.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestSystem, type TestSystem, type TestSystemOptions } from '../support/test-system';

export const M = '101';

export interface WebScenario {
  /** Log position after the last command (for ?minPosition=). */
  position: string;
  /** The person whose retroactive change to jobafklaring was retracted. */
  retractedPerson: string;
  /** An instant between the retroactive change and its retraction. */
  beforeRetraction: string;
}

export interface WebScenarioSystem {
  system: TestSystem;
  scenario: WebScenario;
  /** Sets the system's clock to an instant, or back to the real time (null). */
  setClock(iso: string | null): void;
}

/**
 * A test system holding the scenario, its commands recorded at the scenario's instants; then the
 * clock is the real one again. Queries wait up to 20 s for the projector (MIN_POSITION_WAIT_MS) unless `options.env` says otherwise.
 */
export async function startWebScenarioSystem(options: TestSystemOptions = {}): Promise<WebScenarioSystem> {
  let now: Date | null = null;
  const setClock = (iso: string | null) => (now = iso === null ? null : new Date(iso));
  const system = await startTestSystem({
    ...options,
    env: { MIN_POSITION_WAIT_MS: '20000', ...options.env },
    clock: () => now ?? new Date(),
  });
  const scenario = await seedWebScenario(system, setClock);
  setClock(null);
  return { system, scenario, setClock };
}

async function seedWebScenario(system: TestSystem, setNow: (iso: string) => void): Promise<WebScenario> {
  const token = system.token('jobcentre', M);
  let position = '0';
  const send = async (at: string, type: string, body: object): Promise<string> => {
    setNow(at);
    const commandId = randomUUID();
    const res = await request(system.http)
      .post(`/v1/commands/${type}`)
      .set('authorization', `Bearer ${token}`)
      .send({ commandId, municipality: M, ...body });
    if (res.status !== 201) throw new Error(`${type}: ${res.status} ${JSON.stringify(res.body)}`);
    position = res.body.position;
    return commandId;
  };
  const offer = async (
    at: string,
    personId: string,
    offerId: string,
    from: string,
    to: string,
    expenses: [string, string, string][],
  ) => {
    await send(at, 'RegisterOffer', {
      offerId,
      personId,
      offerKind: 'ordinary_education',
      startDate: from,
      endDate: to,
    });
    for (const [i, [amount, activityFrom, activityTo]] of expenses.entries()) {
      await send(at, 'RecordOfferExpense', {
        expenseId: `${offerId}-u${i + 1}`,
        offerId,
        expenseType: 'course_fee',
        amount,
        activityFrom,
        activityTo,
        invoiceRef: `F-2025-${offerId}-${i + 1}`,
      });
    }
  };

  // jobafklaring (LAB § 6 nr. 7): 50 % on ordinary education in 2025 (seed000 Bilag 3)
  await send('2025-01-20T09:00:00Z', 'ChangeTargetGroup', {
    personId: 'borger-anna',
    targetGroup: 'jobafklaring',
    effectiveFrom: '2025-01-01',
  });
  await offer('2025-02-03T10:00:00Z', 'borger-anna', 'tilbud-anna', '2025-02-01', '2025-06-30', [
    ['12345.50', '2025-02-01', '2025-03-31'],
    ['8000.00', '2025-04-01', '2025-05-31'],
  ]);
  // sygedagpenge from January; a retroactive change to jobafklaring from March, retracted later
  await send('2025-01-22T09:00:00Z', 'ChangeTargetGroup', {
    personId: 'borger-bo',
    targetGroup: 'sygedagpenge',
    effectiveFrom: '2025-01-01',
    attributes: { sickPayCategory: 2 },
  });
  await offer('2025-02-10T10:00:00Z', 'borger-bo', 'tilbud-bo', '2025-02-01', '2025-04-30', [
    ['9000.00', '2025-02-01', '2025-04-30'],
  ]);
  const change = await send('2025-04-15T08:30:00Z', 'ChangeTargetGroup', {
    personId: 'borger-bo',
    targetGroup: 'jobafklaring',
    effectiveFrom: '2025-03-01',
    reason: 'lægeerklæring modtaget',
  });
  await send('2025-05-20T13:00:00Z', 'RetractTargetGroupChange', {
    personId: 'borger-bo',
    changeCommandId: change,
    reason: 'registreret på forkert borger',
  });
  // integration programme: 50 % within the rådighedsloft (seed000 Bilag 1)
  await send('2025-03-03T09:00:00Z', 'ChangeTargetGroup', {
    personId: 'borger-cem',
    targetGroup: 'integration_programme',
    effectiveFrom: '2025-01-01',
  });
  await offer('2025-03-05T10:00:00Z', 'borger-cem', 'tilbud-cem', '2025-03-01', '2025-06-30', [
    ['100000.00', '2025-03-01', '2025-03-31'],
  ]);
  // activity in 2013 (no rule in the rulebook) booked now: unresolved; activity in 2024: afløb
  await send('2025-04-02T09:00:00Z', 'ChangeTargetGroup', {
    personId: 'borger-dorte',
    targetGroup: 'jobafklaring',
    effectiveFrom: '2013-01-01',
  });
  await offer('2025-04-02T10:00:00Z', 'borger-dorte', 'tilbud-dorte-2013', '2013-06-01', '2013-06-30', [
    ['1234.56', '2013-06-01', '2013-06-30'],
  ]);
  await offer('2025-04-03T10:00:00Z', 'borger-dorte', 'tilbud-dorte-2024', '2024-11-01', '2024-12-31', [
    ['3100.00', '2024-11-01', '2024-12-31'],
  ]);
  // sygedagpenge without its kategori, activity in 2018: the refund then depended on it (seed 003
  // L2176/L6338), so the posting is unresolved until the kategori is registered
  await send('2025-06-02T09:00:00Z', 'ChangeTargetGroup', {
    personId: 'borger-emil',
    targetGroup: 'sygedagpenge',
    effectiveFrom: '2018-01-01',
  });
  await offer('2025-06-02T10:00:00Z', 'borger-emil', 'tilbud-emil-2018', '2018-09-01', '2018-09-30', [
    ['2500.00', '2018-09-01', '2018-09-30'],
  ]);
  setNow(new Date().toISOString());
  return { position, retractedPerson: 'borger-bo', beforeRetraction: '2025-05-01T12:00:00.000Z' };
}

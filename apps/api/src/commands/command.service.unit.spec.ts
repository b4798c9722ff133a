// The command service and the batch handler on the in-memory event log: retries, conflicts,
// idempotency under races, batches.
import { createHash, randomUUID } from 'node:crypto';
import type { IEvent } from '@nestjs/cqrs';
import {
  WrongExpectedRevisionError,
  type AppendRequest,
  type AppendResult,
  InMemoryEventStore,
} from '@app/event-store';
import { type Principal, ForbiddenError } from '@app/platform';
import { checkOfferValidity } from '@app/rules';
import { CommandBatchHandler } from './command-batch.handler';
import { CommandIdReusedError } from './command-errors';
import { eventIdFor } from './command-event-ids';
import {
  EventsAppended,
  SendCommand,
  SendCommandBatch,
  type BatchOutcome,
  type CommandResult,
} from './command-messages';
import { CommandService } from './command.service';

const jobcentre: Principal = { sub: 'unit', role: 'jobcentre', municipality: '101' };
const NOW = new Date('2025-06-02T10:00:00.000Z');

function setUp(store = new InMemoryEventStore()) {
  const published: IEvent[] = [];
  const service = new CommandService(
    store,
    checkOfferValidity,
    { publish: (event: IEvent) => void published.push(event) },
    () => NOW,
  );
  const batch = new CommandBatchHandler(service, store);
  return {
    store,
    published,
    send: (type: string, body: object, principal = jobcentre) =>
      service.execute(new SendCommand({ type, body }, principal)),
    sendBatch: (items: { type: string; body: object }[]) =>
      batch.execute(new SendCommandBatch(items, jobcentre)),
  };
}

const offer = (over: object = {}) => ({
  commandId: randomUUID(),
  municipality: '101',
  offerId: `o-${randomUUID()}`,
  personId: 'p-1',
  offerKind: 'ordinary_education',
  startDate: '2025-03-01',
  endDate: '2025-05-31',
  ...over,
});

/** Each outcome's status, or the name of the error it failed with. */
function statuses(outcomes: (BatchOutcome | PromiseSettledResult<CommandResult>)[]): (number | string)[] {
  return outcomes.map((o) => {
    if ('error' in o) return (o.error as Error).constructor.name;
    if (o.status === 'fulfilled') return o.value.status;
    if (o.status === 'rejected') return (o.reason as Error).constructor.name;
    return o.status;
  });
}

describe('one command', () => {
  it('appends, answers 201 and publishes what it appended', async () => {
    const { send, store, published } = setUp();
    const body = offer();
    const result = await send('RegisterOffer', body);
    expect(result).toEqual({
      status: 201,
      body: {
        commandId: body.commandId,
        position: '1',
        events: [
          { id: body.commandId, type: 'OfferRegistered', stream: `offer-101-${body.offerId}`, revision: 0 },
        ],
      },
    });
    expect((await store.readStream(`offer-101-${body.offerId}`))[0].metadata).toMatchObject({
      commandId: body.commandId,
      commandType: 'RegisterOffer',
      commandHashVersion: 2,
    });
    expect(published).toEqual([
      new EventsAppended(body.commandId, 'RegisterOffer', '101', [
        {
          id: body.commandId,
          type: 'OfferRegistered',
          stream: `offer-101-${body.offerId}`,
          revision: 0,
          position: 1n,
        },
      ]),
    ]);
  });

  it('answers a retry (any key order, upper-case command id) with the original result, 200, appending and publishing nothing', async () => {
    const { send, store, published } = setUp();
    const body = offer();
    const first = await send('RegisterOffer', body);
    const reordered = Object.fromEntries(
      Object.entries({ ...body, commandId: body.commandId.toUpperCase() }).reverse(),
    );
    expect(await send('RegisterOffer', reordered)).toEqual({ status: 200, body: first.body });
    expect(await store.headPosition()).toBe(1n);
    expect(published).toHaveLength(1);
  });

  it('compares bodies after parsing: hours 1.5 and "1.5" are one body', async () => {
    const { send } = setUp();
    const agreementId = `a-${randomUUID()}`;
    await send('RegisterMentorAgreement', {
      commandId: randomUUID(),
      municipality: '101',
      agreementId,
      personId: 'p-1',
      mentorType: 'social',
      mentorKind: 'external_consultant',
      startDate: '2025-03-01',
      endDate: '2025-08-31',
    });
    const hours = {
      commandId: randomUUID(),
      municipality: '101',
      agreementId,
      date: '2025-03-10',
      contactHours: 1.5,
      hourlyCost: '400.00',
    };
    const first = await send('RecordMentorHours', hours);
    expect(await send('RecordMentorHours', { ...hours, contactHours: '1.5' })).toEqual({
      status: 200,
      body: first.body,
    });
  });

  it('refuses the same command id with another body or another type, appending nothing', async () => {
    const { send, store } = setUp();
    const body = offer();
    await send('RegisterOffer', body);
    const change = {
      commandId: randomUUID(),
      municipality: '101',
      offerId: body.offerId,
      startDate: '2025-03-01',
      endDate: '2025-06-30',
    };
    await send('ChangeOfferPeriod', change);
    await expect(send('RegisterOffer', { ...body, endDate: '2025-06-30' })).rejects.toBeInstanceOf(
      CommandIdReusedError,
    );
    // The same fields under another type (another stream would not even be read): refused too.
    await expect(
      send('CancelOffer', {
        commandId: change.commandId,
        municipality: '101',
        offerId: body.offerId,
        reason: 'x',
      }),
    ).rejects.toBeInstanceOf(CommandIdReusedError);
    // A command id used on another stream.
    await expect(send('RegisterOffer', offer({ commandId: body.commandId }))).rejects.toBeInstanceOf(
      CommandIdReusedError,
    );
    expect(await store.headPosition()).toBe(2n);
  });

  it('twenty identical commands racing: one 201, nineteen 200 with the original result', async () => {
    const { send, store } = setUp();
    const body = offer();
    const results = await Promise.all(Array.from({ length: 20 }, () => send('RegisterOffer', body)));
    expect(statuses(results).sort()).toEqual([...Array<number>(19).fill(200), 201]);
    const original = results.find((r) => r.status === 201)!;
    for (const r of results) expect(r.body).toEqual(original.body);
    expect(await store.headPosition()).toBe(1n);
  });

  it('one command id with different bodies racing: one 201, the others refused, and the stored body is the accepted one', async () => {
    const { send, store } = setUp();
    const body = offer();
    const ends = ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'];
    const outcomes = await Promise.allSettled(
      ends.map((endDate) => send('RegisterOffer', { ...body, endDate })),
    );
    expect(statuses(outcomes).sort()).toEqual([
      201,
      'CommandIdReusedError',
      'CommandIdReusedError',
      'CommandIdReusedError',
      'CommandIdReusedError',
    ]);
    const accepted = ends[outcomes.findIndex((o) => o.status === 'fulfilled')];
    expect((await store.readStream(`offer-101-${body.offerId}`)).map((e) => e.data.endDate)).toEqual([
      accepted,
    ]);
  });

  it('compares events hashed the first way (raw body, no version) with the raw body and their recorded type', async () => {
    const { send, store } = setUp();
    const body = offer();
    const legacyHash = createHash('sha256')
      .update(JSON.stringify(Object.fromEntries(Object.entries(body).sort(([a], [b]) => a.localeCompare(b)))))
      .digest('hex');
    await store.append({
      stream: `offer-101-${body.offerId}`,
      expectedRevision: 'no_stream',
      events: [
        {
          id: body.commandId,
          type: 'OfferRegistered',
          data: {
            offerId: body.offerId,
            personId: 'p-1',
            offerKind: 'ordinary_education',
            startDate: '2025-03-01',
            endDate: '2025-05-31',
            offerCategory: null,
            fundingFrame: null,
            provider: null,
            registrationDate: '2025-03-01',
            validityCitations: [],
          },
          metadata: {
            recordedAt: NOW.toISOString(),
            commandId: body.commandId,
            commandType: 'RegisterOffer',
            commandHash: legacyHash,
            actor: 'jobcentre:unit',
            municipality: '101',
            schemaVersion: 1,
          },
        },
      ],
    });
    expect((await send('RegisterOffer', body)).status).toBe(200);
    await expect(send('RegisterOffer', { ...body, endDate: '2025-05-30' })).rejects.toBeInstanceOf(
      CommandIdReusedError,
    );
  });

  it('decides again after a concurrent writer, then appends (201)', async () => {
    class InterleavingStore extends InMemoryEventStore {
      interleave: AppendRequest | null = null;
      override async append(request: AppendRequest): Promise<AppendResult> {
        const other = this.interleave;
        this.interleave = null;
        if (other) await super.append(other);
        return super.append(request);
      }
    }
    const store = new InterleavingStore();
    const { send } = setUp(store);
    const personId = `p-${randomUUID()}`;
    const change = (effectiveFrom: string) => ({
      commandId: randomUUID(),
      municipality: '101',
      personId,
      targetGroup: 'dagpenge',
      effectiveFrom,
    });
    const other = change('2025-01-01');
    store.interleave = {
      stream: `person-101-${personId}`,
      expectedRevision: 'no_stream',
      events: [
        {
          id: other.commandId,
          type: 'TargetGroupChanged',
          data: {
            personId,
            changeCommandId: other.commandId,
            targetGroup: 'dagpenge',
            attributes: {},
            effectiveFrom: '2025-01-01',
            reason: null,
          },
          metadata: {
            recordedAt: NOW.toISOString(),
            commandId: other.commandId,
            actor: 'x',
            municipality: '101',
          },
        },
      ],
    };
    const result = await send('ChangeTargetGroup', change('2025-02-01'));
    expect(result.status).toBe(201);
    expect(result.body.events[0].revision).toBe(1);
  });

  it('decides a command on an existing stream on the events its refused first append reports, without reading it', async () => {
    // As the PostgreSQL log does: a refused append carries the stream after the expected revision.
    class ReportingStore extends InMemoryEventStore {
      reads = 0;
      override async append(request: AppendRequest): Promise<AppendResult> {
        return super.append(request).catch(async (error: unknown) => {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          const from = typeof request.expectedRevision === 'number' ? request.expectedRevision + 1 : 0;
          const newer = await super.readStream(request.stream, from);
          throw new WrongExpectedRevisionError(error.stream, error.expected, error.actual, newer);
        });
      }
      override readStream(stream: string, fromRevision?: number) {
        this.reads++;
        return super.readStream(stream, fromRevision);
      }
    }
    const store = new ReportingStore();
    const { send } = setUp(store);
    const personId = `p-${randomUUID()}`;
    const change = (targetGroup: string) => ({
      commandId: randomUUID(),
      municipality: '101',
      personId,
      targetGroup,
      effectiveFrom: '2025-01-01',
    });
    expect((await send('ChangeTargetGroup', change('dagpenge'))).status).toBe(201);
    const second = await send('ChangeTargetGroup', change('jobafklaring'));
    expect(second.status).toBe(201);
    expect(second.body.events[0].revision).toBe(1);
    const retried = change('sygedagpenge');
    await send('ChangeTargetGroup', retried);
    expect(store.reads).toBe(0);
    // A retry's append meets its stored events, which are read back for its answer.
    expect(await send('ChangeTargetGroup', retried)).toMatchObject({ status: 200 });
    expect((await store.readStream(`person-101-${personId}`)).map((e) => e.revision)).toEqual([0, 1, 2]);
  });

  it('reads the stream when the decision on a new stream refuses the command: the stored stream decides', async () => {
    const { send, store } = setUp();
    const registered = offer();
    await send('RegisterOffer', registered);
    const reads = jest.spyOn(store, 'readStream');
    const extended = await send('ChangeOfferPeriod', {
      commandId: randomUUID(),
      municipality: '101',
      offerId: registered.offerId,
      startDate: '2025-03-01',
      endDate: '2025-06-30',
    });
    expect(extended.status).toBe(201);
    expect(reads).toHaveBeenCalledWith(`offer-101-${registered.offerId}`);
  });

  it('gives up after four conflicts with the typed conflict', async () => {
    class AlwaysBehind extends InMemoryEventStore {
      override async append(request: AppendRequest): Promise<AppendResult> {
        throw new WrongExpectedRevisionError(request.stream, String(request.expectedRevision), 7);
      }
    }
    const { send } = setUp(new AlwaysBehind());
    await expect(send('RegisterOffer', offer())).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });

  it('refuses a role or municipality the token does not carry before appending', async () => {
    const { send, store } = setUp();
    await expect(
      send('RegisterOffer', offer(), { sub: 'a', role: 'auditor', municipality: '101' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(send('RegisterOffer', offer({ municipality: '751' }))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await store.headPosition()).toBeNull();
  });
});

describe('a batch', () => {
  it('answers an item repeating an earlier item: the same command as a retry (200, real position), another body 409', async () => {
    const { sendBatch, store } = setUp();
    const body = offer();
    const outcomes = await sendBatch([
      { type: 'RegisterOffer', body },
      { type: 'RegisterOffer', body },
      { type: 'RegisterOffer', body: { ...body, endDate: '2025-04-30' } },
      { type: 'RegisterOffer', body: offer() },
    ]);
    expect(statuses(outcomes)).toEqual([201, 200, 'CommandIdReusedError', 201]);
    expect((outcomes[1] as CommandResult).body).toEqual((outcomes[0] as CommandResult).body);
    expect((outcomes[1] as CommandResult).body.position).toBe('1');
    expect(await store.headPosition()).toBe(2n);
  });

  it('fails only the item that reuses a command id of another stream; later items see the earlier ones that succeeded', async () => {
    const { send, sendBatch, store } = setUp();
    const [taken, retried] = [offer(), offer()];
    await send('RegisterOffer', taken);
    await send('RegisterOffer', retried);
    const fresh = offer();
    const outcomes = await sendBatch([
      { type: 'RegisterOffer', body: fresh },
      { type: 'RegisterOffer', body: offer({ commandId: taken.commandId }) },
      {
        type: 'RecordOfferExpense',
        body: {
          commandId: randomUUID(),
          municipality: '101',
          expenseId: `e-${randomUUID()}`,
          offerId: fresh.offerId,
          expenseType: 'course_fee',
          amount: '100.00',
          activityFrom: '2025-03-01',
          activityTo: '2025-03-31',
        },
      },
      { type: 'RegisterOffer', body: retried },
    ]);
    expect(statuses(outcomes)).toEqual([201, 'CommandIdReusedError', 201, 200]);
    expect(await store.headPosition()).toBe(4n);
  });

  it('decides later items with the effects of earlier ones and gives each its own position', async () => {
    const { sendBatch } = setUp();
    const o = offer();
    const outcomes = (await sendBatch([
      { type: 'RegisterOffer', body: o },
      {
        type: 'CancelOffer',
        body: {
          commandId: randomUUID(),
          municipality: '101',
          offerId: o.offerId,
          reason: 'never took place',
        },
      },
      {
        type: 'CancelOffer',
        body: { commandId: randomUUID(), municipality: '101', offerId: o.offerId, reason: 'again' },
      },
    ])) as CommandResult[];
    expect(outcomes.map((r) => [r.status, r.body?.position])).toEqual([
      [201, '1'],
      [201, '2'],
      [undefined, undefined],
    ]);
    expect((outcomes[2] as unknown as { error: { code: string } }).error.code).toBe(
      'offer.already_cancelled',
    );
  });

  it('sees earlier items and repeats across the two parts it reads in (100, then the rest)', async () => {
    const { sendBatch, store } = setUp();
    const first = offer();
    const cancel = (reason: string) => ({
      type: 'CancelOffer',
      body: { commandId: randomUUID(), municipality: '101', offerId: first.offerId, reason },
    });
    const items = [
      { type: 'RegisterOffer', body: first },
      ...Array.from({ length: 349 }, () => ({ type: 'RegisterOffer', body: offer() })),
      cancel('never took place'), // item 350, in the second part
      cancel('again'),
      { type: 'RegisterOffer', body: first },
      { type: 'RegisterOffer', body: { ...first, endDate: '2025-04-30' } },
    ];
    const outcomes = await sendBatch(items);
    expect(statuses(outcomes)).toEqual([
      ...Array.from({ length: 351 }, () => 201),
      'DomainRuleViolation',
      200,
      'CommandIdReusedError',
    ]);
    expect((outcomes[350] as CommandResult).body.position).toBe('351');
    expect((outcomes[352] as CommandResult).body).toEqual((outcomes[0] as CommandResult).body);
    expect(await store.headPosition()).toBe(351n);
  });
});

describe('event ids', () => {
  it('are those of the events already stored: the command id, then SHA-1 name-based UUIDs of "commandId:index"', () => {
    expect(eventIdFor('0B9F1C2E-5A4D-4C3B-9E8F-7A6B5C4D3E2F', 0)).toBe(
      '0b9f1c2e-5a4d-4c3b-9e8f-7a6b5c4d3e2f',
    );
    expect(eventIdFor('0b9f1c2e-5a4d-4c3b-9e8f-7a6b5c4d3e2f', 1)).toBe(
      '568ab743-0209-50b1-a3b6-b2360b0f240c',
    );
    expect(eventIdFor('0b9f1c2e-5a4d-4c3b-9e8f-7a6b5c4d3e2f', 2)).toBe(
      'f3046436-8177-5bcf-85c8-82d53adc647d',
    );
    expect(eventIdFor('11111111-2222-4333-8444-555555555555', 1)).toBe(
      'f49421a3-e736-5894-a0ad-fa9c70d5251f',
    );
  });
});

// Scenario tests of the period-correct ledger over HTTP against the real stack, with the event log
// given by the caller: the same scenarios run on PostgreSQL (ledger-scenarios.e2e.spec.ts) and on
// EventStoreDB (ledger-scenarios.esdb.e2e.spec.ts). Every figure is traced to the rulebook row it
// comes from (libs/rules/src/data, which cites the seeds). The ledger's rules are tested where
// they live (libs/ledger/src/municipality-ledger/*.unit.spec.ts); these few prove the whole path:
// commands in, projection, queries as of an instant, explanations and the offer read model.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { EventStore } from '@app/event-store';
import { startTestSystem, type TestSystem } from '../../support/test-system';

/** Registers the ledger scenarios on a whole system whose event log `openStore` opens. */
export function describeLedgerScenarios(
  name: string,
  openStore: (databaseUrl: string) => Promise<EventStore>,
): void {
  describe(`the period-correct refund ledger (${name})`, () => {
    let system: TestSystem;
    let now = new Date('2025-04-10T09:00:00Z');
    let token: string;

    beforeAll(async () => {
      process.env.LOG_REQUESTS = '0';
      system = await startTestSystem({ clock: () => now, openStore });
      token = system.token('jobcentre', '101');
    });
    afterAll(async () => {
      await system.close();
    });

    let lastPosition = '0';
    async function send(type: string, body: object): Promise<string> {
      const commandId = randomUUID();
      const res = await request(system.http)
        .post(`/v1/commands/${type}`)
        .set('authorization', `Bearer ${token}`)
        .send({ commandId, municipality: '101', ...body });
      if (res.status !== 201) throw new Error(`${type}: ${res.status} ${JSON.stringify(res.body)}`);
      lastPosition = res.body.position ?? lastPosition;
      return commandId;
    }

    async function get(path: string, query: Record<string, string> = {}) {
      const res = await request(system.http)
        .get(`/v1/municipalities/101${path}`)
        .query({ minPosition: lastPosition, ...query })
        .set('authorization', `Bearer ${token}`);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    }

    type Entry = {
      kind: string;
      targetGroup: string | null;
      activityFrom: string;
      activityTo: string;
      amount: string;
      refundRate: string | null;
      refundAmount: string | null;
      bookingPeriod: string;
      account: { grouping: string } | null;
      ruleId: string | null;
      reverses: string | null;
      entryId: string;
      unresolved: { outcome: string } | null;
    };
    const brief = (e: Entry) => [
      e.kind,
      e.targetGroup,
      e.activityFrom,
      e.activityTo,
      e.amount,
      e.refundRate,
      e.refundAmount,
      e.bookingPeriod,
    ];

    async function entriesOf(personId: string, query: Record<string, string> = {}): Promise<Entry[]> {
      return (await get('/ledger/entries', { personId, ...query })).entries;
    }

    async function person(targetGroup: string, effectiveFrom: string, attributes?: object): Promise<string> {
      const personId = `p-${randomUUID()}`;
      await send('ChangeTargetGroup', { personId, targetGroup, effectiveFrom, attributes });
      return personId;
    }

    async function courseExpense(personId: string, from: string, to: string, amount: string): Promise<void> {
      const offerId = `o-${randomUUID()}`;
      await send('RegisterOffer', {
        offerId,
        personId,
        offerKind: 'ordinary_education',
        startDate: from,
        endDate: to,
      });
      await send('RecordOfferExpense', {
        expenseId: `e-${randomUUID()}`,
        offerId,
        expenseType: 'course_fee',
        amount,
        activityFrom: from,
        activityTo: to,
      });
    }

    beforeEach(() => {
      now = new Date('2025-04-10T09:00:00Z');
    });

    it('a jobafklaring course in 2025 is refunded at 50 % (rule JA-OPS, grouping 097; seed000 Bilag 3)', async () => {
      const p = await person('jobafklaring', '2025-01-01');
      await courseExpense(p, '2025-03-01', '2025-03-31', '10000.00');
      const [e] = await entriesOf(p);
      expect(brief(e)).toEqual([
        'original',
        'jobafklaring',
        '2025-03-01',
        '2025-03-31',
        '10000.00',
        '50',
        '5000.00',
        '2025-04',
      ]);
      expect(e.account?.grouping).toBe('097');
      expect(e.ruleId).toBe('JA-OPS');
    });

    it('a move from sygedagpenge to jobafklaring registered two months late is regrouped with reversal and rebooking; a retraction restores the first allocation', async () => {
      const p = await person('sygedagpenge', '2025-01-01', { sickPayCategory: 2 });
      await courseExpense(p, '2025-03-01', '2025-03-30', '9000.00');
      const before = (await entriesOf(p)).map(brief);
      expect(before).toEqual([
        ['original', 'sygedagpenge', '2025-03-01', '2025-03-30', '9000.00', '0', '0.00', '2025-04'],
      ]);
      const asOfBefore = now.toISOString();

      now = new Date('2025-06-12T09:00:00Z'); // registered two months late, effective in the past
      const change = await send('ChangeTargetGroup', {
        personId: p,
        targetGroup: 'jobafklaring',
        effectiveFrom: '2025-03-16',
      });
      const after = await entriesOf(p);
      expect(after.map(brief)).toEqual([
        before[0],
        ['reversal', 'sygedagpenge', '2025-03-01', '2025-03-30', '-9000.00', '0', '0.00', '2025-06'],
        ['rebooking', 'sygedagpenge', '2025-03-01', '2025-03-15', '4500.00', '0', '0.00', '2025-06'],
        ['rebooking', 'jobafklaring', '2025-03-16', '2025-03-30', '4500.00', '50', '2250.00', '2025-06'],
      ]);
      expect(after[1].reverses).toBe(after[0].entryId);
      // As of the earlier date the ledger still shows the old figures.
      expect((await entriesOf(p, { asOf: asOfBefore })).map(brief)).toEqual(before);
      const timelineBefore = await get(`/persons/${p}/timeline`, { asOf: asOfBefore });
      expect(timelineBefore.map((s: { targetGroup: string }) => s.targetGroup)).toEqual(['sygedagpenge']);

      now = new Date('2025-07-02T09:00:00Z');
      await send('RetractTargetGroupChange', {
        personId: p,
        changeCommandId: change,
        reason: 'registered in error',
      });
      const summary = await get('/ledger/summary', { personId: p, groupBy: 'targetGroup' });
      expect(summary.lines).toEqual([
        { targetGroup: 'jobafklaring', unresolved: null, entries: 2, amount: '0.00', refund: '0.00' },
        { targetGroup: 'sygedagpenge', unresolved: null, entries: 5, amount: '9000.00', refund: '0.00' },
      ]);
      expect(summary.totals).toEqual({ amount: '9000.00', refund: '0.00' });
      const retracted = (await entriesOf(p)).slice(4).map(brief);
      expect(retracted).toEqual([
        ['reversal', 'sygedagpenge', '2025-03-01', '2025-03-15', '-4500.00', '0', '0.00', '2025-07'],
        ['reversal', 'jobafklaring', '2025-03-16', '2025-03-30', '-4500.00', '50', '-2250.00', '2025-07'],
        ['rebooking', 'sygedagpenge', '2025-03-01', '2025-03-30', '9000.00', '0', '0.00', '2025-07'],
      ]);
    });

    it('an expense in a period no rule covers is posted as an unresolved line and summarised apart', async () => {
      const p = await person('dagpenge', '2013-01-01');
      await courseExpense(p, '2013-06-01', '2013-06-30', '1234.56'); // the rulebook starts 2014-01-01
      const [e] = await entriesOf(p);
      expect(brief(e)).toEqual([
        'original',
        'dagpenge',
        '2013-06-01',
        '2013-06-30',
        '1234.56',
        null,
        null,
        '2025-04',
      ]);
      expect(e.unresolved?.outcome).toBe('no_rule');
      const summary = await get('/ledger/summary', { personId: p, groupBy: 'activityYear' });
      expect(summary.lines).toEqual([
        { activityYear: '2013', unresolved: 'no_rule', entries: 1, amount: '1234.56', refund: '0.00' },
      ]);
    });

    it('explains a posting: events, timeline segment, rule with citation and the arithmetic', async () => {
      const p = await person('jobafklaring', '2025-01-01');
      await courseExpense(p, '2025-03-01', '2025-03-31', '10000.00');
      const [e] = await entriesOf(p);
      const x = await get(`/ledger/entries/${encodeURIComponent(e.entryId)}/explanation`);
      expect(x.events.map((ev: { type: string }) => ev.type)).toEqual(['OfferExpenseRecorded']);
      expect(x.timelineSegment).toMatchObject({ targetGroup: 'jobafklaring', from: '2025-01-01' });
      expect(x.rule.id ?? x.rule.ruleId).toBe('JA-OPS');
      expect(x.entry.citation).toMatch(/000_140518b2c182b2de/);
      expect(x.arithmetic).toMatchObject({
        totalDays: 31,
        days: 31,
        amountOere: 1000000,
        refundOere: 500000,
      });
    });

    it('a cancelled offer has its costs reversed', async () => {
      const p = await person('jobafklaring', '2025-01-01');
      const offerId = `o-${randomUUID()}`;
      await send('RegisterOffer', {
        offerId,
        personId: p,
        offerKind: 'ordinary_education',
        startDate: '2025-03-01',
        endDate: '2025-03-31',
      });
      await send('RecordOfferExpense', {
        expenseId: `e-${randomUUID()}`,
        offerId,
        expenseType: 'course_fee',
        amount: '800.00',
        activityFrom: '2025-03-01',
        activityTo: '2025-03-31',
      });
      await send('CancelOffer', { offerId, reason: 'never took place' });
      expect((await entriesOf(p)).map((e) => [e.kind, e.amount, e.refundAmount])).toEqual([
        ['original', '800.00', '400.00'],
        ['reversal', '-800.00', '-400.00'],
      ]);
      const offer = await get(`/offers/${offerId}`);
      expect(offer).toMatchObject({ status: 'cancelled', expenses: [{ amount: '800.00', reversed: true }] });
    });

    it('a project invoice is shared by participant-days, explained, and shared again when a participant is cancelled', async () => {
      // 003_ba212cd929ee8ae7.txt L4210-L4213: an invoice for several target groups is divided between them.
      const projectId = `pr-${randomUUID()}`;
      await send('RegisterProject', {
        projectId,
        name: 'Lager og logistik',
        offerKind: 'ordinary_education',
        startDate: '2025-03-01',
        endDate: '2025-03-31',
      });
      const groups = ['jobafklaring', 'dagpenge', 'integration_programme'];
      const persons = await Promise.all(groups.map((g) => person(g, '2025-01-01')));
      const offers = persons.map(() => `o-${randomUUID()}`);
      for (const [i, personId] of persons.entries())
        await send('RegisterOffer', {
          offerId: offers[i],
          personId,
          projectId,
          offerKind: 'ordinary_education',
          startDate: i === 2 ? '2025-03-11' : '2025-03-01',
          endDate: '2025-03-31',
        });
      await send('RecordProjectExpense', {
        expenseId: 'inv-1',
        projectId,
        expenseType: 'course_fee',
        amount: '10000.00',
        activityFrom: '2025-03-01',
        activityTo: '2025-03-31',
      });
      // D = 31 + 31 + 21 = 83: C(31) = 373,494, C(62) = 746,988 øre (libs/ledger project-shares.unit.spec.ts);
      // JA-OPS 50 %, DP-OPS-2019H2 0 %, INT-PROG-OFFER 50 %.
      const shares = await Promise.all(persons.map((p) => entriesOf(p)));
      expect(shares.map((entries) => entries.map(brief))).toEqual([
        [['original', 'jobafklaring', '2025-03-01', '2025-03-31', '3734.94', '50', '1867.47', '2025-04']],
        [['original', 'dagpenge', '2025-03-01', '2025-03-31', '3734.94', '0', '0.00', '2025-04']],
        [
          [
            'original',
            'integration_programme',
            '2025-03-11',
            '2025-03-31',
            '2530.12',
            '50',
            '1265.06',
            '2025-04',
          ],
        ],
      ]);
      const project = await get(`/projects/${projectId}`);
      expect(project.expenses[0]).toMatchObject({
        expenseId: 'inv-1',
        amount: '10000.00',
        totalParticipantDays: 83,
        unshared: false,
        shares: [
          { offerId: offers[0], participantDays: 31, percentage: '37.35', amount: '3734.94' },
          { offerId: offers[1], participantDays: 31, percentage: '37.35', amount: '3734.94' },
          { offerId: offers[2], participantDays: 21, percentage: '25.30', amount: '2530.12' },
        ],
      });
      const x = await get(`/ledger/entries/${encodeURIComponent(shares[2][0].entryId)}/explanation`);
      expect(x.events.map((ev: { type: string }) => ev.type)).toEqual(['ProjectExpenseRecorded']);
      expect(x.projectShare).toMatchObject({
        participantDays: 21,
        totalParticipantDays: 83,
        share: '2530.12',
        formula: expect.stringContaining('round(1000000 × 83 / 83) − round(1000000 × 62 / 83)'),
      });
      expect(x.arithmetic).toMatchObject({ totalDays: 21, amountOere: 253012, refundOere: 126506 });

      now = new Date('2025-05-02T09:00:00Z');
      await send('CancelOffer', { offerId: offers[2], projectId, reason: 'never took place' });
      // D = 62: 5000.00 each; the third share reversed.
      const after = await Promise.all(persons.map((p) => entriesOf(p, { bookingPeriod: '2025-05' })));
      expect(after.map((entries) => entries.map((e) => [e.kind, e.amount, e.refundAmount]))).toEqual([
        [
          ['reversal', '-3734.94', '-1867.47'],
          ['rebooking', '5000.00', '2500.00'],
        ],
        [
          ['reversal', '-3734.94', '0.00'],
          ['rebooking', '5000.00', '0.00'],
        ],
        [['reversal', '-2530.12', '-1265.06']],
      ]);
      const rebooked = await get(`/ledger/entries/${encodeURIComponent(after[0][0].entryId)}/explanation`);
      expect(rebooked.projectShare).toMatchObject({ participantDays: 31, totalParticipantDays: 83 });
      expect((await get(`/projects/${projectId}`)).participants[2]).toMatchObject({ status: 'cancelled' });

      // Metode 1a (000_140518b2c182b2de.txt 3.1 L466-L469): ½ hour per job interview at 451 kr (DUT, 2025-pl):
      // 4 × 0.50 × 451.00 + 2 × 1.00 × 451.00 = 1804.00, out of March's 5000.00 + 5000.00: 902.00 from each.
      now = new Date('2025-06-02T09:00:00Z');
      await send('RecordAdministrativeShare', {
        shareId: 'as-1',
        projectId,
        activityFrom: '2025-03-01',
        activityTo: '2025-03-31',
        method: 'standard_price',
        lines: [
          { activity: 'job_interview', count: 4, hoursEach: 0.5, hourlyRate: '451.00' },
          { activity: 'job_plan', count: 2, hoursEach: '1', hourlyRate: '451.00' },
        ],
        priceLevelYear: 2025,
        methodReference: 'Metode 1a, notat af 15.01.2025',
      });
      const june = await Promise.all(
        persons.slice(0, 2).map((p) => entriesOf(p, { bookingPeriod: '2025-06' })),
      );
      expect(june.map((entries) => entries.map((e) => [e.kind, e.amount, e.refundAmount]))).toEqual([
        [['original', '-902.00', '-451.00']],
        [['original', '-902.00', '0.00']],
      ]);
      const administration = (await get('/ledger/entries', { account: '6.45.53', bookingPeriod: '2025-06' }))
        .entries;
      expect(administration.map(brief)).toEqual([
        ['original', null, '2025-03-01', '2025-03-31', '1804.00', '0', '0.00', '2025-06'],
      ]);
      const why = await get(`/ledger/entries/${encodeURIComponent(administration[0].entryId)}/explanation`);
      expect(why.administrativeShare).toMatchObject({
        method: 'standard_price',
        priceLevelYear: 2025,
        lines: [
          { formula: '4 × 0.50 h × 451.00 kr = 902.00 kr' },
          { formula: '2 × 1.00 h × 451.00 kr = 902.00 kr' },
        ],
        carved: '1804.00',
        excess: '0.00',
      });
      expect((await get(`/projects/${projectId}`)).administrativeShares).toMatchObject([
        {
          shareId: 'as-1',
          amount: '1804.00',
          costsOfPeriod: '10000.00',
          deductions: [{ amount: '-902.00' }, { amount: '-902.00' }],
        },
      ]);
      const refused = await request(system.http)
        .post('/v1/commands/RecordAdministrativeShare')
        .set('authorization', `Bearer ${token}`)
        .send({
          commandId: randomUUID(),
          municipality: '101',
          shareId: 'as-2',
          projectId,
          activityFrom: '2025-03-01',
          activityTo: '2025-03-31',
          method: 'time_registration',
          hours: '100',
          hourlyCost: '451.00',
          priceLevelYear: 2025,
          methodReference: 'tidsregistrering',
        });
      expect([refused.status, refused.body.code]).toEqual([422, 'administrative_share.exceeds_costs']);
    });

    it('a carve-out of an offer outside a project: deducted from its expenses, explained, in the statement, its excess unresolved', async () => {
      // The figures of libs/ledger/src/municipality-ledger/offer-carve-outs.unit.spec.ts: ordinary education of a person in
      // jobafklaring, 50 % (JA-OPS, 000_140518b2c182b2de.txt Bilag 3); e1 3100.00 for March, e2 4880.00 for 1 March–30 April,
      // its March part round(488,000 × 31 / 61) = 248,000 øre; 4.00 h × 451.00 kr (VEJ 9584 3.1, L466-L469, L479-L482) =
      // 1804.00 carved out of March's 5580.00: round(180,400 × 310,000 / 558,000) = 100,222 from e1, 80,178 from e2.
      // Booked in September and October, months the other scenarios of this municipality leave alone.
      const clockBefore = now;
      const personId = await person('jobafklaring', '2025-01-01');
      const offerId = `o:${randomUUID()}`; // an id with a colon, as the command schemas allow
      await send('RegisterOffer', {
        offerId,
        personId,
        offerKind: 'ordinary_education',
        startDate: '2025-03-01',
        endDate: '2025-04-30',
      });
      const expense = (expenseId: string, amount: string, activityTo: string) =>
        send('RecordOfferExpense', {
          expenseId,
          offerId,
          expenseType: 'course_fee',
          amount,
          activityFrom: '2025-03-01',
          activityTo,
        });
      const [e1, e2] = [`e1-${randomUUID()}`, `e2-${randomUUID()}`];
      await expense(e1, '3100.00', '2025-03-31');
      await expense(e2, '4880.00', '2025-04-30');
      now = new Date('2025-09-02T09:00:00Z');
      const carveOut = {
        shareId: 'as:1',
        offerId,
        activityFrom: '2025-03-01',
        activityTo: '2025-03-31',
        method: 'time_registration',
        hours: '4.00',
        hourlyCost: '451.00',
        priceLevelYear: 2025,
        methodReference: 'Metode 2, tidsregistrering af 15.01.2025',
      };
      // 13.75 h × 451.00 = 6201.25 is more than March's 5580.00: refused, nothing appended.
      const refused = await request(system.http)
        .post('/v1/commands/RecordAdministrativeShare')
        .set('authorization', `Bearer ${token}`)
        .send({ commandId: randomUUID(), municipality: '101', ...carveOut, hours: '13.75' });
      expect([refused.status, refused.body.code]).toEqual([422, 'administrative_share.exceeds_costs']);
      await send('RecordAdministrativeShare', carveOut);
      const september = await entriesOf(personId, { bookingPeriod: '2025-09' });
      expect(september.map(brief)).toEqual([
        ['original', 'jobafklaring', '2025-03-01', '2025-03-31', '-1002.22', '50', '-501.11', '2025-09'],
        ['original', 'jobafklaring', '2025-03-01', '2025-03-31', '-801.78', '50', '-400.89', '2025-09'],
        ['original', null, '2025-03-01', '2025-03-31', '1804.00', '0', '0.00', '2025-09'],
      ]);
      expect(september[2].account).toMatchObject({ function: '6.45.53' });
      expect((await get('/ledger/entries', { offerId, account: '6.45.53' })).entries).toHaveLength(1);
      const why = await get(`/ledger/entries/${encodeURIComponent(september[2].entryId)}/explanation`);
      expect(why.administrativeShare).toMatchObject({
        shareId: 'as:1',
        offerId,
        projectId: null,
        role: 'carve_out',
        formula: '4.00 h × 451.00 kr = 1804.00 kr',
        costsOfPeriod: '5580.00',
        carved: '1804.00',
        excess: '0.00',
        deductions: [
          { expenseId: e1, cost: '3100.00', amount: '-1002.22' },
          { expenseId: e2, cost: '2480.00', amount: '-801.78' },
        ],
      });
      expect(why.events.map((e: { type: string }) => e.type)).toEqual(['AdministrativeShareRecorded']);
      const deduction = await get(`/ledger/entries/${encodeURIComponent(september[0].entryId)}/explanation`);
      expect(deduction.administrativeShare).toMatchObject({ role: 'deduction', offerId });
      expect(deduction.arithmetic).toMatchObject({ amountOere: -100222, refundOere: -50111 });
      const account = await request(system.http)
        .get(`/v1/municipalities/101/ledger/entries/${encodeURIComponent(september[0].entryId)}/explanation`)
        .query({ minPosition: lastPosition })
        .set('authorization', `Bearer ${token}`)
        .set('accept', 'text/plain');
      expect(account.text).toContain(
        `udskilt af tilbud ${offerId}s egne udgifter for perioden 01.03.2025–31.03.2025`,
      );
      expect(account.text).toContain(`Denne postering er fradraget i udgift ${e1}`);
      expect((await get(`/offers/${encodeURIComponent(offerId)}`)).administrativeShares).toMatchObject([
        { shareId: 'as:1', offerId, amount: '1804.00', carved: '1804.00' },
      ]);

      // Both expenses reversed afterwards (a correction, or a race the decision could not see): nothing in March carries
      // the 1804.00, so it leaves 6.45.53 and is posted as unresolved, with the reason.
      now = new Date('2025-10-02T09:00:00Z');
      for (const expenseId of [e1, e2])
        await send('ReverseOfferExpense', { expenseId, reason: 'faktura krediteret' });
      const october = await entriesOf(personId, { bookingPeriod: '2025-10' });
      const excess = october.find((e) => e.unresolved !== null)!;
      expect([excess.amount, excess.account]).toEqual(['1804.00', null]);
      expect(october.reduce((sum, e) => sum + Math.round(Number(e.amount) * 100), 0)).toBe(-617600); // −3100.00 − 4880.00 + the deductions 1804.00 back; 6.45.53 −1804.00, unresolved +1804.00
      const statement = await get('/refund-statements/2025');
      expect(statement.unresolved).toContainEqual(
        expect.objectContaining({
          entryId: excess.entryId,
          offerId,
          amount: '1804.00',
          reason: `the administrative share exceeds the hovedkonto 5 costs of its period: the excess cannot be carved out of them (offer ${offerId})`,
        }),
      );
      const excessWhy = await get(`/ledger/entries/${encodeURIComponent(excess.entryId)}/explanation`);
      expect(excessWhy.administrativeShare).toMatchObject({
        role: 'excess',
        costsOfPeriod: '0.00',
        excess: '1804.00',
      });
      now = clockBefore;
    });

    it('a Bilag 2 timesheet over two projects and administration is split by hours, explained, and corrected by a later revision', async () => {
      // VEJ 9584 6.4 B (000_140518b2c182b2de.txt L1068-L1073) and Bilag 2 (L1614-L1815); the figures are those of
      // libs/ledger/src/municipality-ledger/timesheets.unit.spec.ts: 9000.00 kr over 22.25 h.
      const [P, Q] = [`pr-${randomUUID()}`, `pr-${randomUUID()}`];
      for (const projectId of [P, Q])
        await send('RegisterProject', {
          projectId,
          name: 'Værksted',
          offerKind: 'ordinary_education',
          startDate: '2025-03-01',
          endDate: '2025-03-31',
        });
      const persons = await Promise.all(
        ['jobafklaring', 'dagpenge', 'jobafklaring'].map((g) => person(g, '2025-01-01')),
      );
      for (const [i, personId] of persons.entries())
        await send('RegisterOffer', {
          offerId: `o-${randomUUID()}`,
          personId,
          projectId: i < 2 ? P : Q,
          offerKind: 'ordinary_education',
          startDate: '2025-03-01',
          endDate: '2025-03-31',
        });
      const staffId = `s-${randomUUID()}`;
      const timesheet = (revision: number, wednesday: object[], administration: string) => ({
        timesheetId: 'ts-1',
        revision,
        staffId,
        staffCategory: 'Jobkonsulent',
        week: '2025-W10',
        salaryCost: '9000.00',
        days: [
          {
            date: '2025-03-03',
            hoursWorked: 7.5,
            offerHours: [{ projectId: P, hours: 5 }],
            administrationHours: 2.5,
          },
          {
            date: '2025-03-04',
            hoursWorked: '7.25',
            offerHours: [
              { projectId: P, hours: 3 },
              { projectId: Q, hours: '3.25' },
            ],
            administrationHours: 1,
          },
          {
            date: '2025-03-05',
            hoursWorked: 7.5,
            offerHours: wednesday,
            administrationHours: administration,
          },
        ],
        approvedBy: { employee: 'Anne Jensen', manager: 'Lars Holm' },
      });
      await send('RecordStaffTimesheet', timesheet(1, [{ projectId: Q, hours: 7.5 }], '0'));
      const shares = await Promise.all(persons.map((p) => entriesOf(p)));
      expect(shares.map((entries) => entries.map(brief))).toEqual([
        [['original', 'jobafklaring', '2025-03-03', '2025-03-04', '1617.98', '50', '808.99', '2025-04']],
        [['original', 'dagpenge', '2025-03-03', '2025-03-04', '1617.98', '0', '0.00', '2025-04']],
        [['original', 'jobafklaring', '2025-03-04', '2025-03-05', '4348.31', '50', '2174.16', '2025-04']],
      ]);
      const administration = (await get('/ledger/entries', { account: '6.45.53', bookingPeriod: '2025-04' }))
        .entries;
      expect(administration.map(brief)).toEqual([
        ['original', null, '2025-03-03', '2025-03-04', '1415.73', '0', '0.00', '2025-04'],
      ]);
      const why = await get(`/ledger/entries/${encodeURIComponent(shares[2][0].entryId)}/explanation`);
      expect(why.events.map((ev: { type: string }) => ev.type)).toEqual(['StaffTimesheetRecorded']);
      expect(why.timesheet).toMatchObject({
        revision: 1,
        week: '2025-W10',
        totalHours: '22.25',
        part: 1,
        reportForm: [
          { target: 'project', projectId: P, hours: '8.00', percentage: '35.96', amount: '3235.96' },
          { target: 'project', projectId: Q, hours: '10.75', percentage: '48.31', amount: '4348.31' },
          { target: 'administration', hours: '3.50', percentage: '15.73', amount: '1415.73' },
        ],
      });
      const own = await get(`/ledger/entries/${encodeURIComponent(administration[0].entryId)}/explanation`);
      expect(own.timesheet).toMatchObject({ part: 2 });
      const account = await request(system.http)
        .get(
          `/v1/municipalities/101/ledger/entries/${encodeURIComponent(administration[0].entryId)}/explanation`,
        )
        .query({ format: 'text', minPosition: lastPosition })
        .set('authorization', `Bearer ${token}`);
      expect(account.text).toContain('Timeseddel (Bilag 2)');
      expect((await get(`/projects/${Q}`)).expenses).toMatchObject([
        {
          expenseType: 'staff_cost',
          amount: '4348.31',
          timesheet: { staffId, timesheetId: 'ts-1', revision: 1, hours: '10.75', percentage: '48.31' },
        },
      ]);

      // The same revision again is a retry; other content under it, or a lower revision, a 409.
      const again = async (body: object) => {
        const res = await request(system.http)
          .post('/v1/commands/RecordStaffTimesheet')
          .set('authorization', `Bearer ${token}`)
          .send({ commandId: randomUUID(), municipality: '101', ...body });
        return [res.status, res.body.code];
      };
      expect(await again(timesheet(1, [{ projectId: Q, hours: 7.5 }], '0'))).toEqual([200, undefined]);
      expect(
        await again({ ...timesheet(1, [{ projectId: Q, hours: 7.5 }], '0'), salaryCost: '1.00' }),
      ).toEqual([409, 'timesheet.revision_conflict']);

      // Revision 2 moves Wednesday to 4 h on P and 3.5 h administration: only the differences are posted.
      now = new Date('2025-05-02T09:00:00Z');
      await send('RecordStaffTimesheet', timesheet(2, [{ projectId: P, hours: 4 }], '3.5'));
      const may = await Promise.all(persons.map((p) => entriesOf(p, { bookingPeriod: '2025-05' })));
      expect(may.map((entries) => entries.map((e) => [e.kind, e.amount, e.refundAmount]))).toEqual([
        [
          ['reversal', '-1617.98', '-808.99'],
          ['rebooking', '2426.97', '1213.49'],
        ],
        [
          ['reversal', '-1617.98', '0.00'],
          ['rebooking', '2426.96', '0.00'],
        ],
        [
          ['reversal', '-4348.31', '-2174.16'],
          ['rebooking', '1314.61', '657.31'],
        ],
      ]);
      const corrected = (await get('/ledger/entries', { account: '6.45.53', bookingPeriod: '2025-05' }))
        .entries;
      expect(corrected.map((e: Entry) => [e.kind, e.amount])).toEqual([
        ['reversal', '-1415.73'],
        ['rebooking', '2831.46'],
      ]);
      expect(await again(timesheet(1, [{ projectId: Q, hours: 7.5 }], '0'))).toEqual([
        409,
        'timesheet.revision_superseded',
      ]);
      const statement = await get('/refund-statements/2025');
      const sum = (await get('/ledger/entries', { account: '6.45.53', limit: '1000' })).entries
        .filter((e: Entry) => e.bookingPeriod.startsWith('2025'))
        .reduce((total: number, e: Entry) => total + Math.round(Number(e.amount) * 100), 0);
      // The statement's 6.45.53 line (activity in 2025, booked in 2025) holds every such posting, these included.
      const line = statement.accounts.find((a: { account: string | null }) =>
        a.account?.startsWith('6.45.53.'),
      );
      expect(Math.round(Number(line.cost) * 100)).toBe(sum);
    });
  });
}

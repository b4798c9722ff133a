import { groupChanges, type ChangedPosting } from './changes';
import { buildStatement, type RefundStatement, type StatementGroup, type StatementInput } from './statement';

const group = (over: Partial<StatementGroup>): StatementGroup => ({
  account: '5.68.90.1.097',
  refundAccount: '5.68.90.2.004',
  targetGroup: 'jobafklaring',
  activityYear: 2025,
  quarter: 1,
  unresolved: null,
  capAdjustment: false,
  cap: null,
  entries: 1,
  amountOere: 0n,
  refundOere: 0n,
  ...over,
});

describe('refund statements', () => {
  const statement: RefundStatement = buildStatement({
    municipality: '101',
    year: 2025,
    quarter: null,
    asOf: '2025-07-01T00:00:00.000Z',
    closedAt: null,
    groups: [
      group({ amountOere: 1000000n, refundOere: 500000n }),
      group({
        targetGroup: 'sygedagpenge',
        account: '5.68.90.1.111',
        refundAccount: null,
        entries: 3,
        amountOere: 450000n,
      }),
      group({ activityYear: 2018, amountOere: 310000n, refundOere: 155000n }),
      group({
        targetGroup: 'dagpenge',
        account: null,
        refundAccount: null,
        activityYear: 2013,
        unresolved: 'no_rule',
        amountOere: 123456n,
        refundOere: 0n,
      }),
      group({
        targetGroup: 'integration_programme',
        account: '5.46.60.1.001',
        refundAccount: null,
        cap: 'integration_raadighedsloft',
        amountOere: 10000000n,
        refundOere: 5000000n,
      }),
      group({
        targetGroup: null,
        account: null,
        refundAccount: null,
        capAdjustment: true,
        cap: 'integration_raadighedsloft',
        refundOere: -663700n,
      }),
    ],
    unresolvedLines: [],
    caps: [
      {
        cap: 'integration_raadighedsloft',
        rateBasisPoints: 5000,
        parameters: { amountPerFullYearPersonOere: 4336300, fullYearPersonsHundredths: 200 },
        eligibleCostsOere: 10000000n,
        refundBeforeCapOere: 5000000n,
        adjustmentsOere: -663700n,
      },
    ],
  });

  it('totals resolved postings, keeps afløb, unresolved lines and cap adjustments apart', () => {
    expect(statement.totals).toEqual({
      costOere: 1000000n + 450000n + 310000n + 10000000n,
      refundBeforeCapsOere: 500000n + 155000n + 5000000n,
      capAdjustmentsOere: -663700n,
      refundOere: 500000n + 155000n + 5000000n - 663700n,
      afloebCostOere: 310000n,
      afloebRefundOere: 155000n,
      unresolvedCostOere: 123456n,
      unresolvedEntries: 1,
    });
    expect(statement.accounts.map((a) => [a.account, a.costOere, a.refundOere])).toEqual([
      ['5.46.60.1.001', 10000000n, 5000000n],
      ['5.68.90.1.097', 1000000n, 500000n],
      ['5.68.90.1.111', 450000n, 0n],
    ]);
    expect(statement.afloeb).toEqual([
      expect.objectContaining({
        activityYear: 2018,
        account: '5.68.90.1.097',
        refundAccount: '5.68.90.2.004',
        entries: 1,
        costOere: 310000n,
        refundOere: 155000n,
      }),
    ]);
    expect(statement.targetGroups.map((g) => [g.targetGroup, g.costOere])).toEqual([
      ['integration_programme', 10000000n],
      ['jobafklaring', 1310000n],
      ['sygedagpenge', 450000n],
    ]);
    expect(statement.caps[0]).toMatchObject({
      status: 'allowance_exceeded',
      cappedRefundOere: 4336300n,
      requiredAdjustmentOere: -663700n,
      deltaOere: 0n,
      adjustmentsInPeriodOere: -663700n,
    });
  });

  it('sums exactly past 2^53 øre (two groups of 90,071,992,547,409.91 kr)', () => {
    const huge = buildStatement({
      municipality: '101',
      year: 2025,
      quarter: null,
      asOf: '2025-07-01T00:00:00.000Z',
      closedAt: null,
      unresolvedLines: [],
      caps: [],
      groups: [
        group({ amountOere: 9_007_199_254_740_991n, refundOere: 4_503_599_627_370_496n }),
        group({ account: '5.68.90.1.098', amountOere: 9_007_199_254_740_991n }),
      ],
    });
    expect(huge.totals).toMatchObject({
      costOere: 18_014_398_509_481_982n,
      refundOere: 4_503_599_627_370_496n,
    });
    expect(huge.targetGroups).toEqual([
      expect.objectContaining({
        targetGroup: 'jobafklaring',
        entries: 2,
        costOere: 18_014_398_509_481_982n,
        refundOere: 4_503_599_627_370_496n,
      }),
    ]);
  });
});

const input = (over: Partial<StatementInput>): StatementInput => ({
  municipality: '101',
  year: 2018,
  quarter: null,
  asOf: '2019-03-01T00:00:00.000Z',
  closedAt: null,
  groups: [],
  unresolvedLines: [],
  caps: [],
  ...over,
});
const adjustment = (over: Partial<StatementGroup>): StatementGroup =>
  group({ account: null, refundAccount: null, targetGroup: null, capAdjustment: true, ...over });

describe('statement quarters side by side', () => {
  it("keeps each line's totals per booking quarter beside the year", () => {
    const s = buildStatement(
      input({
        year: 2025,
        groups: [
          group({ quarter: 1, amountOere: 100000n, refundOere: 50000n }),
          group({ quarter: 3, entries: 2, amountOere: 30000n, refundOere: 15000n }),
        ],
      }),
    );
    expect(s.accounts[0]).toMatchObject({ entries: 3, costOere: 130000n, refundOere: 65000n });
    expect(s.accounts[0].quarters).toEqual([
      { entries: 1, costOere: 100000n, refundOere: 50000n },
      { entries: 0, costOere: 0n, refundOere: 0n },
      { entries: 2, costOere: 30000n, refundOere: 15000n },
      { entries: 0, costOere: 0n, refundOere: 0n },
    ]);
    expect(s.targetGroups[0].quarters[2]).toEqual({ entries: 2, costOere: 30000n, refundOere: 15000n });
  });
});

describe('cap adjustments on their dranst-2 accounts, as the ledger posted them', () => {
  it("shows a driftsloft's adjustment on the refund account it was posted on (seed001.md 5.68.90 dranst 2, grp 001)", () => {
    const s = buildStatement(
      input({
        groups: [
          adjustment({
            cap: 'driftsloft_dagpenge_kontanthjaelp',
            refundAccount: '5.68.90.2.001',
            quarter: 4,
            refundOere: -120000n,
          }),
        ],
      }),
    );
    expect(s.capAdjustments).toEqual([
      {
        cap: 'driftsloft_dagpenge_kontanthjaelp',
        refundAccount: '5.68.90.2.001',
        refundOere: -120000n,
        quarters: [0n, 0n, 0n, -120000n],
        unresolved: null,
      },
    ]);
  });

  it("shows the mentorramme's parts on 5.68.90.2.001 (grp 017) and .002 (grp 019) each on its line, quarter by quarter", () => {
    // the ledger shared −1,000.00 kr by refunds before the cap of 2,000.00 kr (.001) and 1,000.00 kr (.002)
    const s = buildStatement(
      input({
        groups: [
          adjustment({ cap: 'mentorramme', refundAccount: '5.68.90.2.002', quarter: 2, refundOere: -33333n }),
          adjustment({ cap: 'mentorramme', refundAccount: '5.68.90.2.001', quarter: 2, refundOere: -66667n }),
          adjustment({ cap: 'mentorramme', refundAccount: '5.68.90.2.001', quarter: 3, refundOere: 1000n }),
        ],
      }),
    );
    expect(s.capAdjustments.map((c) => [c.refundAccount, c.refundOere, c.quarters])).toEqual([
      ['5.68.90.2.001', -65667n, [0n, -66667n, 1000n, 0n]],
      ['5.68.90.2.002', -33333n, [0n, -33333n, 0n, 0n]],
    ]);
    expect(s.capAdjustments.reduce((sum, c) => sum + c.refundOere, 0n)).toBe(s.totals.capAdjustmentsOere);
  });

  it('says so where the sources name no dranst-2 grouping (the integration rådighedsloft, VEJ 9584 Bilag 1)', () => {
    const s = buildStatement(
      input({
        year: 2025,
        groups: [adjustment({ cap: 'integration_raadighedsloft', refundOere: -663700n })],
      }),
    );
    expect(s.capAdjustments).toEqual([
      expect.objectContaining({
        refundAccount: null,
        refundOere: -663700n,
        unresolved: { outcome: 'no_rule', reason: expect.stringMatching(/ingen dranst-2-gruppering/) },
      }),
    ]);
  });
});

describe('unresolved lines with the account they would take', () => {
  const line = {
    entryId: 'e1',
    personId: 'p1',
    offerId: 'o1',
    costItemId: 'c1',
    targetGroup: 'kontanthjaelp',
    activityFrom: '2014-03-01',
    activityTo: '2014-03-31',
    bookingPeriod: '2018-04',
    bookingDate: '2018-04-03',
    amountOere: 10000,
    reason: 'contradicting sources',
  };

  it('the account the chart decides, else the accounts of the contradicting rules', () => {
    const s = buildStatement(
      input({
        unresolvedLines: [
          { ...line, account: '5.68.90.1.004', outcome: 'no_rule', candidates: [] },
          // KTH-AP-MENTOR-2015 and -2016 both book on 5.68.90 grp 017 (refund-rules.json)
          {
            ...line,
            entryId: 'e2',
            account: null,
            outcome: 'ambiguous',
            candidates: ['KTH-AP-MENTOR-2015', 'KTH-AP-MENTOR-2016'],
          },
          { ...line, entryId: 'e3', account: null, outcome: 'no_rule', candidates: [] },
        ],
      }),
    );
    expect(s.unresolved.map((u) => [u.entryId, u.wouldTake])).toEqual([
      ['e1', ['5.68.90.1.004']],
      ['e2', ['5.68.90.1.017']],
      ['e3', []],
    ]);
  });
});

describe('what changed', () => {
  const cause = { commandType: 'X', actor: 'jobcentre:sb-1', reason: null, personId: 'p-1' };
  it('groups postings by causing command, in order of its first posting, with its cause', () => {
    const p = (commandId: string, amountOere: number, refundOere: number | null): ChangedPosting =>
      ({
        causedBy: { eventId: 'e', commandId },
        cause: { ...cause, reason: commandId === 'b' ? 'fejl' : null },
        recordedAt: 't',
        amountOere,
        refundOere,
      }) as ChangedPosting;
    const changes = groupChanges([p('a', 100, 50), p('b', -100, null), p('a', 20, 10)]);
    expect(
      changes.map((c) => [c.commandId, c.actor, c.reason, c.personId, c.entries, c.amountOere, c.refundOere]),
    ).toEqual([
      ['a', 'jobcentre:sb-1', null, 'p-1', 2, 120n, 60n],
      ['b', 'jobcentre:sb-1', 'fejl', 'p-1', 1, -100n, 0n],
    ]);
  });

  it('sums exactly past 2^53 øre (two postings of 90,071,992,547,409.91 kr)', () => {
    const p = (commandId: string): ChangedPosting =>
      ({
        causedBy: { eventId: 'e', commandId },
        cause,
        recordedAt: 't',
        amountOere: Number.MAX_SAFE_INTEGER,
        refundOere: Number.MAX_SAFE_INTEGER,
      }) as ChangedPosting;
    const [command] = groupChanges([p('a'), p('a')]);
    expect([command.amountOere, command.refundOere]).toEqual([
      18_014_398_509_481_982n,
      18_014_398_509_481_982n,
    ]);
  });
});

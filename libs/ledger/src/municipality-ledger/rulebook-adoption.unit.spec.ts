// A rulebook correction reaching a ledger that already exists: events are judged under the version in force at their
// log position, and the adoption of a new version re-judges the open cost items, posting exactly the differences in
// its own booking period, caused by it. The correction used: 2026.12-2 booked every integration-programme mentor cost
// on 5.46.60 grouping 004 (ydelsesmodtagere); 2026.12-3 reads Bilag 1 as it stands (000 L1550-L1554 grouping 004 for
// ydelsesmodtagere, L1563-L1566 grouping 008 for selvforsørgende) and withholds the refund until the change says which.
// 3 contact hours × 400,00 kr = 1.200,00 kr; 50 % (000 L1523-L1526) = 600,00 kr.
import { givenEvents, ledgerEvents } from '../testing/given-ledger-events';

const l = ledgerEvents();
const june2025 = l.at('2025-06-12T09:00:00Z');
const adoptedDecember2026 = l.at('2026-12-01T06:00:00Z', { eventId: 'adoption-1', commandId: 'adoption-1' });
const agreement = {
  agreementId: 'a1',
  mentorType: 'social' as const,
  startDate: '2025-06-01',
  endDate: '2025-12-31',
};
const threeHours = { contactHours: '3.00', hourlyCost: '400.00', cost: '1200.00' };
const built = [
  june2025.targetGroupChanged('p1', 'integration_programme', '2025-01-01', { changeCommandId: 'c1' }),
  june2025.mentorHoursRecorded('p1', agreement, '2025-06-10', threeHours),
  june2025.targetGroupChanged('p2', 'jobafklaring', '2025-01-01'),
  june2025.expenseRecorded('p2', 'o2', 'e2', '10000.00', '2025-03-01', '2025-03-31'),
];
const detail = (p: {
  ruleId: string | null;
  rulebookVersion: string | null;
  causedBy: { eventId: string };
}) => [p.ruleId, p.rulebookVersion, p.causedBy.eventId];

it('the ledger as built under 2026.12-2: the 2025 mentor cost at 50 % on grouping 004', () => {
  const { postings } = givenEvents([], { rulebook: '2026.12-2' }).when(...built);
  expect(postings.map((p) => [...detail(p), p.costItemId.slice(0, 7), p.account?.grouping])).toEqual([
    ['INT-PROG-MENTOR', '2026.12-2', postings[0].causedBy.eventId, 'mentor:', '004'],
    ['JA-OPS', '2026.12-2', postings[1].causedBy.eventId, 'expense', '097'],
  ]);
});

it('adopting 2026.12-3 in December 2026 reverses the 600,00 kr and rebooks the 1.200,00 kr unresolved in 2026-12, caused by the adoption; the jobafklaring course stands', () => {
  const postings = givenEvents(built, { rulebook: '2026.12-2' })
    .when(adoptedDecember2026.rulebookAdopted('2026.12-3'))
    .thenPostings([
      [
        'reversal',
        'integration_programme',
        '2025-06-10',
        '2025-06-10',
        '-1200.00',
        '50',
        '-600.00',
        '2026-12',
      ],
      ['rebooking', 'integration_programme', '2025-06-10', '2025-06-10', '1200.00', null, null, '2026-12'],
    ]);
  expect(postings.map(detail)).toEqual([
    ['INT-PROG-MENTOR', '2026.12-3', 'adoption-1'],
    [null, '2026.12-3', 'adoption-1'],
  ]);
  expect(postings[1].unresolved?.reason).toMatch(/state attributes.selfSupporting/);
});

it('after the adoption the jobcentre states the participant is selvforsørgende: 1.200,00 × 50 % = 600,00 kr on grouping 008, under 2026.12-3', () => {
  const december = l.at('2026-12-02T09:00:00Z');
  const postings = givenEvents([...built, adoptedDecember2026.rulebookAdopted('2026.12-3')], {
    rulebook: '2026.12-2',
  })
    .when(
      december.targetGroupChanged('p1', 'integration_programme', '2025-01-01', {
        attributes: { selfSupporting: true },
      }),
    )
    .thenPostings([
      ['reversal', 'integration_programme', '2025-06-10', '2025-06-10', '-1200.00', null, null, '2026-12'],
      [
        'rebooking',
        'integration_programme',
        '2025-06-10',
        '2025-06-10',
        '1200.00',
        '50',
        '600.00',
        '2026-12',
      ],
    ]);
  expect(postings[1]).toMatchObject({
    ruleId: 'INT-PROG-MENTOR-SELF',
    account: { function: '5.46.60', grouping: '008' },
    rulebookVersion: '2026.12-3',
  });
});

it('adopting a version that changes nothing for an item posts nothing for it', () => {
  givenEvents([built[2], built[3]], { rulebook: '2026.12-2' })
    .when(adoptedDecember2026.rulebookAdopted('2026.12-3'))
    .thenPostings([]);
});

it('an event after the adoption is judged under the adopted version only: the same hours recorded then are unresolved at once', () => {
  const december = l.at('2026-12-02T09:00:00Z');
  const { postings } = givenEvents([built[0], adoptedDecember2026.rulebookAdopted('2026.12-3')], {
    rulebook: '2026.12-2',
  }).when(december.mentorHoursRecorded('p1', agreement, '2025-06-10', threeHours));
  expect(postings.map((p) => [p.kind, p.refundOere, p.rulebookVersion])).toEqual([
    ['original', null, '2026.12-3'],
  ]);
});

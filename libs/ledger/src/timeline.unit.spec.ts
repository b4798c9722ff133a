import { registeredSegments, segmentOn, timelineAsOf, type TargetGroupChangeRecord } from './timeline';

const unknown = (to: string | null) => ({
  targetGroup: null,
  attributes: {},
  from: null,
  to,
  recordedAt: null,
  changeCommandId: null,
});

const changes: TargetGroupChangeRecord[] = [
  {
    changeCommandId: 'c1',
    targetGroup: 'sygedagpenge',
    attributes: { sickPayCategory: 2 },
    effectiveFrom: '2019-01-01',
    recordedAt: '2019-01-05T10:00:00Z',
  },
  // learned late, registered with an effective date in the past
  {
    changeCommandId: 'c2',
    targetGroup: 'jobafklaring',
    effectiveFrom: '2019-03-11',
    recordedAt: '2019-05-15T09:00:00Z',
  },
  {
    changeCommandId: 'c3',
    targetGroup: 'dagpenge',
    attributes: { readiness: 'jobparat' },
    effectiveFrom: '2019-09-01',
    recordedAt: '2019-09-02T08:00:00Z',
    retractedAt: '2019-10-01T08:00:00Z',
  },
];

describe('timelineAsOf', () => {
  it('has an explicit unknown segment when nothing is registered', () => {
    expect(timelineAsOf([])).toEqual([unknown(null)]);
  });

  it('shows every visible change from its effective date until the next', () => {
    expect(timelineAsOf(changes, '2019-09-15T00:00:00Z')).toEqual([
      unknown('2018-12-31'),
      {
        targetGroup: 'sygedagpenge',
        attributes: { sickPayCategory: 2 },
        from: '2019-01-01',
        to: '2019-03-10',
        recordedAt: '2019-01-05T10:00:00Z',
        changeCommandId: 'c1',
      },
      {
        targetGroup: 'jobafklaring',
        attributes: {},
        from: '2019-03-11',
        to: '2019-08-31',
        recordedAt: '2019-05-15T09:00:00Z',
        changeCommandId: 'c2',
      },
      {
        targetGroup: 'dagpenge',
        attributes: { readiness: 'jobparat' },
        from: '2019-09-01',
        to: null,
        recordedAt: '2019-09-02T08:00:00Z',
        changeCommandId: 'c3',
      },
    ]);
  });

  it('ignores changes recorded after asOf (the timeline as known earlier)', () => {
    expect(timelineAsOf(changes, '2019-05-01T00:00:00Z')).toEqual([
      unknown('2018-12-31'),
      {
        targetGroup: 'sygedagpenge',
        attributes: { sickPayCategory: 2 },
        from: '2019-01-01',
        to: null,
        recordedAt: '2019-01-05T10:00:00Z',
        changeCommandId: 'c1',
      },
    ]);
    expect(timelineAsOf(changes, '2019-01-05T09:59:59Z')).toEqual([unknown(null)]);
    expect(timelineAsOf(changes, '2019-01-05T10:00:00Z')).toHaveLength(2); // recorded exactly at asOf: visible
  });

  it('removes a retracted change for every effective date once the retraction is recorded', () => {
    const now = timelineAsOf(changes);
    expect(now.map((s) => s.changeCommandId)).toEqual([null, 'c1', 'c2']);
    expect(now[2].to).toBeNull();
    expect(timelineAsOf(changes, '2019-10-01T08:00:00Z').map((s) => s.changeCommandId)).toEqual([
      null,
      'c1',
      'c2',
    ]); // at asOf: applied
    expect(timelineAsOf(changes, '2019-10-01T07:59:59Z').map((s) => s.changeCommandId)).toEqual([
      null,
      'c1',
      'c2',
      'c3',
    ]);
  });

  it('lets the later recorded of two changes with the same effective date win', () => {
    const same: TargetGroupChangeRecord[] = [
      {
        changeCommandId: 'late',
        targetGroup: 'dagpenge',
        effectiveFrom: '2020-01-01',
        recordedAt: '2020-02-01T00:00:00Z',
      },
      {
        changeCommandId: 'early',
        targetGroup: 'kontanthjaelp',
        effectiveFrom: '2020-01-01',
        recordedAt: '2020-01-10T00:00:00Z',
      },
    ];
    expect(timelineAsOf(same).map((s) => s.changeCommandId)).toEqual([null, 'late']);
    expect(timelineAsOf(same, '2020-01-31T00:00:00Z').map((s) => s.changeCommandId)).toEqual([null, 'early']);
    // retracting the winner brings the earlier one back
    expect(
      timelineAsOf([{ ...same[0], retractedAt: '2020-03-01T00:00:00Z' }, same[1]]).map(
        (s) => s.changeCommandId,
      ),
    ).toEqual([null, 'early']);
  });

  it('compares instants, not strings, and breaks equal instants by log order', () => {
    const tie: TargetGroupChangeRecord[] = [
      {
        changeCommandId: 'a',
        targetGroup: 'dagpenge',
        effectiveFrom: '2020-01-01',
        recordedAt: '2020-01-10T01:00:00.000+01:00',
      },
      {
        changeCommandId: 'b',
        targetGroup: 'jobafklaring',
        effectiveFrom: '2020-01-01',
        recordedAt: '2020-01-10T00:00:00Z',
      },
    ];
    expect(timelineAsOf(tie).map((s) => s.changeCommandId)).toEqual([null, 'b']);
  });

  it('lists only registered segments for the timeline query, and finds the segment on a date', () => {
    const t = timelineAsOf(changes, '2019-09-15T00:00:00Z');
    expect(registeredSegments(t).map((s) => s.changeCommandId)).toEqual(['c1', 'c2', 'c3']);
    expect(segmentOn(t, '2019-03-10').changeCommandId).toBe('c1');
    expect(segmentOn(t, '2019-03-11').changeCommandId).toBe('c2');
    expect(segmentOn(t, '2018-06-01').targetGroup).toBeNull();
  });
});

// Groupings of 5.68.90 and neighbours from the chart of accounts (001_fcfd66b91da6fb8d.txt, BRS July 2020),
// 5.46.60 from VEJ 9584/2025 Bilag 1, and 6.45.53 for administration.
import {
  accountFields,
  accountOf,
  groupingByKey,
  groupings,
  validateGroupingRows,
} from './account-groupings.catalog';

describe('account groupings', () => {
  it('holds 5.68.90 with titles and validity, cited', () => {
    expect(groupingByKey('5.68.90/1/097')).toMatchObject({
      title: 'Jobafklaringsforløb, driftsudgifter ved aktivering med 50 pct. refusion',
      validFrom: null,
      validTo: null,
    });
    expect(groupingByKey('5.68.90/1/108')).toMatchObject({ validFrom: '2019-01-01', validTo: '2019-06-30' });
    expect(groupingByKey('5.68.90/1/001')).toMatchObject({ validTo: '2019-06-30' });
    expect(groupingByKey('5.68.90/1/109')).toMatchObject({ validFrom: '2019-07-01' });
    expect(groupings().filter((g) => g.function === '5.68.90').length).toBe(45);
    expect(groupings().every((g) => g.source.source.endsWith('.txt') && g.source.section.length > 0)).toBe(
      true,
    );
  });

  it('holds the integration groupings of Bilag 1 and 6.45.53 for administration', () => {
    expect(groupingByKey('5.46.60/1/004')?.title).toMatch(/mentor for ydelsesmodtagere/);
    expect(groupingByKey('6.45.53/1/-')?.title).toMatch(/Administration vedrørende jobcentre/);
  });

  it('accountOf gives the posting account and rejects unknown keys', () => {
    expect(accountOf('5.68.90/2/004')).toEqual({ function: '5.68.90', dranst: '2', grouping: '004' });
    expect(() => accountOf('5.68.90/1/999')).toThrow(/unknown posting account/);
  });

  it('the data is valid; broken rows are reported', () => {
    expect(validateGroupingRows(groupings().map(({ key: _key, ...row }) => row))).toEqual([]);
    const bad = {
      function: '5.68',
      dranst: '1',
      grouping: '1',
      title: '',
      validFrom: '2020-13-01',
      validTo: null,
      source: { source: '', section: '' },
    };
    expect(validateGroupingRows([bad]).length).toBeGreaterThanOrEqual(4);
  });

  it("accountFields splits a statement account into the chart's fields with the grouping's title", () => {
    expect(accountFields('5.68.90.2.001')).toEqual({
      hovedkonto: '5',
      function: '5.68.90',
      dranst: '2',
      grouping: '001',
      title:
        'Refusion af driftsudgifter med 50 pct. under det ledighedsrelaterede driftsloft, gruppering 001-002 og 010',
    });
    expect(accountFields('6.45.53.1.-')).toMatchObject({ hovedkonto: '6', grouping: '-' });
    expect(accountFields('5.68.90.1.999').title).toBeNull();
  });
});

import { ruleById } from './refund-rules.catalog';
import { rulesInForce } from './rules-in-force.table';

describe('rulesInForce', () => {
  it('lists only rows valid on the date, as printable strings', () => {
    const rows = rulesInForce('2019-03-01');
    const ids = rows.map((r) => r.id);
    expect(ids).toContain('DP-ORD-2014'); // dagpenge until 30/6-2019
    expect(ids).toContain('KTH-OPS-2019');
    expect(ids).not.toContain('DP-OPS-2019H2');
    expect(rows.find((r) => r.id === 'SDP-MENTOR-2019H1')).toMatchObject({
      rate: '50 %',
      cap: 'driftsloft_sygedagpenge_revalidering',
      costAccount: '5.68.90/1/108',
      refundAccount: '5.68.90/2/002',
      validTo: '2019-06-30',
    });
    expect(rulesInForce('2017-01-01').find((r) => r.id === 'KTH-ORD-JP-LT9')).toMatchObject({
      rate: '0 %',
      conditions: 'readiness=jobparat; months=lt9',
    });
    expect(rows.every((r) => r.sources.includes('.txt'))).toBe(true);
  });

  it('ruleById returns the row for explanations', () => {
    expect(ruleById('97A-H1-2023')).toMatchObject({
      outcome: 'ambiguous',
      validFrom: '2023-01-01',
      validTo: '2023-06-30',
    });
    expect(ruleById('NOPE')).toBeUndefined();
  });
});

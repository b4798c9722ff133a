// The schema check of data/refund-rules.json: the shipped data is valid, and broken rows are reported.
import { groupingByKey } from '../accounts/account-groupings.catalog';
import rulesDocument from '../data/2026.12-4/refund-rules.json';
import current from '../data/2026.12-6/refund-rules.json';
import type { RefundRule, RefundRulesDocument } from './refund-rule.model';
import { validateRefundRules } from './refund-rules.validator';

const DOCUMENT = rulesDocument as unknown as RefundRulesDocument;

function withRules(...rules: RefundRule[]): RefundRulesDocument {
  return { ...DOCUMENT, rules };
}

const base: RefundRule = {
  id: 'T-1',
  title: 'test',
  validFrom: '2014-01-01',
  validTo: null,
  when: { targetGroups: ['jobafklaring'], categories: ['guidance_upskilling'] },
  outcome: 'rule',
  rateBasisPoints: 5000,
  cap: null,
  costAccount: '5.68.90/1/097',
  refundAccount: '5.68.90/2/004',
  sources: [{ source: '000_140518b2c182b2de.txt', section: 'Bilag 3' }],
};

describe('refund rules validator', () => {
  it('the shipped rulebook is valid, every row cites a seed file and section', () => {
    expect(validateRefundRules(DOCUMENT, groupingByKey)).toEqual([]);
    expect(DOCUMENT.rules.every((r) => r.sources.length > 0)).toBe(true);
  });

  it.each<[string, RefundRule[], RegExp]>([
    ['overlapping rows', [base, { ...base, id: 'T-2', validFrom: '2020-01-01' }], /T-1 and T-2 overlap/],
    ['a row without source', [{ ...base, sources: [] }], /source citation is required/],
    [
      'a citation of an unknown file',
      [{ ...base, sources: [{ source: 'x.txt', section: 's' }] }],
      /not a seed file/,
    ],
    [
      'an unknown target group',
      [{ ...base, when: { ...base.when, targetGroups: ['pensioner' as never] } }],
      /unknown targetGroups value 'pensioner'/,
    ],
    [
      'an account missing from the chart',
      [{ ...base, costAccount: '5.68.90/1/999' }],
      /not in account-groupings.json/,
    ],
    [
      'an account used outside its validity',
      [{ ...base, costAccount: '5.68.90/1/101' }],
      /valid only from 2019-01-01/,
    ],
    ['a 0 % rule with a refund account', [{ ...base, rateBasisPoints: 0 }], /neither cap nor refund account/],
    ['validFrom after validTo', [{ ...base, validTo: '2013-01-01' }], /validFrom after validTo/],
    [
      'an ambiguous row without candidates',
      [{ ...base, outcome: 'ambiguous', reason: 'sources disagree here' } as RefundRule],
      /needs candidates/,
    ],
    [
      'a no_rule row without reason',
      [{ ...base, outcome: 'no_rule', reason: '' } as RefundRule],
      /needs a reason/,
    ],
  ])('reports %s', (_label, rules, message) => {
    expect(validateRefundRules(withRules(...rules), groupingByKey).join('\n')).toMatch(message);
  });
});

describe('afloebCapYears', () => {
  const shipped = current as unknown as RefundRulesDocument;
  const reading = shipped.afloebCapYears!;

  it('2026.12-6 is valid and names each driftsloft grouping once, 2018 for kontanthjælp and revalidering, 2019 for dagpenge and sygedagpenge', () => {
    expect(validateRefundRules(shipped, groupingByKey)).toEqual([]);
    expect(reading.allowances.map((a) => [a.cap, a.capYear, a.costAccounts.length])).toEqual([
      ['driftsloft_dagpenge_kontanthjaelp', 2019, 3],
      ['driftsloft_dagpenge_kontanthjaelp', 2018, 8],
      ['driftsloft_sygedagpenge_revalidering', 2019, 3],
      ['driftsloft_sygedagpenge_revalidering', 2018, 5],
    ]);
  });

  it('refuses an unknown account, one named twice, an uncited allowance', () => {
    const [first, ...rest] = reading.allowances;
    const broken = {
      ...shipped,
      afloebCapYears: {
        ...reading,
        allowances: [
          { ...first, costAccounts: ['5.68.90/1/999', first.costAccounts[0], first.costAccounts[0]] },
          { ...rest[0], source: { source: 'elsewhere.txt', section: '' } },
        ],
      },
    };
    expect(validateRefundRules(broken, groupingByKey)).toEqual([
      'AFLOEB-CAP-YEARS: unknown account 5.68.90/1/999',
      'AFLOEB-CAP-YEARS: driftsloft_dagpenge_kontanthjaelp 5.68.90/1/001 named twice',
      'AFLOEB-CAP-YEARS: every allowance must cite a seed file with a section',
    ]);
  });
});

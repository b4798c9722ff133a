import { explainSegment } from '@app/ledger';
import { ruleById } from '@app/rules';
import type { Explanation } from './entry-explanation.query';
import { explanationAccount, kroner } from './explanation-account';
import { explanationHtml, explanationText } from './explanation-render';
import { citationJson, entryJson } from './ledger-json';

// borger-anna of test/web/web-scenario.ts: jobafklaring (LAB § 6, nr. 7) from 2025-01-01; a course
// fee of 12,345.50 kr for 2025-02-01..2025-03-31 (59 days), refunded at 50 % (seed000 Bilag 3)
const arithmetic = explainSegment({
  itemAmountOere: 1_234_550,
  itemFrom: '2025-02-01',
  itemTo: '2025-03-31',
  from: '2025-02-01',
  to: '2025-02-28',
  rateBasisPoints: 5000,
});
const citations = [{ source: '000_140518b2c182b2de.txt', section: 'Bilag 3' }];
const entry = entryJson({
  entryId: 'ev-1:expense:u1:1',
  kind: 'original',
  costItemId: 'expense:u1',
  personId: 'borger-anna',
  offerId: 'tilbud-anna',
  municipality: '101',
  account: { function: '5.68.90', dranst: '1', grouping: '097' },
  refundAccount: { function: '5.68.90', dranst: '2', grouping: '097' },
  targetGroup: 'jobafklaring',
  activityFrom: '2025-02-01',
  activityTo: '2025-02-28',
  bookingPeriod: '2025-02',
  amountOere: arithmetic.amountOere,
  refundRateBasisPoints: 5000,
  refundOere: arithmetic.refundOere,
  ruleId: 'R-JOBAFKLARING',
  citations,
  cap: null,
  unresolved: null,
  causedBy: { eventId: 'ev-1', commandId: 'c-1' },
  reverses: null,
  reversedBy: 'ev-9:expense:u1:1',
  recordedAt: '2025-02-03T10:00:00.000Z',
  rulebookVersion: '2026.12-3',
});
const explanation: Explanation = {
  entry,
  costItem: {
    costItemId: 'expense:u1',
    kind: 'expense',
    expenseType: 'course_fee',
    offerId: 'tilbud-anna',
    invoiceRef: 'F-<2025>&1',
    amount: '12345.50',
    activityFrom: '2025-02-01',
    activityTo: '2025-03-31',
    unemploymentMonthsOn: null,
  },
  projectShare: null,
  events: [],
  timelineSegment: {
    targetGroup: 'jobafklaring',
    attributes: {},
    from: '2025-01-01',
    to: null,
    recordedAt: '2025-01-20T09:00:00.000Z',
    changeCommandId: 'c-0',
    reason: null,
  },
  rule: null,
  rulebookAdoption: null,
  unresolved: null,
  arithmetic,
  cap: null,
};

const text = explanationText(explanationAccount('101', explanation));

describe('the Danish account of a posting', () => {
  it('shows kroner the Danish way', () => {
    expect([kroner('12345.50'), kroner(-585888), kroner(5n), kroner('1000000.00')]).toEqual([
      '12.345,50 kr.',
      '−5.858,88 kr.',
      '0,05 kr.',
      '1.000.000,00 kr.',
    ]);
  });

  it('names the cost, the target group in its period and the source by document and section', () => {
    expect(text).toContain(
      'Udgift (udgiftstype course_fee) expense:u1 på 12.345,50 kr. for perioden 01.02.2025–31.03.2025',
    );
    expect(text).toContain(
      'Borger borger-anna var i målgruppen Personer i jobafklaringsforløb (LAB § 6, nr. 7) fra 01.01.2025 uden slutdato (registreret 2025-01-20 10:00:00',
    );
    expect(text).toContain(
      'Kilde: STAR, VEJ nr. 9584 af 30/06/2025, Bilag 3 (vejledning: Vejledning om kommunernes dokumentation af driftsudgifter til tilbud m.v.).',
    );
  });

  it('shows the share by days and the refund with their rounding, in kroner', () => {
    expect(text).toContain('fordeles efter kalenderdage: 59 dage (01.02.2025–31.03.2025)');
    expect(text).toContain('Posteringen dækker 28 af dem (01.02.2025–28.02.2025), efter 0 dage før.');
    // 12,345.50 kr × 28 / 59 = 5,858.8814 kr (rounded to 5,858.88); × 50 % = 2,929.44 kr exactly
    expect(text).toContain(
      'Andel = afrundet(12.345,50 kr. × 28 / 59) − afrundet(12.345,50 kr. × 0 / 59) = afrundet(≈ 5.858,8814 kr.) − afrundet(0,0000 kr.) = 5.858,88 kr. − 0,00 kr. = 5.858,88 kr.',
    );
    expect(text).toContain(
      'Refusion = afrundet(5.858,88 kr. × 50 %) = afrundet(2.929,4400 kr.) = 2.929,44 kr.',
    );
  });

  it("marks the rulebook's English title and reason as such, the rest in Danish", () => {
    const outNone = ruleById('OUT-NONE')!;
    const ruled = explanationText(
      explanationAccount('101', {
        ...explanation,
        entry: { ...entry, citations: [{ ...entry.citations[0], note: 'within the loft' }] },
        rule: { ...outNone, sources: outNone.sources.map(citationJson) },
      }),
    );
    expect(ruled).toContain(
      'Regel OUT-NONE, refusionssats 50 %. Regelens titel (engelsk): Person not in a LAB § 6',
    );
    expect(ruled).toContain(
      'Regelens begrundelse (engelsk): The refund rules (LAB §§ 195-197, Bilag 3) apply',
    );
    expect(ruled).toContain('— note (engelsk): within the loft.');
    const unresolved = explanationText(
      explanationAccount('101', {
        ...explanation,
        entry: { ...entry, unresolved: { outcome: 'no_rule', reason: 'no participant takes part' } },
      }),
    );
    expect(unresolved).toContain('Ingen refusion beregnet (');
    expect(unresolved).toContain('Begrundelse (engelsk): no participant takes part');
  });

  it('links the reversal, and escapes what comes from data in HTML', () => {
    expect(text).toContain(
      'Tilbageført af ev-9:expense:u1:1 </v1/municipalities/101/ledger/entries/ev-9%3Aexpense%3Au1%3A1/explanation>.',
    );
    const html = explanationHtml(explanationAccount('101', explanation));
    expect(html).toContain(
      '<a href="/v1/municipalities/101/ledger/entries/ev-9%3Aexpense%3Au1%3A1/explanation">ev-9:expense:u1:1</a>',
    );
    expect(html).toContain('faktura F-&lt;2025&gt;&amp;1');
    expect(html).not.toContain('F-<2025>');
    expect(html.startsWith('<!doctype html>\n<html lang="da">')).toBe(true);
  });

  it('gives citations in JSON their document', () => {
    expect(citationJson(citations[0])).toEqual({
      source: '000_140518b2c182b2de.txt',
      section: 'Bilag 3',
      reference: 'STAR, VEJ nr. 9584 af 30/06/2025',
      title: 'Vejledning om kommunernes dokumentation af driftsudgifter til tilbud m.v.',
      kind: 'vejledning',
    });
    expect(entry.citation).toBe('000_140518b2c182b2de.txt Bilag 3');
  });
});

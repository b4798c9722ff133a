import { unresolvedAdvice } from './unresolved-advice';

// The reasons as the rulebook (libs/rules/src/data/2026.12-3 and -4/refund-rules.json) and the ledger
// (project-reallocation.ts, project-carve-outs.ts) give them.
describe('what an unresolved posting lacks, in Danish, and what resolves it', () => {
  it.each([
    [
      'From 2015 to 30/6-2019 the refund depends on the sygedagpenge kategori (50 % within the cap for kategori 2 and 3, none for kategori 1, seed 003 L2176/L6338); the query gives none (attributes.sickPayCategory)',
      /^Registrér sygedagpengekategori 1, 2 eller 3/,
    ],
    [
      'The 2014-2018 rules for kontanthjælp depend on jobparat/aktivitetsparat (attributes.readiness); the query gives none',
      /^Registrér parathed/,
    ],
    ['The 9-month rule needs monthsUnemployed for a jobparat kontanthjælpsmodtager', /ledighedsperioden/],
    [
      // 2026.12-4's wording
      "The 24-month (2014-2015) rule needs the months of unemployment on the activity date: send attributes.unemploymentSpellStart (the first day of the unemployment spell) on the person's ChangeTargetGroup",
      /ledighedsperioden/,
    ],
    [
      "Bilag 1 books programme offers (§ 23 a) … on 001/002/004 for ydelsesmodtagere and on 005/006/008 for selvforsørgende, both at 50 % within the rådighedsloft: state attributes.selfSupporting on the person's target-group change",
      /selvforsørgende på borgerens målgrupperegistrering/,
    ],
    [
      "Offer kind 'other' names no LAB/IL provision; the sources decide refunds per provision (§ 90, § 91, § 15, ...). Register the offer under its kind",
      /egentlige tilbudstype/,
    ],
    [
      'no participant of the project takes part in the period of the expense (project p-1)',
      /deltagernes tilbud på projektet/,
    ],
    [
      'the administrative share exceeds the hovedkonto 5 costs of its period: the excess cannot be carved out of them (project p-1)',
      /^Ret den administrative andel/,
    ],
  ])('%s', (reason, resolves) => {
    expect(unresolvedAdvice('no_rule', reason).resolves).toMatch(resolves);
  });

  it('says when no registration can resolve it: the sources have no rule, or contradict each other', () => {
    expect(
      unresolvedAdvice('no_rule', 'Jobafklaringsforløb started 1/7-2014 (seed 003 L2149); no rule before'),
    ).toEqual({
      why: 'Kilderne giver ingen regel for målgruppen, udgiftstypen og aktivitetsdatoen.',
      resolves:
        'Kontrollér målgruppen, tilbuddet og udgiftens periode; er de rigtige, kan ingen registrering afklare posteringen, før regelbogen får en regel.',
    });
    expect(
      unresolvedAdvice(
        'ambiguous',
        'Bilag 3 gives 50 % for "alle øvrige" incl. dagpenge, but 2 A says that for dagpengemodtagere the municipality co-finances',
      ).resolves,
    ).toMatch(/^Kan ikke afklares ved en registrering/);
  });

  it('does not take a reason that merely mentions kategori for a missing one', () => {
    expect(
      unresolvedAdvice('no_rule', 'Sygedagpenge kategori 1: no refund from 2015 (only kategori 2 and 3)').why,
    ).toBe('Kilderne giver ingen regel for målgruppen, udgiftstypen og aktivitetsdatoen.');
  });
});

// What an unresolved posting (no_rule, ambiguous) lacks, in Danish, and the fact that would resolve
// it. The rulebook's reasons (libs/rules/src/data/<version>/refund-rules.json and the ledger's own)
// name the missing fact: a target-group attribute, an offer kind, a project's participants. Where
// no registration can resolve it (the sources have no rule, or contradict each other) it says so.

export interface Advice {
  /** Why the posting is unresolved, in Danish. */
  why: string;
  /** What would resolve it. */
  resolves: string;
}

const TARGET_GROUP = 'på borgerens målgrupperegistrering (Borgerens tidslinje)';

/** Checked in order: the first whose pattern the reason matches gives the advice. */
const ADVICE: { pattern: RegExp; advice: Advice }[] = [
  {
    pattern: /attributes\.sickPayCategory|kategori is not registered|account still depends on it/,
    advice: {
      why: 'Refusionen afhænger af sygedagpengekategorien, som ikke er registreret for borgeren.',
      resolves: `Registrér sygedagpengekategori 1, 2 eller 3 ${TARGET_GROUP}.`,
    },
  },
  {
    pattern: /attributes\.readiness|jobparat\/aktivitetsparat/i,
    advice: {
      why: 'Refusionen afhænger af borgerens parathed, som ikke er registreret (eller ikke passer til målgruppen).',
      resolves: `Registrér parathed (jobparat, aktivitetsparat, uddannelsesparat eller åbenlyst uddannelsesparat) ${TARGET_GROUP}.`,
    },
  },
  {
    pattern: /monthsUnemployed|attributes\.unemploymentSpellStart/,
    advice: {
      why: 'Reglen afhænger af, hvor længe borgeren har været ledig, og ledighedens start er ikke registreret.',
      resolves: `Registrér starten på ledighedsperioden ${TARGET_GROUP}.`,
    },
  },
  {
    pattern: /attributes\.selfSupporting/,
    advice: {
      why: 'Kontoen afhænger af, om borgeren er ydelsesmodtager eller selvforsørgende, og det er ikke oplyst.',
      resolves: `Registrér, om borgeren er selvforsørgende ${TARGET_GROUP}.`,
    },
  },
  {
    pattern: /programme has run out|programmeExpired/i,
    advice: {
      why: 'Tilbuddet ligger efter integrationsprogrammets udløb, og kilderne angiver ingen sats for det.',
      resolves:
        'Kan ikke afklares ved en registrering: kilderne angiver ingen sats. Kontrollér programmets udløb på borgerens målgruppe.',
    },
  },
  {
    pattern: /Offer kind 'other'/,
    advice: {
      why: 'Tilbuddet er registreret som "andet tilbud", og refusionen afgøres efter tilbuddets bestemmelse i loven.',
      resolves: 'Registrér tilbuddet under sin egentlige tilbudstype (fx LAB § 90, § 91 eller § 15).',
    },
  },
  {
    pattern: /withinMentorWindow/,
    advice: {
      why: 'Mentorstøtten efter overgang fra jobafklaring refunderes højst 6 måneder, og det er ikke afgjort, om datoen ligger inden for dem.',
      resolves:
        'Registrér mentorstøtten som timer under en mentoraftale, så det kan afgøres, om datoen ligger inden for de 6 måneder.',
    },
  },
  {
    pattern: /no participant of the project/,
    advice: {
      why: 'Ingen af projektets deltagere var aktive i udgiftens periode, så udgiften kan ikke fordeles.',
      resolves: 'Registrér deltagernes tilbud på projektet i udgiftens periode, eller ret udgiftens periode.',
    },
  },
  {
    pattern: /administrative share exceeds/,
    advice: {
      why: 'Den administrative andel er større end periodens udgifter på hovedkonto 5, så resten kan ikke udskilles af dem.',
      resolves:
        'Ret den administrative andel, eller registrér de udgifter i perioden, den skal udskilles af.',
    },
  },
];

const BY_OUTCOME: Record<string, Advice> = {
  no_rule: {
    why: 'Kilderne giver ingen regel for målgruppen, udgiftstypen og aktivitetsdatoen.',
    resolves:
      'Kontrollér målgruppen, tilbuddet og udgiftens periode; er de rigtige, kan ingen registrering afklare posteringen, før regelbogen får en regel.',
  },
  ambiguous: {
    why: 'Kilderne giver modstridende regler for posteringen.',
    resolves:
      'Kan ikke afklares ved en registrering: kommunen må afgøre, hvilken af de modstridende kilder der gælder, og regelbogen opdateres.',
  },
};

export function unresolvedAdvice(outcome: string, reason: string): Advice {
  return ADVICE.find((a) => a.pattern.test(reason))?.advice ?? BY_OUTCOME[outcome] ?? BY_OUTCOME.no_rule;
}

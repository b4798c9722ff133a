// Danish names of the contract's codes (API.md: target groups with their LAB § 6 numbers, posting
// kinds, caps; DOMAIN.md: the source documents), and the account titles of the rulebook.
import groupingsDocument from '../../../libs/rules/src/data/account-groupings.json';
import type { Account } from './api/shapes';
import kommunekoder from './kommunekoder.csv?raw';

const TARGET_GROUPS: Record<string, string> = {
  dagpenge: 'Dagpengemodtagere (§ 6, nr. 1)',
  kontanthjaelp: 'Kontanthjælpsmodtagere (§ 6, nr. 2-3)',
  ung_kontanthjaelp: 'Uddannelseshjælpsmodtagere (§ 6, nr. 4-5)',
  sygedagpenge: 'Sygedagpengemodtagere (§ 6, nr. 6)',
  jobafklaring: 'Personer i jobafklaringsforløb (§ 6, nr. 7)',
  ressourceforloeb: 'Personer i ressourceforløb (§ 6, nr. 8)',
  ledighedsydelse: 'Ledighedsydelsesmodtagere (§ 6, nr. 9)',
  revalidering: 'Revalidender (§ 6, nr. 10)',
  foertidspension: 'Førtidspensionister (§ 6, nr. 11)',
  selvforsoergende: 'Selvforsørgende (§ 6, nr. 12)',
  ung_under_18: 'Unge under 18 år (§ 6, nr. 13)',
  integration_programme: 'Integrationsprogram (integrationsloven)',
  integration_introduction: 'Introduktionsforløb (integrationsloven)',
  none: 'Ikke i en målgruppe',
};

export const TARGET_GROUP_CODES = Object.keys(TARGET_GROUPS);

export function targetGroupName(code: string | null | undefined): string {
  if (!code) return 'Ukendt målgruppe';
  return TARGET_GROUPS[code] ?? code;
}

/** Offer kinds with their LAB sections as API.md lists them. */
const OFFER_KINDS: Record<string, string> = {
  ordinary_education: 'Ordinær uddannelse (LAB § 90)',
  guidance_upskilling: 'Vejledning og opkvalificering (LAB § 91)',
  education_97a: 'Uddannelse (LAB § 97 a)',
  six_weeks_job_education: 'Seks ugers jobrettet uddannelse',
  mentor: 'Mentor',
  partnership: 'Partnerskab (LAB § 15)',
  company_internship: 'Virksomhedspraktik',
  wage_subsidy: 'Løntilskud',
  utility_work: 'Nytteindsats (LAB § 87 a)',
  other: 'Andet tilbud',
};

export function offerKindName(code: string): string {
  return OFFER_KINDS[code] ?? code;
}

export const KINDS: Record<string, string> = {
  original: 'Postering',
  reversal: 'Tilbageførsel',
  rebooking: 'Ombogføring',
  cap_adjustment: 'Loftsregulering',
};

export const CAPS: Record<string, string> = {
  integration_raadighedsloft: 'Rådighedsloft, integrationsprogram',
  driftsloft_dagpenge_kontanthjaelp: 'Driftsloft, dagpenge og kontanthjælp',
  driftsloft_sygedagpenge_revalidering: 'Driftsloft, sygedagpenge og revalidering',
  mentorramme: 'Mentorramme',
};

export const CAP_STATUS: Record<string, string> = {
  no_parameters: 'ingen loftsparametre for året: refusionen før loft står',
  within_allowance: 'inden for rådighedsbeløbet',
  allowance_exceeded: 'rådighedsbeløbet er overskredet: 50 % af rådighedsbeløbet',
};

export const OUTCOMES: Record<string, string> = {
  no_rule: 'Ingen regel',
  ambiguous: 'Tvetydig regel',
};

const SOURCES: Record<string, string> = {
  '000_140518b2c182b2de.txt':
    'STAR: Vejledning om kommunernes dokumentation af driftsudgifter til tilbud m.v. (VEJ nr. 9584 af 30.06.2025)',
  '001_fcfd66b91da6fb8d.txt': 'Budget- og regnskabssystem for kommuner, kontoplanen (funktion 5.68.90 m.fl.)',
  '002_4983c5daf0fb88e9.txt': 'STAR: Vejledning om bevillingsrammer og afholdelseskategorier',
  '003_ba212cd929ee8ae7.txt': 'mploy: Analyse af refusion og driftslofter (2016)',
  '004_7b71a4a1118163a3.txt': 'KL: Indspil til en forenklet beskæftigelseslov',
};

export function sourceTitle(source: string): string {
  return SOURCES[source] ?? source;
}

const TITLES = new Map(
  groupingsDocument.groupings.map((g) => [`${g.function}.${g.dranst}.${g.grouping}`, g.title]),
);

/** "5.68.90.1.097" (or an account object) → the grouping's title from the chart of accounts. */
export function accountTitle(account: string | Account | null): string | null {
  if (!account) return null;
  return TITLES.get(typeof account === 'string' ? account : accountText(account)) ?? null;
}

export function accountText(account: Account): string {
  return `${account.function}.${account.dranst}.${account.grouping}`;
}

export const MUNICIPALITIES: { code: string; name: string }[] = kommunekoder
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(';'))
  .map(([code, name]) => ({ code: code.trim(), name: name.trim() }));

export function municipalityName(code: string): string {
  return MUNICIPALITIES.find((m) => m.code === code)?.name ?? code;
}

// Danish names of the contract's codes (target groups with their LAB § 6 numbers, posting kinds,
// caps, statuses, outcomes: the domain's data, shared with the statements; DOMAIN.md: the source
// documents), the account titles of the rulebook and the municipalities' names.
import labels from '../../../libs/domain/src/data/danish-labels.json';
import kommunekoder from '../../../libs/domain/src/data/kommunekoder.json';
import groupingsDocument from '../../../libs/rules/src/data/account-groupings.json';
import type { Account } from './api/shapes';

const TARGET_GROUPS: Record<string, { lab6: string | null; name: string }> = labels.targetGroups;

export const TARGET_GROUP_CODES = Object.keys(TARGET_GROUPS);

/** "Personer i jobafklaringsforløb (LAB § 6, nr. 7)", as statements write it. */
export function targetGroupName(code: string | null | undefined): string {
  if (!code) return 'Ukendt målgruppe';
  const label = TARGET_GROUPS[code];
  if (!label) return code;
  return label.lab6 === null ? label.name : `${label.name} (LAB § 6, nr. ${label.lab6})`;
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
  basic_skills_course: 'Læse-, skrive- og regnekursus eller ordblindeundervisning',
  danish_education: 'Danskuddannelse (integrationsloven § 21)',
  integration_upskilling_24a: 'Opkvalificering (integrationsloven § 24 a)',
  igu: 'Integrationsgrunduddannelse (igu)',
};

export function offerKindName(code: string): string {
  return OFFER_KINDS[code] ?? code;
}

export const KINDS: Record<string, string> = labels.postingKinds;
export const CAPS: Record<string, string> = labels.caps;
export const OUTCOMES: Record<string, string> = labels.outcomes;

const TITLES = new Map(
  groupingsDocument.groupings.map((g) => [`${g.function}.${g.dranst}.${g.grouping}`, g.title]),
);

/** "5.68.90.1.097" (or an account object) → the grouping's title from the chart of accounts. */
export function accountTitle(account: string | Account | null): string | null {
  if (!account) return null;
  return TITLES.get(typeof account === 'string' ? account : accountText(account)) ?? null;
}

/** "5.68.90.1.097"; an unresolved posting has no account. */
export function accountText(account: Account | null): string {
  return account ? `${account.function}.${account.dranst}.${account.grouping}` : 'uden konto';
}

/** The account as the entries' filter takes it: hovedkonto 6 has no grouping ("6.45.53.1.-" → "6.45.53.1"). */
export function accountFilter(account: string | Account): string {
  return (typeof account === 'string' ? account : accountText(account)).replace(/\.-$/, '');
}

export const MUNICIPALITIES: { code: string; name: string }[] = kommunekoder.municipalities;

export function municipalityName(code: string): string {
  return MUNICIPALITIES.find((m) => m.code === code)?.name ?? code;
}

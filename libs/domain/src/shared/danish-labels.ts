// The Danish names statements and the web app show for the contract's codes, and the
// municipalities' names; the data (with its sources) is in ../data.
import labels from '../data/danish-labels.json';
import kommunekoder from '../data/kommunekoder.json';
import type { TargetGroup } from './vocabulary';

const TARGET_GROUP_LABELS: Record<TargetGroup, { lab6: string | null; name: string }> = labels.targetGroups;
const MUNICIPALITY_NAMES = new Map(kommunekoder.municipalities.map((m) => [m.code, m.name]));

const labelOf = (table: Record<string, string>, code: string) => table[code] ?? code;

/** "Personer i jobafklaringsforløb (LAB § 6, nr. 7)"; a code without a name is shown as it is. */
export function targetGroupLabel(code: string | null): string {
  if (code === null) return 'Ukendt målgruppe';
  const label = TARGET_GROUP_LABELS[code as TargetGroup];
  if (!label) return code;
  return label.lab6 === null ? label.name : `${label.name} (LAB § 6, nr. ${label.lab6})`;
}

/** The LAB § 6 number of a target group ("2-3"), or null (integration law, none, unknown). */
export function lab6Number(code: string | null): string | null {
  return code === null ? null : (TARGET_GROUP_LABELS[code as TargetGroup]?.lab6 ?? null);
}

export const capLabel = (cap: string): string => labelOf(labels.caps, cap);
export const capStatusLabel = (status: string): string => labelOf(labels.capStatuses, status);
export const postingKindLabel = (kind: string): string => labelOf(labels.postingKinds, kind);
export const outcomeLabel = (outcome: string): string => labelOf(labels.outcomes, outcome);

/** The municipality's name from its kommunekode, or null for a code that is none of the 98. */
export function municipalityName(code: string): string | null {
  return MUNICIPALITY_NAMES.get(code) ?? null;
}

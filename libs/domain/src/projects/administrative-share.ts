// The administrative part of a project's costs (VEJ 9584, 000_140518b2c182b2de.txt 3.1, L440-L483, and ch. 4;
// 7.1.1 L1461-L1472 for other actors' invoices; LAB § 194): never refunded, registered on 6.45.53 (L706), and
// taken out of the costs on hovedkonto 5 before the refund. Two methods: 1) a standard price — the number of
// activities × their duration × a documented unit price, e.g. the DUT standard of 451 kr per caseworker hour at
// 2025 price level (L466-L469), given by the municipality with the command, never assumed here; 2) a concrete
// time registration (L479-L482, Bilag 2).
import { divideRoundHalfAwayFromZero, toSafeOere } from '../shared/money';

export const ADMINISTRATIVE_ACTIVITIES = [
  'job_interview',
  'cv_registration',
  'job_plan',
  'rehabilitation_plan',
  'follow_up_interview',
  'sickness_follow_up',
  'project_administration',
  'other_administration',
] as const;

/**
 * standard_price and time_registration (3.1); area: the administration's part of a rent by floor area (6.9,
 * L1400-L1417: on a project with costs on both hovedkonto 5 and 6, "så skal udgifterne til projektets husleje
 * fordeles forholdsmæssigt efter arealets størrelse").
 */
export const CARVE_OUT_METHODS = ['standard_price', 'time_registration', 'area'] as const;

/** round(count × hours × rate): hours in hundredths, rate in øre; whole øre, halves away from zero. */
export function hoursCostOere(count: number, hundredths: number, rateOere: number): number {
  return toSafeOere(divideRoundHalfAwayFromZero(BigInt(count) * BigInt(hundredths) * BigInt(rateOere), 100n));
}

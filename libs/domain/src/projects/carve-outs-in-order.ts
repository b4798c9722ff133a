// Several administrative carve-outs of one project's or one offer's costs. VEJ 9584 (000_140518b2c182b2de.txt 3.1
// L440-L451: the administrative part "skal trækkes fra de samlede udgifter forud for refusionsanmeldelse"; ch. 4
// L706: it is registered on 6.45.53; 7.1.1 L1458-L1472: the same for other actors' invoices) takes each carve-out
// out of the hovedkonto 5 costs once; it is silent on how carve-outs of overlapping periods meet. The rule here, so
// that no øre of cost is carved out twice:
//   - carve-outs are deducted in the order recorded, each from what the earlier ones left of the costs;
//   - a cost is spread over the days of its period (cumulative rounding C(c) = round(A × c / T));
//   - a carve-out of amount X takes from the cost still standing in the days it overlaps (K in all), in proportion,
//     by cumulative rounding over the costs in their order: d = round(X' × K_through / K) − round(X' × K_before / K)
//     with X' = min(X, K), so the deductions add up to X' øre and never exceed what a cost still carries;
//   - X − X' is the excess, posted unresolved by the ledger (and refused by the decider when recorded).
// The days are taken in runs between the carve-outs' boundaries: every carve-out treats the days of a run alike and
// the cumulative rounding telescopes over a run, so each cost's deduction is the one a day-by-day division gives.
import { daysInclusive, maxDate, minDate, nextDay, previousDay } from '../shared/calendar-date';
import { divideRoundHalfAwayFromZero, toSafeOere } from '../shared/money';
import type { IsoDate } from '../shared/vocabulary';

/** A cost a carve-out can come out of: its amount over from..to. */
export interface CarveOutCostPart {
  from: IsoDate;
  to: IsoDate;
  amountOere: number;
}

export interface CarveOutClaim {
  from: IsoDate;
  to: IsoDate;
  amountOere: number;
  /** The costs it may come out of (a rent's area share: that rent alone); absent: every cost. */
  takesFrom?: (part: number) => boolean;
}

/** What one carve-out took from one cost. */
export interface CarveOutTake {
  /** Index of the cost in the parts given. */
  part: number;
  /** The cost's days within the carve-out's period. */
  from: IsoDate;
  to: IsoDate;
  /** What the cost still carried in those days when this carve-out came. */
  costOere: number;
  /** What the costs before it carried (the cumulative rounding's K_before). */
  costBeforeOere: number;
  /** Positive: what comes off the cost. */
  takenOere: number;
}

export interface CarveOutTaken {
  /** K: what the costs of its period still carried when it came. */
  costsOere: number;
  /** The costs of its period before any carve-out. */
  periodCostsOere: number;
  /** min(amount, K). */
  carvedOere: number;
  takes: CarveOutTake[];
}

const round = (a: bigint, b: bigint, c: bigint) => toSafeOere(divideRoundHalfAwayFromZero(a * b, c));

/** The cost's part in from..to (within its period): C(through) − C(before) of its day split. */
function partOfDays(part: CarveOutCostPart, from: IsoDate, to: IsoDate): number {
  const total = BigInt(daysInclusive(part.from, part.to));
  const amount = BigInt(part.amountOere);
  const before = BigInt(daysInclusive(part.from, from) - 1);
  const through = before + BigInt(daysInclusive(from, to));
  return round(amount, through, total) - round(amount, before, total);
}

/** A run of a cost's days between two carve-out boundaries, and what of the cost still stands in it. */
interface Run {
  from: IsoDate;
  to: IsoDate;
  standingOere: number;
}

/** The cost's runs between the boundaries (the days that start a run) that lie in some carve-out's period. */
function runsOf(part: CarveOutCostPart, claims: readonly CarveOutClaim[], starts: readonly IsoDate[]): Run[] {
  if (part.amountOere <= 0) return [];
  const runs: Run[] = [];
  for (let i = 0; i < starts.length - 1; i++) {
    const from = maxDate(starts[i], part.from);
    const to = minDate(previousDay(starts[i + 1]), part.to);
    if (from > to || !claims.some((c) => c.from <= to && c.to >= from)) continue;
    runs.push({ from, to, standingOere: partOfDays(part, from, to) });
  }
  return runs;
}

/** Each carve-out as it comes out of the costs, in the order given (the order recorded). */
export function carveOutsInOrder(
  claims: readonly CarveOutClaim[],
  parts: readonly CarveOutCostPart[],
): CarveOutTaken[] {
  const starts = [...new Set(claims.flatMap((c) => [c.from, nextDay(c.to)]))].sort();
  const runs = parts.map((p) => runsOf(p, claims, starts));
  return claims.map((claim) => {
    const inPeriod = (r: Run) => r.from >= claim.from && r.to <= claim.to;
    const eligible = parts.map((_, i) => claim.takesFrom?.(i) ?? true);
    let periodCostsOere = 0;
    let costsOere = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (!eligible[i] || p.amountOere <= 0 || p.from > claim.to || p.to < claim.from) continue;
      periodCostsOere += partOfDays(p, maxDate(p.from, claim.from), minDate(p.to, claim.to));
      for (const r of runs[i]) if (inPeriod(r)) costsOere += r.standingOere;
    }
    const carvedOere = Math.min(claim.amountOere, costsOere);
    const x = BigInt(carvedOere);
    const k = BigInt(costsOere);
    let before = 0;
    const takes: CarveOutTake[] = [];
    for (let i = 0; i < parts.length; i++) {
      if (!eligible[i]) continue;
      const costBeforeOere = before;
      let takenOere = 0;
      for (const r of runs[i]) {
        if (!inPeriod(r) || r.standingOere === 0) continue;
        const taken = round(x, BigInt(before + r.standingOere), k) - round(x, BigInt(before), k);
        before += r.standingOere;
        r.standingOere -= taken;
        takenOere += taken;
      }
      if (before > costBeforeOere)
        takes.push({
          part: i,
          from: maxDate(parts[i].from, claim.from),
          to: minDate(parts[i].to, claim.to),
          costOere: before - costBeforeOere,
          costBeforeOere,
          takenOere,
        });
    }
    return { costsOere, periodCostsOere, carvedOere, takes };
  });
}

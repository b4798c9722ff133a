// Carve-outs of overlapping periods come out of the costs in the order recorded, each from what the earlier ones
// left, day by day (carve-outs-in-order.ts). The rule is checked against its day-by-day statement: every cost spread
// over its days by cumulative rounding, every carve-out dividing its min(amount, K) over the days still standing in
// its period by cumulative rounding, the costs in their order and their days in date order.
import { addDays, daysInclusive } from '../shared/calendar-date';
import { divideRoundHalfAwayFromZero, toSafeOere } from '../shared/money';
import { carveOutsInOrder, type CarveOutClaim, type CarveOutCostPart } from './carve-outs-in-order';

const round = (a: number, b: number, c: number) =>
  toSafeOere(divideRoundHalfAwayFromZero(BigInt(a) * BigInt(b), BigInt(c)));

/** The rule day by day: per cost the øre it takes from it, and what each carve-out carved. */
function dayByDay(claims: readonly CarveOutClaim[], parts: readonly CarveOutCostPart[]) {
  const days = parts.map((p) => {
    const total = daysInclusive(p.from, p.to);
    return Array.from({ length: total }, (_, d) => ({
      date: addDays(p.from, d),
      standing: p.amountOere > 0 ? round(p.amountOere, d + 1, total) - round(p.amountOere, d, total) : 0,
    }));
  });
  return claims.map((c) => {
    const cells = days.flatMap((ds, i) =>
      c.takesFrom?.(i) === false
        ? []
        : ds.filter((d) => d.date >= c.from && d.date <= c.to).map((d) => ({ i, d })),
    );
    const k = cells.reduce((s, x) => s + x.d.standing, 0);
    const x = Math.min(c.amountOere, k);
    const taken = parts.map(() => 0);
    let before = 0;
    for (const cell of cells) {
      const t = k === 0 ? 0 : round(x, before + cell.d.standing, k) - round(x, before, k);
      before += cell.d.standing;
      cell.d.standing -= t;
      taken[cell.i] += t;
    }
    return { carvedOere: x, costsOere: k, taken };
  });
}

it('two carve-outs of overlapping periods: the second from what the first left of the days they share', () => {
  // 9000.00 for March (31 days): 1–15 March round(900,000 × 15 / 31) = 435,484, 16–31 March 464,516.
  // The first, 676.50 for March: round(67,650 × 435,484 / 900,000) = round(32,733.88) = 32,734 from 1–15 March,
  // 34,916 from 16–31 March. The second, for 16 March–15 April, finds 464,516 − 34,916 = 429,600 øre standing.
  const [first, second] = carveOutsInOrder(
    [
      { from: '2025-03-01', to: '2025-03-31', amountOere: 67650 },
      { from: '2025-03-16', to: '2025-04-15', amountOere: 500000 },
    ],
    [{ from: '2025-03-01', to: '2025-03-31', amountOere: 900000 }],
  );
  expect(first).toMatchObject({ costsOere: 900000, periodCostsOere: 900000, carvedOere: 67650 });
  expect(second).toMatchObject({
    costsOere: 429600,
    periodCostsOere: 464516,
    carvedOere: 429600,
    takes: [
      {
        part: 0,
        from: '2025-03-16',
        to: '2025-03-31',
        costOere: 429600,
        costBeforeOere: 0,
        takenOere: 429600,
      },
    ],
  });
});

it('a rent’s area share takes from that rent alone, and the carve-outs after it see what it left', () => {
  const [area, other] = carveOutsInOrder(
    [
      { from: '2025-03-01', to: '2025-03-31', amountOere: 100000, takesFrom: (i) => i === 1 },
      { from: '2025-03-01', to: '2025-03-31', amountOere: 1000000 },
    ],
    [
      { from: '2025-03-01', to: '2025-03-31', amountOere: 300000 },
      { from: '2025-03-01', to: '2025-03-31', amountOere: 400000 },
    ],
  );
  expect(area.takes).toMatchObject([{ part: 1, costOere: 400000, takenOere: 100000 }]);
  // 300,000 + 300,000 left: 600,000 of the 1,000,000 carved, the excess is the ledger's to post unresolved.
  expect(other).toMatchObject({ costsOere: 600000, carvedOere: 600000 });
  expect(other.takes.map((t) => t.takenOere)).toEqual([300000, 300000]);
});

it('agrees to the øre with the rule applied day by day (deterministic random cases)', () => {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const period = () => {
    const from = addDays('2025-01-01', next(90));
    return { from, to: addDays(from, next(70)) };
  };
  for (let round = 0; round < 300; round++) {
    const parts = Array.from({ length: 1 + next(5) }, () => ({
      ...period(),
      amountOere: next(5) === 0 ? 0 : 1 + next(2000000),
    }));
    const claims: CarveOutClaim[] = Array.from({ length: 1 + next(4) }, () => {
      const only = next(4) === 0 ? next(parts.length) : null;
      return {
        ...period(),
        amountOere: 1 + next(800000),
        ...(only !== null && { takesFrom: (i: number) => i === only }),
      };
    });
    const expected = dayByDay(claims, parts);
    const actual = carveOutsInOrder(claims, parts);
    actual.forEach((a, n) => {
      expect([a.carvedOere, a.costsOere]).toEqual([expected[n].carvedOere, expected[n].costsOere]);
      const taken = parts.map((_, i) => a.takes.find((t) => t.part === i)?.takenOere ?? 0);
      expect(taken).toEqual(expected[n].taken);
    });
  }
});

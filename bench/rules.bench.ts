// `npm run bench -- rules [count]`: decisions per second of the rulebook on random queries (default 1,000,000).
import { EXPENSE_TYPES, OFFER_KINDS, READINESS, TARGET_GROUPS } from '../libs/domain/src';
import { decideRefund, type RefundQuery } from '../libs/rules/src';

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)];
}

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomQueries(count: number): RefundQuery[] {
  const random = seeded(42);
  const start = Date.UTC(2014, 0, 1);
  return Array.from({ length: count }, () => ({
    date: new Date(start + Math.floor(random() * 6209) * 86_400_000).toISOString().slice(0, 10),
    targetGroup: pick(TARGET_GROUPS, random),
    offerKind: pick(OFFER_KINDS, random),
    cost: random() < 0.1 ? { kind: 'mentor' } : { kind: 'expense', expenseType: pick(EXPENSE_TYPES, random) },
    attributes: { readiness: pick(READINESS, random), sickPayCategory: pick([1, 2, 3] as const, random) },
    monthsUnemployed: Math.floor(random() * 36),
    withinMentorWindow: random() < 0.8,
  }));
}

export async function main(args: string[]): Promise<void> {
  const count = Number(args[0] ?? 1_000_000);
  const queries = randomQueries(count);
  for (let i = 0; i < Math.min(count, 100_000); i++) decideRefund(queries[i]); // warm-up
  const outcomes = { rule: 0, no_rule: 0, ambiguous: 0 };
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) outcomes[decideRefund(queries[i]).outcome]++;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${count.toLocaleString('en-US')} decisions in ${(seconds * 1000).toFixed(0)} ms`);
  console.log(
    `${Math.round(count / seconds).toLocaleString('en-US')} decisions/s (${((seconds / count) * 1e9).toFixed(0)} ns per decision)`,
  );
  console.log(`outcomes: ${JSON.stringify(outcomes)}`);
}

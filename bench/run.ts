// `npm run bench -- <name> [args]` runs bench/<name>.bench.ts, whose `main` prints its figures.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

async function run(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const available = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''));
  const selected = name ? [name] : available;
  for (const bench of selected) {
    if (!available.includes(bench))
      throw new Error(`unknown bench "${bench}"; available: ${available.join(', ')}`);
    console.log(`\n== bench ${bench}`);
    const mod = (await import(join(__dirname, `${bench}.bench.ts`))) as {
      main(args: string[]): Promise<void>;
    };
    await mod.main(args);
  }
}

run().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

// Builds the web app (apps/web) with Vite into apps/web/dist, which the api serves at /app/.
// Nothing built is committed; `npm run build` (and so `npm start`) runs this, and it rebuilds
// only when a source of the app changed since the last build (a hash of them is kept in
// dist/.source-hash), so a start after no change costs a few milliseconds.
import { createHash } from 'node:crypto';
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'apps', 'web');
const out = join(web, 'dist');
const stamp = join(out, '.source-hash');

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (!entry.name.endsWith('.spec.ts')) yield path;
  }
}

async function sourceHash() {
  const inputs = [
    join(web, 'index.html'),
    join(web, 'vite.config.mts'),
    join(root, 'package-lock.json'),
    // what the app takes from the libs
    join(root, 'libs', 'rules', 'src', 'data', 'account-groupings.json'),
    join(root, 'libs', 'domain', 'src', 'data', 'danish-labels.json'),
    join(root, 'libs', 'domain', 'src', 'data', 'kommunekoder.json'),
    join(root, 'libs', 'domain', 'src', 'calendar', 'index.ts'),
    join(root, 'libs', 'domain', 'src', 'shared', 'calendar-date.ts'),
  ];
  for await (const file of files(join(web, 'src'))) inputs.push(file);
  const hash = createHash('sha256');
  for (const file of inputs.sort())
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export async function buildWebApp() {
  const started = Date.now();
  const hash = await sourceHash();
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  const { build } = await import('vite');
  await build({ configFile: join(web, 'vite.config.mts'), logLevel: 'warn' });
  writeFileSync(stamp, hash);
  console.error(`built the web app into apps/web/dist in ${Date.now() - started} ms`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWebApp();

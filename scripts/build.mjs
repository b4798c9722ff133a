// `npm run build`: compiles apps/ and libs/ (not their tests) to dist/ with swc, rewriting the
// @app/* path aliases to relative requires, and copies the rulebook's JSON; then builds the web app
// (build-web.mjs, only when its sources changed). `npm start` runs the compiled code: compiled
// at run time (@swc-node/register) the api takes far more memory (README, `npm run bench -- commands`).
import { transformFile } from '@swc/core';
import { readFileSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, resolve } from 'node:path';
import { buildWebApp } from './build-web.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
// Built beside dist/ and renamed into place: a running `npm start` keeps finding its modules.
const out = `${dist}.building-${process.pid}`;
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // test support is never run from dist; the web app is built by Vite (build-web.mjs)
      if (entry.name !== 'testing' && path !== join(root, 'apps', 'web')) yield* sources(path);
    } else if (entry.name.endsWith('.json')) yield path;
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts'))
      yield path;
  }
}

async function compile(file) {
  const target = join(out, relative(root, file));
  await mkdir(dirname(target), { recursive: true });
  if (file.endsWith('.json')) return cp(file, target);
  const { code } = await transformFile(file, {
    ...swcrc,
    $schema: undefined,
    swcrc: false,
    sourceMaps: false,
    jsc: { ...swcrc.jsc, baseUrl: root, paths },
  });
  await writeFile(target.replace(/\.ts$/, '.js'), code);
}

const started = Date.now();
const files = [];
for (const dir of ['apps', 'libs']) for await (const file of sources(join(root, dir))) files.push(file);
try {
  await Promise.all(files.map(compile));
  const retired = `${dist}.retired-${process.pid}`;
  await rename(dist, retired).catch((error) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(out, dist);
  await rm(retired, { recursive: true, force: true });
} finally {
  await rm(out, { recursive: true, force: true });
}
console.error(`built ${files.length} files into dist/ in ${Date.now() - started} ms`);
await buildWebApp();

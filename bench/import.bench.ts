// `npm run bench -- import [lines]`: `npm run cli -- import` (compiled, a process of its own) sends
// a generated history of a municipality (default 100,000 lines, bench/support/import-file.ts) to the
// running system (compiled `start` on a fresh embedded PostgreSQL) in batches of 1,000; then the same
// file again, which appends nothing. Prints lines/s of both runs and when the projector had caught up.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { mintToken } from '@app/platform';
import { startRunningSystem } from './support/running-system';
import { writeImportFile } from './support/import-file';

const MAIN = join(__dirname, '../dist/apps/cli/src/main.js');

function runImport(file: string, api: string, token: string): Promise<{ seconds: number; summary: string }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [MAIN, 'import', '--municipality', '101', '--file', file, '--api', api, '--token', token],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`import exited with ${code}: ${out}`));
      else resolve({ seconds, summary: out.trim() });
    });
  });
}

async function eventsBehind(url: string): Promise<number> {
  const health = (await (await fetch(`${url}/health`)).json()) as { projection: { eventsBehind: number } };
  return health.projection.eventsBehind;
}

export async function main(args: string[]): Promise<void> {
  const wanted = Number(args[0] ?? 100_000);
  mkdirSync('.bench-data', { recursive: true });
  const file = join('.bench-data', 'import-history.jsonl');
  const lines = await writeImportFile(file, wanted);
  const system = await startRunningSystem('.bench-data/import');
  try {
    const token = mintToken({ sub: 'bench', role: 'jobcentre', municipality: '101' }, system.secret);
    for (const run of ['first run', 'second run (appends nothing)']) {
      const { seconds, summary } = await runImport(file, system.url, token);
      console.log(
        `import, ${run}: ${lines.toLocaleString('en-US')} lines in ${seconds.toFixed(1)} s = ${Math.round(lines / seconds)} lines/s (process start included); ${summary}`,
      );
      const done = Date.now();
      while ((await eventsBehind(system.url)) > 0 && Date.now() - done < 600_000)
        await new Promise((r) => setTimeout(r, 200));
      console.log(
        `  projector caught up ${((Date.now() - done) / 1000).toFixed(1)} s after the import ended`,
      );
    }
  } finally {
    await system.stop();
  }
}

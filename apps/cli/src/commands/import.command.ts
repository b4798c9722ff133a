// `npm run cli -- import --municipality 101 --file history.jsonl`: loads a municipality's history
// (README "Importing a municipality's history") through the api, as a jobcentre system would send
// it: the file's lines, in order, in batches over POST /v1/commands. Each line is a command; its id
// is derived from the line (import/import-line.ts), so a second run appends nothing. Every line the
// api (or the import) refuses is written with its reason to the refused file; progress goes to
// standard error, the counts to standard output.
import { createReadStream, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadConfig, mintToken } from '@app/platform';
import { progress as progressBar, type Progress } from '../progress';
import { batchSender, type ItemResult } from '../import/batch-sender';
import { importLine, type ImportCommand, type Refusal } from '../import/import-line';
import { UsageError } from './usage-error';

export interface ImportOptions {
  municipality: string;
  file: string;
  api?: string;
  token?: string;
  batchSize: string;
  refused?: string;
}

export interface ImportIo {
  env?: NodeJS.ProcessEnv;
  print?: (line: string) => void;
  progress?: (label: string) => Progress;
}

/** What an import did, as printed. */
export interface ImportSummary {
  lines: number;
  /** Answered 201: their events appended now. */
  appended: number;
  /** Answered 200: stored before (a second run) or nothing to change. */
  unchanged: number;
  refused: number;
  refusedFile: string;
  seconds: number;
  linesPerSecond: number;
}

/** The bearer token: --token, else LEDGER_TOKEN, else a jobcentre token of the municipality signed with the api's secret. */
function tokenSource(options: ImportOptions, env: NodeJS.ProcessEnv): () => string {
  const given = options.token ?? env.LEDGER_TOKEN;
  if (given) return () => given;
  const { jwtSecret } = loadConfig(env);
  const principal = {
    sub: `import:${options.municipality}`,
    role: 'jobcentre' as const,
    municipality: options.municipality,
  };
  return () => mintToken(principal, jwtSecret, '1h');
}

function refusalOf(c: ImportCommand, r: ItemResult, input: string): Refusal {
  return {
    line: c.line,
    status: r.status,
    code: r.problem?.code ?? null,
    detail: r.problem?.detail ?? r.problem?.title ?? `answered ${r.status}`,
    ...(r.problem?.errors !== undefined && { errors: r.problem.errors }),
    input,
  };
}

const written = (out: WriteStream, refusal: Refusal) => out.write(`${JSON.stringify(refusal)}\n`);

export async function importCommand(
  options: ImportOptions,
  {
    env = process.env,
    print = console.log,
    progress = (label) => progressBar(label, process.stderr, 'lines'),
  }: ImportIo = {},
): Promise<ImportSummary> {
  if (!/^\d{3}$/.test(options.municipality))
    throw new UsageError('--municipality must be a three-digit kommunekode');
  const batchSize = Number(options.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000)
    throw new UsageError('--batch-size takes 1 to 5000 (the api takes at most 5000 commands a batch)');
  let size: number;
  try {
    size = statSync(options.file).size;
  } catch {
    throw new UsageError(`--file ${options.file} cannot be read`);
  }
  const api = options.api ?? `http://127.0.0.1:${env.PORT ?? '3000'}`;
  const send = batchSender({ api, token: tokenSource(options, env) });
  const refusedFile = options.refused ?? `${options.file}.refused.jsonl`;
  const refusedOut = createWriteStream(refusedFile);
  const bar = progress(`import ${options.file}`);
  const started = Date.now();
  const counts = { lines: 0, appended: 0, unchanged: 0, refused: 0 };
  let bytes = 0;
  let batch: { command: ImportCommand; input: string }[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const results = await send(batch.map((b) => b.command));
    results.forEach((r, i) => {
      if (r.status === 201) counts.appended++;
      else if (r.status === 200) counts.unchanged++;
      else {
        counts.refused++;
        written(refusedOut, refusalOf(batch[i].command, r, batch[i].input));
      }
    });
    batch = [];
    bar.update(bytes, size, counts.lines);
  };

  try {
    const lines = createInterface({ input: createReadStream(options.file), crlfDelay: Infinity });
    let number = 0;
    for await (const text of lines) {
      number++;
      bytes += Buffer.byteLength(text) + 1;
      const parsed = importLine(text, number, options.municipality);
      if (parsed === null) continue;
      counts.lines++;
      if ('status' in parsed) {
        counts.refused++;
        written(refusedOut, parsed);
        continue;
      }
      batch.push({ command: parsed, input: text });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    bar.stop();
    await new Promise<void>((resolve) => refusedOut.end(() => resolve()));
  }
  const seconds = (Date.now() - started) / 1000;
  const summary: ImportSummary = {
    ...counts,
    refusedFile,
    seconds,
    linesPerSecond: Math.round(counts.lines / Math.max(seconds, 0.001)),
  };
  print(JSON.stringify(summary));
  if (counts.refused > 0)
    throw new Error(
      `${counts.refused} of ${counts.lines} lines were refused; each is in ${refusedFile} with its reason`,
    );
  return summary;
}

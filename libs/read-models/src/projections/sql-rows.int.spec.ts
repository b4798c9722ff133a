// A COPY whose input is many chunks (each a message of its own) inserts every row, once, exactly
// as given: values with the characters COPY text escapes, nulls, JSON, across chunk boundaries.
import { createTestDatabase, type TestDatabase } from '@app/platform/testing';
import type { DataSource } from 'typeorm';
import { openReadModels } from '../read-model-data-source';
import { CopyInput, runWrites, tableColumns } from './sql-rows';

interface ProbeRow {
  n: number;
  label: string | null;
  doc: unknown;
}

const PROBE = tableColumns<ProbeRow>('copy_probe', ['n', 'label', 'doc'], ['doc']);

let db: TestDatabase;
let readModels: DataSource;

beforeEach(async () => {
  db = await createTestDatabase();
  readModels = await openReadModels(db.url);
  await readModels.query('CREATE TABLE copy_probe (n integer PRIMARY KEY, label text, doc jsonb)');
});
afterEach(async () => {
  await readModels.destroy();
  await db.drop();
});

const rowOf = (n: number): ProbeRow => ({
  n,
  label: n % 7 === 0 ? null : `row ${n}\ttab\nnewline\\backslash\r æøå`,
  doc: n % 5 === 0 ? null : { n, text: `quote " and \\ and\ttab`, list: [n, 'x'] },
});

it('inserts every row of a COPY sent in several chunks, exactly as given', async () => {
  const input = new CopyInput(PROBE);
  const rows = Array.from({ length: 1000 }, (_, i) => rowOf(i + 1)); // 256 lines a chunk: 4 chunks
  for (const row of rows) input.add(row);
  const write = input.write()!;
  expect('copy' in write && write.payload.length).toBe(4);

  await readModels.transaction((tx) => runWrites(tx, [write]));

  const stored: ProbeRow[] = await readModels.query('SELECT n, label, doc FROM copy_probe ORDER BY n');
  expect(stored).toEqual(rows);
});

it('keeps what was written when rows are added after write()', async () => {
  const input = new CopyInput(PROBE);
  for (let n = 1; n <= 300; n++) input.add(rowOf(n));
  const write = input.write()!;
  for (let n = 301; n <= 600; n++) input.add(rowOf(n));

  await readModels.transaction((tx) => runWrites(tx, [write]));

  const [{ count }]: { count: number }[] = await readModels.query(
    'SELECT count(*)::int AS count FROM copy_probe',
  );
  expect(count).toBe(300);
});

it('a COPY the database refuses fails its transaction with what the database reported; the connection goes on', async () => {
  const input = new CopyInput(PROBE);
  for (const n of [1, 2, 1]) input.add(rowOf(n));
  await expect(readModels.transaction((tx) => runWrites(tx, [input.write()!]))).rejects.toThrow(
    /duplicate key value violates unique constraint/,
  );
  const again = new CopyInput(PROBE);
  again.add(rowOf(3));
  await readModels.transaction((tx) => runWrites(tx, [again.write()!]));
  expect(await readModels.query('SELECT n FROM copy_probe')).toEqual([{ n: 3 }]);
});

// `npm run cli -- migrate-log [--from postgres://…] [--to esdb://…] [--batch-size 1000]` copies the
// PostgreSQL event log into EventStoreDB (libs/event-store/src/migrate-log.ts): in the source's
// order, with ids, types, streams, revisions, data and metadata unchanged. The source is `--from`,
// else DATABASE_URL, else the embedded PostgreSQL in DATA_DIR (started for the copy and stopped
// after it); the target is `--to`, else EVENTSTORE_URL. An interrupted copy is resumed by running
// the command again: what the target already holds is skipped, and a complete copy copies nothing.
import { type EventStore, migrateLog, PostgresEventStore } from '@app/event-store';
import { EventStoredbEventStore } from '@app/event-store/eventstoredb';
import { loadConfig } from '@app/platform';
import { progress as progressBar, type Progress } from '../progress';
import { openSystem } from '../system/open-system';
import { UsageError } from './usage-error';

export interface MigrateLogOptions {
  from?: string;
  to?: string;
  batchSize: string;
}

export interface MigrateLogIo {
  env?: NodeJS.ProcessEnv;
  print?: (line: string) => void;
  progress?: (label: string) => Progress;
}

const ESDB_URL = /^(esdb|esdb\+discover):\/\//;

/** The connection string without its password, for printing. */
function shown(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export async function migrateLogCommand(
  values: MigrateLogOptions,
  { env = process.env, print = console.log, progress = progressBar }: MigrateLogIo = {},
): Promise<void> {
  const to = values.to ?? env.EVENTSTORE_URL;
  if (!to)
    throw new UsageError('migrate-log needs the EventStoreDB to copy into: --to esdb://… or EVENTSTORE_URL');
  if (!ESDB_URL.test(to))
    throw new UsageError('--to (or EVENTSTORE_URL) must be an esdb:// connection string');
  if (values.from !== undefined && !/^postgres(ql)?:\/\//.test(values.from))
    throw new UsageError('--from must be a postgres:// URL');
  const batchSize = Number(values.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new UsageError('--batch-size takes 1 to 10000');

  let source: EventStore;
  let closeSource: () => Promise<void>;
  if (values.from !== undefined) {
    print(`source: PostgreSQL ${shown(values.from)}`);
    source = await PostgresEventStore.connect(values.from, 2);
    closeSource = () => source.close();
  } else {
    // The PostgreSQL log of the system, whatever EVENTSTORE_URL says about where it runs next.
    const config = loadConfig({ ...env, EVENTSTORE_URL: undefined });
    print(
      config.databaseUrl
        ? `source: PostgreSQL of DATABASE_URL ${shown(config.databaseUrl)}`
        : `source: embedded PostgreSQL in ${config.dataDir}`,
    );
    const system = await openSystem(config, { log: print });
    source = system.store;
    closeSource = () => system.close();
  }
  try {
    print(`target: EventStoreDB ${shown(to)}`);
    const target = await EventStoredbEventStore.connect(to);
    try {
      const started = Date.now();
      const head = Number((await source.headPosition()) ?? 0n);
      const bar = progress('migrate-log');
      const result = await migrateLog(source, target, {
        batchSize,
        onProgress: ({ copied, skipped, position }) => bar.update(Number(position), head, copied + skipped),
      }).finally(() => bar.stop());
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      print(
        `migrate-log done in ${seconds} s: ${result.copied + result.skipped} events in the source, ${result.copied} copied now, ${result.skipped} already in the target`,
      );
    } finally {
      await target.close();
    }
  } finally {
    await closeSource();
  }
}

// `npm start` on the embedded default keeps its PostgreSQL running: a server that exits unasked
// (killed, crashed, out of memory) is started again on the same port and data folder, so the
// api's and the projector's pools reconnect by themselves; meanwhile the api answers 503.
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@app/platform/database';

const MAX_BACKOFF_MS = 10_000;

export interface SupervisedDatabase {
  url: string;
  tcpUrl: string;
  /** From now on an exit of the server is expected (shutdown): it is not restarted. */
  expectStop(): void;
  stop(): Promise<void>;
}

export function superviseDatabase(
  first: EmbeddedDatabase,
  dir: string,
  log: (line: string) => void,
): SupervisedDatabase {
  let current = first;
  let stopping = false;
  let starting: Promise<void> | null = null;
  const restart = async (backoff: number): Promise<void> => {
    await new Promise((resolve) => setTimeout(resolve, backoff));
    if (stopping) return;
    try {
      current = await startEmbeddedPostgres(dir, { port: first.port });
      log(`embedded PostgreSQL restarted on port ${first.port}`);
      watch(current);
    } catch (error) {
      const next = Math.min(backoff * 2, MAX_BACKOFF_MS);
      log(
        `embedded PostgreSQL did not restart (${error instanceof Error ? error.message : 'it exited before it was ready'}); trying again in ${next} ms`,
      );
      await restart(next);
    }
  };
  const watch = (db: EmbeddedDatabase) => {
    void db.exited.then(() => {
      if (stopping) return;
      log(`embedded PostgreSQL (pid ${db.pid}) stopped unasked; restarting it on port ${first.port}`);
      starting = restart(500).finally(() => (starting = null));
    });
  };
  watch(first);
  return {
    url: first.url,
    tcpUrl: first.tcpUrl,
    expectStop: () => {
      stopping = true;
    },
    stop: async () => {
      stopping = true;
      await starting;
      await current.stop();
    },
  };
}

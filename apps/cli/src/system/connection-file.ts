// While `npm start` runs on the embedded PostgreSQL, DATA_DIR/connection.json holds the server's
// connection (password included, so readable by its owner only) and the pid of the process that
// owns it. The CLI's other commands use it to work beside the running system instead of starting
// a second server on the same data folder (which PostgreSQL refuses).
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface ConnectionRecord {
  databaseUrl: string;
  pid: number;
}

export function connectionFile(dataDir: string): string {
  return join(dataDir, 'connection.json');
}

export function recordConnection(dataDir: string, databaseUrl: string): void {
  const file = connectionFile(dataDir);
  const written = `${file}.${process.pid}`;
  // Created with its mode (a later chmod would leave a moment in which others may read it).
  writeFileSync(written, JSON.stringify({ databaseUrl, pid: process.pid } satisfies ConnectionRecord), {
    mode: 0o600,
  });
  renameSync(written, file);
}

/** Removes the record, if it is this process's (a second `npm start` that failed leaves the first one's). */
export function removeConnection(dataDir: string): void {
  if (readRecord(dataDir)?.pid === process.pid) rmSync(connectionFile(dataDir), { force: true });
}

function readRecord(dataDir: string): ConnectionRecord | null {
  try {
    const record = JSON.parse(readFileSync(connectionFile(dataDir), 'utf8')) as Partial<ConnectionRecord>;
    return typeof record.databaseUrl === 'string' && Number.isInteger(record.pid)
      ? (record as ConnectionRecord)
      : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The database URL of the system running on DATA_DIR, or null (none recorded, or its process is gone). */
export function runningDatabaseUrl(dataDir: string): string | null {
  const record = readRecord(dataDir);
  return record && isAlive(record.pid) ? record.databaseUrl : null;
}

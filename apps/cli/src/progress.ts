// Progress of long work on standard error (standard output stays the command's result): a bar
// redrawn in place on a terminal, a plain line every few seconds when piped or logged. Both show
// the count, the percentage, the rate and the time left.
import type { CatchUpProgress } from '@app/read-models';
import { SingleBar } from 'cli-progress';

export interface Progress {
  /** `done` of `total` units (log positions: events on PostgreSQL, bytes on EventStoreDB); `count` the events so far. */
  update(done: number, total: number, count: number): void;
  stop(): void;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
      : `${s}s`;
}

/** The line shown, from the state of the work. Pure. */
export function progressLine(
  label: string,
  done: number,
  total: number,
  count: number,
  elapsedSeconds: number,
  unit = 'events',
): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const rate = elapsedSeconds > 0 ? count / elapsedSeconds : 0;
  const left = fraction > 0 ? (elapsedSeconds * (1 - fraction)) / fraction : Number.POSITIVE_INFINITY;
  return `${label}: ${count.toLocaleString('en-US')} ${unit}, ${(fraction * 100).toFixed(1)} %, ${Math.round(rate).toLocaleString('en-US')} ${unit}/s, ETA ${duration(left)}`;
}

export function progress(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
  unit = 'events',
): Progress {
  const started = Date.now();
  let count = 0;
  const bar = new SingleBar({
    stream,
    noTTYOutput: true,
    notTTYSchedule: 5000,
    etaBuffer: 50,
    hideCursor: true,
    clearOnComplete: false,
    format: (_options, params) => {
      const line = progressLine(
        label,
        params.value,
        params.total,
        count,
        (Date.now() - started) / 1000,
        unit,
      );
      if (!stream.isTTY) return line;
      const width = 20;
      const filled = Math.round(width * (params.total > 0 ? Math.min(1, params.value / params.total) : 1));
      return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${line}`;
    },
  });
  let running = false;
  return {
    update(done, total, events) {
      count = events;
      if (!running) {
        bar.start(total, done);
        running = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

/** A progress bar fed by the projection runner's catch-up (rebuild, replay). */
export function catchUpProgress(label: string): { onProgress: (p: CatchUpProgress) => void; stop(): void } {
  const bar = progress(label);
  return {
    onProgress: ({ applied, from, through, head }) =>
      bar.update(Number(through - from), Number(head - from), applied),
    stop: () => bar.stop(),
  };
}

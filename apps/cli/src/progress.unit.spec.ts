import { PassThrough } from 'node:stream';
import { progress, progressLine } from './progress';

describe('progressLine', () => {
  it('shows the count, the share done, the rate and the time left in the unit of the work', () => {
    expect(progressLine('rebuild', 250, 1000, 250, 5)).toBe(
      'rebuild: 250 events, 25.0 %, 50 events/s, ETA 15s',
    );
    expect(progressLine('statement', 2, 8, 2, 1, 'steps')).toBe(
      'statement: 2 steps, 25.0 %, 2 steps/s, ETA 3s',
    );
  });

  it('has no time left to tell before anything is done', () => {
    expect(progressLine('replay', 0, 10, 0, 0)).toBe('replay: 0 events, 0.0 %, 0 events/s, ETA ?');
  });
});

describe('progress on a pipe', () => {
  it('writes plain lines (no bar) and a last line when the work stops', () => {
    const out = new PassThrough();
    let written = '';
    out.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const bar = progress('statement', out as unknown as NodeJS.WriteStream, 'steps');
    bar.update(1, 5, 1);
    bar.update(5, 5, 5);
    bar.stop();
    expect(written).not.toContain('█');
    expect(written).toMatch(/statement: 5 steps, 100\.0 %/);
  });
});

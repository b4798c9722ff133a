// `npm run cli -- rebuild`: replays the whole log into fresh read-model tables and swaps them in
// while the api keeps answering; a running projector goes on from the rebuilt checkpoint.
import { loadConfig } from '@app/platform/config';
import { allProjections, rebuildLive } from '@app/read-models';
import { rulebooks } from '@app/rules';
import { catchUpProgress } from '../progress';
import { openSystem } from '../system/open-system';

export async function rebuildCommand(): Promise<void> {
  const system = await openSystem(loadConfig());
  const progress = catchUpProgress('rebuild');
  try {
    const started = Date.now();
    const applied = await rebuildLive(system.databaseUrl, system.store, allProjections(rulebooks), {
      onProgress: progress.onProgress,
    });
    progress.stop();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `rebuilt the read models from ${applied} events in ${seconds.toFixed(1)} s and swapped them in`,
    );
  } finally {
    progress.stop();
    await system.close();
  }
}

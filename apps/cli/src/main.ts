// The operator tool: `npm run cli -- <command> [options]` (`--help` on any command).
import 'reflect-metadata';
import { startTracing, stopTracing } from '@app/platform/tracing';

// Before anything loads http, pg or gRPC, so that the instrumentations can wrap them.
startTracing();
const { runCli } = require('./program') as typeof import('./program');

process.once('beforeExit', () => void stopTracing());
void runCli(process.argv.slice(2)).then(async (code) => {
  // A long-running command (start) keeps the process alive; a failure exits at once, whatever
  // connections are still open.
  if (code !== 0) {
    await stopTracing();
    process.exit(code);
  }
});

// The operator tool: `npm run cli -- <command> [options]` (`--help` on any command).
import 'reflect-metadata';
import { runCli } from './program';

void runCli(process.argv.slice(2)).then((code) => {
  // A long-running command (start) keeps the process alive; a failure exits at once, whatever
  // connections are still open.
  if (code !== 0) process.exit(code);
});

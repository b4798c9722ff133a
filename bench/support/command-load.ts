// The load of `npm run bench -- commands` (and of `limits`): ChangeTargetGroup commands of new
// persons of one municipality, single over HTTP by autocannon, or in batches of the batch endpoint.
import { randomUUID } from 'node:crypto';
import { mintToken } from '@app/platform';
import autocannon from 'autocannon';
import type { RunningSystem } from './running-system';

export interface CommandLoad {
  /** Single commands at `connections` for `seconds`: autocannon's result. */
  single(connections: number, seconds: number): Promise<autocannon.Result>;
  /** `batches` batches of `perBatch` commands one after the other: the seconds they took. */
  batches(batches: number, perBatch: number): Promise<number>;
}

/** A ChangeTargetGroup of a new person of municipality 101, as the load sends it. */
const newPersonCommand = () => ({
  commandId: randomUUID(),
  municipality: '101',
  personId: `p-${randomUUID().slice(0, 8)}`,
  targetGroup: 'jobafklaring',
  effectiveFrom: '2025-01-01',
});

/** `batches` batches of `perBatch` commands POSTed to `url` one after the other: the seconds they took. */
export async function postBatches(
  url: string,
  headers: Record<string, string>,
  batches: number,
  perBatch: number,
): Promise<number> {
  const started = process.hrtime.bigint();
  for (let b = 0; b < batches; b++) {
    const commands = Array.from({ length: perBatch }, () => ({
      type: 'ChangeTargetGroup',
      ...newPersonCommand(),
    }));
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ commands }) });
    if (res.status !== 200) throw new Error(`batch answered ${res.status}`);
    await res.arrayBuffer();
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export function commandLoad(system: RunningSystem): CommandLoad {
  const token = mintToken({ sub: 'bench', role: 'jobcentre', municipality: '101' }, system.secret);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return {
    single: (connections, seconds) =>
      autocannon({
        url: `${system.url}/v1/commands/ChangeTargetGroup`,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers,
            setupRequest: (req) => ({ ...req, body: JSON.stringify(newPersonCommand()) }),
          },
        ],
      }),
    batches: (batches, perBatch) => postBatches(`${system.url}/v1/commands`, headers, batches, perBatch),
  };
}

// Sends an import's commands to the api's batch endpoint (POST /v1/commands, API.md "Commands"),
// in order. What the api cannot take now — no answer, a 5xx, a 503 item — is sent again (the
// command ids make that safe: what was stored answers 200); a batch over the body limit (413) is
// sent in halves; a refusal of the whole batch (401, 403, 400) ends the import with its reason.
import type { ImportCommand } from './import-line';

/** A command's own result in the batch's answer. */
export interface ItemResult {
  status: number;
  problem?: { code?: string; detail?: string; title?: string; errors?: unknown };
}

export interface BatchSenderOptions {
  /** The api's base URL, e.g. http://127.0.0.1:3000. */
  api: string;
  /** A bearer token for each request (minted anew, so a long import outlives no token). */
  token: () => string;
  /** How often to send a batch the api could not take before giving up. */
  attempts?: number;
  /** The wait before the n-th retry, in ms (Retry-After, when sent, is used instead, up to 30 s). */
  backoffMs?: (attempt: number) => number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function batchSender({
  api,
  token,
  attempts = 10,
  backoffMs = (n) => Math.min(10_000, 250 * 2 ** (n - 1)),
}: BatchSenderOptions) {
  const url = `${api.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/commands`;

  async function post(commands: ImportCommand[]): Promise<Response | Error> {
    try {
      return await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ commands: commands.map((c) => c.command) }),
      });
    } catch (error) {
      return error as Error;
    }
  }

  async function send(commands: ImportCommand[]): Promise<ItemResult[]> {
    for (let attempt = 1; ; attempt++) {
      const res = await post(commands);
      let wait = backoffMs(attempt);
      if (!(res instanceof Error)) {
        if (res.status === 200) {
          const { results } = (await res.json()) as { results: ItemResult[] };
          if (!results.some((r) => r.status >= 500)) return results;
        } else if (res.status === 413 && commands.length > 1) {
          const half = Math.ceil(commands.length / 2);
          return [...(await send(commands.slice(0, half))), ...(await send(commands.slice(half)))];
        } else if (res.status === 413) {
          return [{ status: 413, problem: (await res.json()) as ItemResult['problem'] }];
        } else if (res.status < 500) {
          const problem = (await res.json().catch(() => ({}))) as { detail?: string; title?: string };
          throw new Error(
            `the api at ${api} refused the batch with ${res.status}: ${problem.detail ?? problem.title ?? res.statusText}`,
          );
        } else {
          const retryAfter = Number(res.headers.get('retry-after'));
          if (retryAfter > 0) wait = Math.min(30, retryAfter) * 1000;
          await res.body?.cancel();
        }
      }
      if (attempt >= attempts)
        throw new Error(
          res instanceof Error
            ? `the api at ${api} did not answer after ${attempts} attempts`
            : `the api at ${api} answered ${res.status} to ${attempts} attempts`,
          { cause: res instanceof Error ? res : undefined },
        );
      await sleep(wait);
    }
  }
  return send;
}

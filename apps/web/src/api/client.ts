// The app's HTTP client: openapi-fetch over the types generated from /v1/openapi.json
// (openapi.d.ts), with the session's token. Errors are the api's problem documents.
import createClient from 'openapi-fetch';
import { currentSession, signOut } from '../session';
import type { paths } from './openapi';

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: {
      title?: string;
      detail?: string;
      code?: string;
      errors?: { path: string; message: string }[];
    },
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

export const api = createClient<paths>({ baseUrl: window.location.origin });

// After a command of this tab, reads wait (?minPosition=) until the read models include it.
let position: string | null = null;
export function readAfter(commandPosition: string | null | undefined): void {
  if (commandPosition && (position === null || BigInt(commandPosition) > BigInt(position)))
    position = commandPosition;
}

api.use({
  onRequest({ request }) {
    const session = currentSession();
    if (session) request.headers.set('authorization', `Bearer ${session.token}`);
    if (
      request.method !== 'GET' ||
      position === null ||
      !new URL(request.url).pathname.startsWith('/v1/municipalities/')
    )
      return request;
    const url = new URL(request.url);
    url.searchParams.set('minPosition', position);
    return new Request(url, request);
  },
  async onResponse({ response }) {
    if (response.ok) return response;
    if (response.status === 401 && currentSession()) signOut();
    const body = await response
      .clone()
      .json()
      .catch(() => ({ detail: response.statusText }));
    throw new ApiProblem(response.status, body);
  },
});

/** The body of a successful answer (its shape from ./shapes until the OpenAPI document describes it). */
export async function body<T>(call: Promise<{ data?: unknown; response: Response }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

/** An address the browser downloads itself (CSV, XLSX): the token goes along as a header, so it is fetched and saved. */
export async function download(path: string, filename: string): Promise<void> {
  const session = currentSession();
  const response = await fetch(path, {
    headers: session ? { authorization: `Bearer ${session.token}` } : {},
  });
  if (!response.ok) throw new ApiProblem(response.status, await response.json().catch(() => ({})));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

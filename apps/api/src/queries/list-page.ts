// Paging of an answer that is a JSON array (a person's timeline and its history, small and
// computed whole): the cursor is the offset of the page's first item, and a next page is
// announced in a Link header (RFC 8288), so the array stays the answer clients already read.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const NEXT_PAGE_HEADER = 'link';

/** The page of `items` after `cursor`; sets `Link: <…cursor=n>; rel="next"` when more follow. */
export function listPage<T>(
  items: readonly T[],
  limit: number,
  cursor: string | undefined,
  req: FastifyRequest,
  reply: FastifyReply,
): T[] {
  const offset = cursor === undefined ? 0 : Number(cursor);
  const page = items.slice(offset, offset + limit);
  if (offset + limit < items.length) {
    const url = new URL(req.originalUrl, 'http://host');
    url.searchParams.set('cursor', String(offset + limit));
    reply.header(NEXT_PAGE_HEADER, `<${url.pathname}${url.search}>; rel="next"`);
  }
  return page;
}

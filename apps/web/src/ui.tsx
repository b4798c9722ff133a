// Small shared pieces of the pages: the state of a query, money cells, the recorded-time note.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiProblem } from './api/client';
import { kr } from './format';
import { href } from './router';

export function Loaded<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <p role="status">Henter …</p>;
  if (query.isError) return <ErrorNote error={query.error} />;
  return <>{children(query.data)}</>;
}

export function ErrorNote({ error }: { error: unknown }) {
  const problem = error instanceof ApiProblem ? error : null;
  return (
    <div className="error" role="alert">
      <strong>{problem ? `Fejl ${problem.status}` : 'Fejl'}:</strong> {problem?.message ?? String(error)}
      {problem?.problem.errors?.length ? (
        <ul>
          {problem.problem.errors.map((e) => (
            <li key={e.path}>
              {e.path}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Money({ value }: { value: string | null | undefined }) {
  return <td className="num">{kr(value)}</td>;
}

/** Right-aligned column headings of figures. */
export function FigureHeadings({ names }: { names: string[] }) {
  return (
    <>
      {names.map((n) => (
        <th key={n} scope="col" className="num">
          {n}
        </th>
      ))}
    </>
  );
}

/** A participant's person (to the timeline) and offer (to its postings) as two cells. */
export function PersonOfferCells({ personId, offerId }: { personId: string; offerId: string }) {
  return (
    <>
      <td>
        <a href={href(`/borger/${encodeURIComponent(personId)}`)}>{personId}</a>
      </td>
      <td>
        <a href={href('/posteringer', { tilbud: offerId })}>{offerId}</a>
      </td>
    </>
  );
}

/**
 * Cursor paging: the cursors of the pages seen so far, the last the page shown (null: the first);
 * back pops one, on pushes the answer's next cursor.
 */
export function Pager({
  cursors,
  setCursors,
  nextCursor,
  label,
}: {
  cursors: (string | null)[];
  setCursors: (cursors: (string | null)[]) => void;
  nextCursor: string | null;
  label: string;
}) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
        Forrige side
      </button>
      <span>Side {cursors.length}</span>
      <button type="button" disabled={!nextCursor} onClick={() => setCursors([...cursors, nextCursor])}>
        Næste side
      </button>
    </nav>
  );
}

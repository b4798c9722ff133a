// Small shared pieces of the pages: the state of a query, money cells, the recorded-time note.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiProblem } from './api/client';
import { kr } from './format';

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

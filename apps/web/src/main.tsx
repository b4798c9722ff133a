import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProblem } from './api/client';
import { App } from './app';
import { AsOfProvider } from './as-of';
import './styles.css';

// a 503 (the read models are catching up, the database is briefly away) is asked again a few
// times; other errors are shown at once
const retry = (failures: number, error: unknown) =>
  error instanceof ApiProblem && error.status === 503 ? failures < 5 : failures < 1;
const queries = new QueryClient({
  defaultOptions: { queries: { retry, staleTime: 30_000, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <AsOfProvider>
        <App />
      </AsOfProvider>
    </QueryClientProvider>
  </StrictMode>,
);

// Routes live in the URL's fragment (#/posteringer?konto=…), so every page is served as /app/
// and the browser's back button, bookmarks and new tabs work without a server-side fallback.
import { useSyncExternalStore } from 'react';

export interface Route {
  path: string;
  query: URLSearchParams;
}

function read(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, read);
  const [path, search = ''] = hash.split('?');
  return { path, query: new URLSearchParams(search) };
}

export function href(path: string, query: Record<string, string | number | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

export function navigate(path: string, query: Record<string, string | number | null | undefined> = {}): void {
  window.location.hash = href(path, query);
}

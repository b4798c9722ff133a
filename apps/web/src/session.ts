// Who is signed in: a short-lived token (one hour, from the development sign-in) kept in this
// tab's sessionStorage only, never a long-lived secret. A 401 signs out.
export type Role = 'finance' | 'auditor';

export interface Session {
  token: string;
  expiresAt: string;
  role: Role;
  municipality: string;
}

const KEY = 'refusion.session';
const listeners = new Set<() => void>();

export function currentSession(): Session | null {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return null;
  const session = JSON.parse(stored) as Session;
  return Date.parse(session.expiresAt) > Date.now() ? session : null;
}

export function signIn(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  listeners.forEach((l) => l());
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

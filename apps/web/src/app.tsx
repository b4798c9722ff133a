// The frame of every page: who is signed in, the navigation (by role), the as-of control, and the page.
import { useEffect, useSyncExternalStore } from 'react';
import { AsOfControl } from './as-of';
import { municipalityName } from './names';
import { AuditPage } from './pages/audit-page';
import { CapsPage } from './pages/caps-page';
import { ChangesPage } from './pages/changes-page';
import { PostingPage } from './pages/posting-page';
import { ProjectPage } from './pages/project-page';
import { PostingsPage } from './pages/postings-page';
import { SignInPage } from './pages/sign-in-page';
import { StatementPage } from './pages/statement-page';
import { TimelinePage } from './pages/timeline-page';
import { UnresolvedPage } from './pages/unresolved-page';
import { href, useRoute } from './router';
import { currentSession, onSessionChange, signOut, type Session } from './session';

const NAVIGATION: { path: string; label: string; roles?: Session['role'][] }[] = [
  { path: '/opgoerelse', label: 'Opgørelse' },
  { path: '/posteringer', label: 'Posteringer' },
  { path: '/aendringer', label: 'Hvad er ændret' },
  { path: '/uafklarede', label: 'Uafklarede' },
  { path: '/projekt', label: 'Projekter' },
  { path: '/lofter', label: 'Lofter og regnskabsår' },
  { path: '/revision', label: 'Revision', roles: ['auditor'] },
];

const ROLE_NAMES: Record<Session['role'], string> = { finance: 'økonomi', auditor: 'revisor' };

function page(path: string, session: Session) {
  const [, first, second] = path.split('/');
  switch (`/${first}`) {
    case '/opgoerelse':
      return <StatementPage session={session} />;
    case '/posteringer':
      return <PostingsPage session={session} />;
    case '/postering':
      return <PostingPage session={session} entryId={decodeURIComponent(second ?? '')} />;
    case '/borger':
      return <TimelinePage session={session} personId={decodeURIComponent(second ?? '')} />;
    case '/aendringer':
      return <ChangesPage session={session} />;
    case '/uafklarede':
      return <UnresolvedPage session={session} />;
    case '/projekt':
      return <ProjectPage key={second} session={session} projectId={decodeURIComponent(second ?? '')} />;
    case '/lofter':
      return <CapsPage session={session} />;
    case '/revision':
      return <AuditPage session={session} />;
    default:
      return <StatementPage session={session} />;
  }
}

export function App() {
  const session = useSyncExternalStore(onSessionChange, () => sessionStorage.getItem('refusion.session'));
  const signedIn = session ? currentSession() : null;
  const { path } = useRoute();
  useEffect(() => {
    document.title = signedIn
      ? `Refusion – ${municipalityName(signedIn.municipality)}`
      : 'Refusion – log ind';
  }, [signedIn]);

  if (!signedIn) return <SignInPage />;
  return (
    <>
      <a
        className="skip"
        href="#indhold"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('indhold')?.focus();
        }}
      >
        Spring til indhold
      </a>
      <header className="top">
        <div className="brand">
          <strong>Refusion</strong> · {signedIn.municipality} {municipalityName(signedIn.municipality)}
        </div>
        <nav aria-label="Hovedmenu">
          <ul>
            {NAVIGATION.filter((n) => !n.roles || n.roles.includes(signedIn.role)).map((n) => (
              <li key={n.path}>
                <a href={href(n.path)} aria-current={path.startsWith(n.path) ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          Rolle: {ROLE_NAMES[signedIn.role]}{' '}
          <button type="button" onClick={signOut}>
            Log ud
          </button>
        </div>
      </header>
      <AsOfControl municipality={signedIn.municipality} />
      <main id="indhold" tabIndex={-1}>
        {page(path, signedIn)}
      </main>
    </>
  );
}

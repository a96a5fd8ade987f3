// The signed-in session, kept in localStorage so that a reload keeps the user signed in. The
// token is the API's bearer token (login mutation); the user is what `me` said at sign-in.
export type Role = 'APPLICANT' | 'EMPLOYER' | 'PREFECTURE' | 'REGIONAL' | 'ANALYST';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  area: { id: string; name: string } | null;
  unit: { id: string; name: string } | null;
}

export interface Session {
  token: string;
  /** ISO instant after which the API refuses the token. */
  expiresAt: string;
  user: SessionUser;
}

const key = 'tepei.session';

// Read from localStorage once and then kept here: react-admin asks for the session on every
// auth check and every request. Another tab signing in or out changes it through the storage event.
let kept: { session: Session | null } | undefined;
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === key || event.key === null) kept = undefined;
  });
}

export function readSession(): Session | null {
  if (!kept) {
    try {
      const stored = localStorage.getItem(key);
      kept = { session: stored ? (JSON.parse(stored) as Session) : null };
    } catch {
      kept = { session: null };
    }
  }
  return kept.session;
}

export function saveSession(session: Session): void {
  localStorage.setItem(key, JSON.stringify(session));
  kept = { session };
}

export function updateSessionUser(user: SessionUser): void {
  const session = readSession();
  if (session) saveSession({ ...session, user });
}

export function clearSession(): void {
  localStorage.removeItem(key);
  kept = { session: null };
}

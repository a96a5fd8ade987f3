// Sign-in through the API: `login` gives a bearer token (kept in localStorage with the user),
// `logout` ends the session on the server, `me` says who is signed in and in which role and
// scope. The API stays the guard: menus only follow what it would allow.
import { parse } from 'graphql';
import type { AuthProvider } from 'react-admin';
import { callMutation } from './dataProvider/callMutation.ts';
import { client } from './dataProvider/client.ts';
import { toApiError, type ApiError } from './dataProvider/errors.ts';
import { clearSession, readSession, saveSession, updateSessionUser, type Role, type SessionUser } from './session.ts';

/** Who is signed in, with the scope of their role (checked against the schema by the tests). */
export const meQuery = 'query Me { me { id username displayName role area { id name } unit { id name } } }';

/** What getPermissions returns: the role and the scope the API bounds it to. */
export interface Permissions {
  role: Role;
  area: { id: string; name: string } | null;
  unit: { id: string; name: string } | null;
}

async function me(): Promise<SessionUser> {
  try {
    const { data } = await client.query<{ me: SessionUser }>({ query: parse(meQuery) });
    return data.me;
  } catch (error) {
    throw toApiError(error);
  }
}

function permissionsOf(user: SessionUser): Permissions {
  return { role: user.role, area: user.area, unit: user.unit };
}

// Why the last session ended, for the sign-in page to say (an i18n key). react-admin notifies
// only while still signed in, and checkError has just signed the user out: without this a
// revoked or expired session dropped to the sign-in page without a word. Kept for the tab, so
// that a reload of the sign-in page still says it.
const signOutNoticeKey = 'tepei.signOutNotice';

/** The i18n key of what the sign-in page should say about the session that ended, if anything. */
export function signOutNotice(): string | null {
  try {
    return sessionStorage.getItem(signOutNoticeKey);
  } catch {
    return null;
  }
}

function setSignOutNotice(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(signOutNoticeKey, key);
    else sessionStorage.removeItem(signOutNoticeKey);
  } catch {
    // Storage refused (private mode): the sign-in page simply says nothing.
  }
}

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    // The login request is anonymous, so the user's unit and area (readable only when signed
    // in) come from `me` once the token is kept.
    const payload = await callMutation<{ token: string; expiresAt: string; user: Omit<SessionUser, 'area' | 'unit'> }>(
      { field: 'login', variables: '$username: String!, $password: String!', data: 'token expiresAt user { id username displayName role }' },
      { username: username?.trim() ?? '', password: password ?? '' },
    );
    saveSession({ ...payload, user: { ...payload.user, area: null, unit: null } });
    try {
      updateSessionUser(await me());
    } catch (error) {
      clearSession();
      throw error;
    }
    setSignOutNotice(null);
  },

  async logout() {
    if (readSession()) {
      // Signing out on purpose: nothing to explain on the sign-in page. The session ends on the
      // server too; a failure (already expired, offline) still signs out here.
      setSignOutNotice(null);
      await callMutation({ field: 'logout', variables: '', data: '' }, {}).catch(() => undefined);
    }
    clearSession();
  },

  // Only whether a token is kept: the API alone decides whether it is still valid (the
  // browser's clock may differ from the server's), and checkError signs out on its refusal.
  async checkAuth() {
    if (!readSession()) throw new Error('请先登录');
  },

  async checkError(error: unknown) {
    const { status } = (error ?? {}) as Partial<ApiError>;
    if (status === 401) {
      // Only a session this tab held has expired; a visitor never signed in is just sent to sign in.
      if (readSession()) setSignOutNotice('tepei.login.sessionExpired');
      clearSession();
      throw new Error('登录已过期，请重新登录');
    }
  },

  async getIdentity() {
    const session = readSession();
    if (!session) throw new Error('尚未登录');
    const user = await me().catch(() => session.user);
    updateSessionUser(user);
    return { id: user.id, fullName: user.displayName, username: user.username, role: user.role };
  },

  async getPermissions(): Promise<Permissions | undefined> {
    const session = readSession();
    return session ? permissionsOf(session.user) : undefined;
  },
};

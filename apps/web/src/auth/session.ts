/**
 * The signed-in user's tokens. The access token lives in memory only; the refresh token in sessionStorage so that
 * a reload keeps the session in this tab and closing the tab ends it (a shared phone or office computer keeps
 * nothing). Refresh tokens rotate: each refresh returns a new pair and the old refresh token is dead.
 */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

interface SessionState {
  accessToken: string | null;
  refreshToken: string | null;
  expiresAt: number;
}

const KEY = 'masar.refresh';
const listeners = new Set<() => void>();
let state: SessionState = { accessToken: null, refreshToken: readStored(), expiresAt: 0 };
let refreshing: Promise<string | null> | null = null;

function readStored(): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function write(next: SessionState): void {
  state = next;
  try {
    if (next.refreshToken) sessionStorage.setItem(KEY, next.refreshToken);
    else sessionStorage.removeItem(KEY);
  } catch {
    /* storage disabled: the session lasts as long as the page */
  }
  listeners.forEach((l) => l());
}

export const session = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot(): SessionState {
    return state;
  },
  hasSession(): boolean {
    return Boolean(state.accessToken || state.refreshToken);
  },
  store(pair: TokenPair): void {
    write({ accessToken: pair.accessToken, refreshToken: pair.refreshToken, expiresAt: Date.now() + pair.expiresIn * 1000 });
  },
  clear(): void {
    write({ accessToken: null, refreshToken: null, expiresAt: 0 });
  },
  /**
   * A valid access token, refreshing first when it is missing or about to expire. Concurrent callers share one
   * refresh: two refreshes with the same token would look like token theft (reuse) to the API and end the session.
   */
  async accessToken(): Promise<string | null> {
    if (state.accessToken && state.expiresAt - Date.now() > 20_000) return state.accessToken;
    if (!state.refreshToken) return null;
    refreshing ??= refresh(state.refreshToken).finally(() => {
      refreshing = null;
    });
    return refreshing;
  },
};

async function refresh(refreshToken: string): Promise<string | null> {
  try {
    const res = await fetch('/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (!res.ok) {
      if (res.status === 401 || res.status === 400) session.clear();
      return null;
    }
    const pair = (await res.json()) as TokenPair;
    session.store(pair);
    return pair.accessToken;
  } catch {
    return null;
  }
}

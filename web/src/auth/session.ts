/**
 * The access token lives in sessionStorage: it ends with the tab, and is not sent by the browser on
 * its own (no cookie, so no CSRF). Listeners hear when it is set or expires.
 */
const KEY = 'chainlend.token';
type Listener = (reason: 'login' | 'logout' | 'expired') => void;
const listeners = new Set<Listener>();
let expired = false;

export const session = {
  token: (): string | null => sessionStorage.getItem(KEY),
  start(token: string) {
    sessionStorage.setItem(KEY, token);
    expired = false;
    listeners.forEach((l) => l('login'));
  },
  end() {
    sessionStorage.removeItem(KEY);
    listeners.forEach((l) => l('logout'));
  },
  expire() {
    if (!sessionStorage.getItem(KEY)) return;
    sessionStorage.removeItem(KEY);
    expired = true;
    listeners.forEach((l) => l('expired'));
  },
  /** Whether the last session ended because the service refused its token (not by signing out). */
  expired: () => expired,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

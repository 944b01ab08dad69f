import { session } from '../auth/session';

/**
 * Downloads what an authenticated GET answers (a link cannot carry the bearer token): fetched with the
 * token, then saved under the name the service gives in Content-Disposition, or `fallbackName`.
 */
export async function downloadFile(url: string, accept: string, fallbackName: string): Promise<void> {
  const token = session.token();
  const res = await fetch(url, { headers: { Accept: accept, ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  if (res.status === 401) session.expire();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

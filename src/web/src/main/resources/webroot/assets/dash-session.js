// The dashboard's session: calls the API with the session cookie and its CSRF token. A CSRF refusal fetches the
// token again and retries once; a 401 means the session ended, and the dashboard goes back to the log-in form.

import { api, ApiError, setCsrfToken } from './api.js';

export const session = {
  me: null,
  onSignedOut: () => {},
};

export async function refreshCsrf() {
  const answer = await api('GET', '/api/v1/auth/csrf');
  setCsrfToken(answer.csrfToken);
}

export async function call(method, path, body) {
  try {
    return await api(method, path, body);
  } catch (e) {
    if (e instanceof ApiError && e.status === 403 && e.type === 'csrf-token-invalid') {
      await refreshCsrf();
      return api(method, path, body);
    }
    if (e instanceof ApiError && e.status === 401 && session.me) {
      session.me = null;
      setCsrfToken(null);
      session.onSignedOut('Your session has ended. Please log in again.');
    }
    throw e;
  }
}

/** Every item of a paginated list (up to maxPages pages of 200), stopping early when `stop(item)` says so. */
export async function collect(path, { maxPages = 25, stop = () => false } = {}) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < maxPages; page += 1) {
    const sep = path.includes('?') ? '&' : '?';
    const answer = await call('GET', `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    for (const item of answer.items) {
      if (stop(item)) {
        return { items, complete: true };
      }
      items.push(item);
    }
    cursor = answer.nextCursor;
    if (!cursor) {
      return { items, complete: true };
    }
  }
  return { items, complete: false };
}

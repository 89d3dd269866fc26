// The JSON API, as the pages use it. Every failure becomes an ApiError carrying the problem detail (RFC 9457), so
// that a page can always say what went wrong instead of going blank. A customer page says it in its own language:
// its catalogue's text for the problem's type (js.problem.<type>) when it has one, else the API's detail.

import { has, t } from './i18n.js';

const PROBLEM = 'urn:dovetail:problem:';

function problemText(status, problem) {
  const type = String((problem && problem.type) || '').replace(PROBLEM, '');
  if (type && has(`problem.${type}`)) {
    return t(`problem.${type}`);
  }
  return (problem && (problem.detail || problem.title)) || t('error.failed', { status });
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problemText(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || {};
  }

  get type() {
    return String(this.problem.type || '').replace(PROBLEM, '');
  }

  get alternatives() {
    return Array.isArray(this.problem.alternatives) ? this.problem.alternatives : [];
  }
}

let csrfToken = null;

/** The dashboard session's CSRF token, sent back on every state-changing call. */
export function setCsrfToken(token) {
  csrfToken = token || null;
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (csrfToken && method !== 'GET') {
    headers['X-CSRF-Token'] = csrfToken;
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, {
      title: t('error.noConnection'),
      detail: t('error.noConnection.detail'),
    });
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  let data = null;
  if (type.includes('json')) {
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data || {
      title: t('error.status', { status: response.status }),
      detail: t('error.status.detail', { status: response.status }),
    });
  }
  return data;
}

/** Path segment or query value, encoded. */
export const enc = encodeURIComponent;

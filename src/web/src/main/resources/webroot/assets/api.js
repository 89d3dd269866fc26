// The JSON API, as the pages use it. Every failure becomes an ApiError carrying the problem detail (RFC 9457), so
// that a page can always say what went wrong instead of going blank.

import { t } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || t('error.failed', { status }));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem || {};
  }

  get type() {
    return String(this.problem.type || '').replace('urn:dovetail:problem:', '');
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

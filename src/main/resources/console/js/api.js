// The bridge's public API, called with the credential kept in this tab's sessionStorage: a connection's API key,
// or the admin token for the connections page. Credentials go in the Authorization header only, never in a URL.

const KEY = 'auditybridge.apiKey';
const ADMIN = 'auditybridge.adminToken';

export const session = {
  get apiKey() {
    return sessionStorage.getItem(KEY);
  },
  get adminToken() {
    return sessionStorage.getItem(ADMIN);
  },
  set(kind, value) {
    sessionStorage.setItem(kind === 'admin' ? ADMIN : KEY, value);
  },
  forget(kind) {
    sessionStorage.removeItem(kind === 'admin' ? ADMIN : KEY);
  },
  clear() {
    sessionStorage.removeItem(KEY);
    sessionStorage.removeItem(ADMIN);
  },
};

/** A refusal of the API: its status and, when it sent one, its application/problem+json body. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : `HTTP ${status}`);
    this.status = status;
    this.problem = problem || null;
  }

  get code() {
    return this.problem && this.problem.code ? this.problem.code : `HTTP_${this.status}`;
  }
}

/**
 * One call. `as: 'admin'` sends the admin token instead of the API key; `token` sends the given one (signing in).
 * Answers the parsed JSON (null for 204); throws ApiError for any other status.
 */
export async function api(path, { method = 'GET', body, as = 'key', token } = {}) {
  const credential = token !== undefined ? token : as === 'admin' ? session.adminToken : session.apiKey;
  const headers = { Accept: 'application/json, application/problem+json' };
  if (credential) {
    headers.Authorization = `Bearer ${credential}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
    credentials: 'omit',
    redirect: 'error',
  });
  const text = response.status === 204 ? '' : await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (notJson) {
      data = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, data);
  }
  return data;
}

/** A query string of the members that have a value. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

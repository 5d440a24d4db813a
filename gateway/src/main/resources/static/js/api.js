// REST and WebSocket access, with the optional bearer token (security on) kept in sessionStorage.

const TOKEN_KEY = 'tapecast.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value.trim());
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** A URL of this gateway, relative to the page (so the dashboard also works behind a path prefix). */
export function httpUrl(path, query = {}) {
  const url = new URL(path.replace(/^\//, ''), document.baseURI);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return url;
}

export function wsUrl(path, query = {}) {
  const url = httpUrl(path, query);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/** An HTTP error with the RFC 9457 problem the gateway answered, if any. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** Field errors of a validation problem: [{field, message}]. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

export async function request(method, path, {query, body} = {}) {
  const headers = {Accept: 'application/json, application/problem+json'};
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(httpUrl(path, query), {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = {detail: text.slice(0, 200)};
    }
  }
  if (!response.ok) {
    if (response.status === 401 && !json?.detail) json = {...json, detail: 'A token is required: paste one in "Access token".'};
    throw new ApiError(response.status, json);
  }
  return json;
}

export const api = {
  strategies: () => request('GET', 'api/strategies'),
  start: (body) => request('POST', 'api/backtesting/start', {body}),
  run: (id) => request('GET', `api/backtesting/${encodeURIComponent(id)}`),
  runs: (query) => request('GET', 'api/backtesting', {query}),
  control: (id, action) => request('POST', `api/backtesting/${encodeURIComponent(id)}/${action}`),
};

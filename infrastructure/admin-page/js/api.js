// Calls to the admin API with the signed-in staff member's access token.
import { currentSession, isExpired } from './auth.js';
import { language } from './i18n.js';

export class ApiError extends Error {
  constructor(status, errors = [], body = null) {
    super(`admin API ${status}`);
    this.status = status;
    this.errors = errors;
    this.body = body;
  }

  hasCode(code) {
    return this.errors.some((error) => error.code === code);
  }
}

let baseUrl = '';
let onUnauthorized = () => {};

export function configureApi(adminApiBaseUrl, unauthorizedHandler) {
  baseUrl = adminApiBaseUrl;
  onUnauthorized = unauthorizedHandler;
}

export async function call(method, path, { query, body } = {}) {
  const session = currentSession();
  if (isExpired(session)) {
    onUnauthorized('expired');
    throw new ApiError(401);
  }
  const url = new URL(baseUrl + path);
  for (const [name, value] of Object.entries(query || {})) {
    if (value != null && value !== '') {
      url.searchParams.set(name, value);
    }
  }
  const headers = { Authorization: `Bearer ${session.accessToken}`, 'Accept-Language': language() };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (networkError) {
    throw new ApiError(0);
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch (notJson) {
      data = null;
    }
  }
  if (response.status === 401) {
    onUnauthorized('refused');
    throw new ApiError(401, [], data);
  }
  if (!response.ok) {
    throw new ApiError(response.status, Array.isArray(data?.errors) ? data.errors : [], data);
  }
  return data;
}

export const get = (path, query) => call('GET', path, { query });
export const post = (path, body) => call('POST', path, { body });
export const put = (path, body) => call('PUT', path, { body });

// The JSON API of `casus serve` (docs/json.md gives the response shapes:
// they are the CLI's `--format json` output). Every call is a POST of a
// JSON request to /api/<name>; errors come back as 4xx JSON naming the
// field and the reason.

export class ApiError extends Error {
  constructor(message, field) {
    super(message);
    this.field = field;
  }
}

async function post(name, body, signal) {
  let response;
  try {
    response = await fetch(`api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError('The casus server cannot be reached.');
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const err = data && (data.error || data);
    const message = (err && (err.message || err.reason)) || `${response.status} ${response.statusText}`;
    const field = err && err.field;
    throw new ApiError(field && !message.includes(field) ? `${field}: ${message}` : message, field);
  }
  return data;
}

export const api = {
  why: (req, signal) => post('why', req, signal),
  place: (req, signal) => post('place', req, signal),
  treaties: (req, signal) => post('treaties', req, signal),
  show: (req, signal) => post('show', req, signal),
  escalate: (req, signal) => post('escalate', req, signal),
  search: (req, signal) => post('search', req, signal),
};

// The JSON API of `casus serve` (docs/json.md gives the response shapes:
// they are the CLI's `--format json` output). `why` and `escalate` are
// POSTs of a JSON request; the others are GETs with a query string (list
// fields repeat). Errors come back as 4xx JSON
// `{"error": {"field", "kind", "reason", "did_you_mean"}}`.

export class ApiError extends Error {
  constructor(message, field) {
    super(message);
    this.field = field;
  }
}

function query(req) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(req)) {
    if (value == null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => q.append(key, v));
    else q.set(key, String(value));
  }
  return q.toString();
}

function post(name, body, signal) {
  return call(`api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
}

function get(name, req, signal) {
  const q = query(req);
  return call(`api/${name}${q ? `?${q}` : ''}`, { headers: { accept: 'application/json' }, signal });
}

async function call(url, init) {
  let response;
  try {
    response = await fetch(url, init);
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
    let message = (err && (err.reason || err.message)) || `${response.status} ${response.statusText}`;
    const field = err && err.field;
    if (field && !message.includes(field)) message = `${field}: ${message}`;
    if (err && err.did_you_mean && err.did_you_mean.length && !message.includes('did you mean')) {
      message += ` — did you mean ${err.did_you_mean.join(', ')}?`;
    }
    throw new ApiError(message, field);
  }
  return data;
}

export const api = {
  why: (req, signal) => post('why', req, signal),
  escalate: (req, signal) => post('escalate', req, signal),
  place: (req, signal) => get('place', req, signal),
  treaties: (req, signal) => get('treaties', req, signal),
  show: (req, signal) => get('show', req, signal),
  search: (req, signal) => get('search', req, signal),
};

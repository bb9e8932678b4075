// The CroGas HTTP API (docs/api.md), same origin as the pages.

export class ApiError extends Error {
  constructor(status, body) {
    const message = (body && (body.message || body.error)) || `HTTP ${status}`;
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = (body && body.error) || `http_${status}`;
    this.details = (body && body.details) || {};
    this.body = body;
  }

  /** "message (field: problem, ...)" for people. */
  describe() {
    const details = Object.entries(this.details || {})
      .map(([field, problem]) => `${field}: ${typeof problem === 'string' ? problem : JSON.stringify(problem)}`)
      .join('; ');
    return details ? `${this.message} (${details})` : this.message;
  }
}

async function call(method, path, body, headers = {}, { accept = [] } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError(0, { error: 'network', message: `cannot reach the CroGas server (${error.message})` });
  }
  let json = null;
  const text = await response.text();
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { error: `http_${response.status}`, message: text.slice(0, 200) };
  }
  if (!response.ok && !accept.includes(response.status)) throw new ApiError(response.status, json);
  return { status: response.status, body: json };
}

/** GET /health; a 503 still carries a body ({status: "down", ...}), returned rather than thrown. */
export async function health() {
  return (await call('GET', '/health', null, {}, { accept: [503] })).body;
}

export async function transactions(limit = 50, user = null) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (user) query.set('user', user);
  const body = (await call('GET', `/x402/transactions?${query}`)).body;
  return (body && body.transactions) || [];
}

/** The dashboard's series: the last hour per minute, and relayer balances over time. */
export async function activity() {
  return (await call('GET', '/stats/activity')).body;
}

export async function transaction(id) {
  return (await call('GET', `/x402/transactions/${encodeURIComponent(id)}`)).body;
}

export async function quote(request) {
  return (await call('POST', '/x402/quote', request)).body;
}

/** POST /x402/facilitate with Prefer: respond-async: {status: 202|200, body}. */
export async function facilitate(request) {
  return call('POST', '/x402/facilitate', request, { Prefer: 'respond-async' });
}

export async function nonce(address) {
  return (await call('GET', `/x402/nonce/${encodeURIComponent(address)}`)).body;
}

export const FINAL_STATES = ['confirmed', 'failed'];

/**
 * Power Automate flattens the properties of an operation's body parameter into the action's
 * `parameters` as `<body name>/<prop>/<subprop>` (`item/name`, `emailMessage/To`); the whole
 * object may also be given under the body name itself. This rebuilds the object, as the designer
 * and the connector runtime do, by splitting keys on `/`.
 */
export function assembleBody(parameters: Record<string, unknown>, bodyName: string): unknown {
  const whole = parameters[bodyName];
  const prefix = `${bodyName}/`;
  let body: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(parameters)) {
    if (!key.startsWith(prefix)) continue;
    body ??= whole !== null && typeof whole === 'object' && !Array.isArray(whole) ? { ...(whole as Record<string, unknown>) } : {};
    setPath(body, key.slice(prefix.length).split('/'), value);
  }
  return body ?? whole;
}

function setPath(target: Record<string, unknown>, segments: string[], value: unknown): void {
  let node = target;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i] as string;
    if (segment === '__proto__' || segment === 'constructor' || segment === 'prototype') return;
    const next = node[segment];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  const last = segments[segments.length - 1] as string;
  if (last === '__proto__' || last === 'constructor' || last === 'prototype') return;
  node[last] = value;
}

/** The part of a base URL and a path that joins them with one slash. */
export function joinUrl(base: string, ...parts: string[]): string {
  let url = base.replace(/\/+$/, '');
  for (const part of parts) {
    if (!part) continue;
    url += part.startsWith('/') ? part : `/${part}`;
  }
  return url;
}

/** Appends query pairs (already strings) to a URL. */
export function withQuery(url: string, query: ReadonlyArray<[string, string]>): string {
  if (query.length === 0) return url;
  const search = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  return `${url}${url.includes('?') ? '&' : '?'}${search}`;
}

export function queryText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

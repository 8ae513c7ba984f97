import { invalidParameter } from '../errors.js';
import { INTEGER, STRING, stringArg, type FunctionDescriptor } from './descriptor.js';

const category = 'uri';

/** Default ports of the schemes .NET's Uri knows, for uriPort on a URI without an explicit port. */
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ftp: 21, ws: 80, wss: 443, ldap: 389, nntp: 119, gopher: 70, telnet: 23, news: -1, mailto: 25, file: -1 };

function uriArg(fn: string, args: readonly unknown[]): URL {
  const text = stringArg(fn, args, 0);
  try {
    const url = new URL(text.trim());
    if (!/^[a-z][a-z0-9+.-]*:$/i.test(url.protocol)) throw new Error('no scheme');
    return url;
  } catch {
    throw invalidParameter(fn, `The provided value '${text}' is not a valid absolute URI.`);
  }
}

function part(name: string, returns: FunctionDescriptor['returns'], read: (url: URL) => unknown): FunctionDescriptor {
  return { name, category, minArgs: 1, maxArgs: 1, argTypes: [STRING], returns, evaluate: (args, _ctx, call) => read(uriArg(call.name, args)) };
}

export const uriFunctions: FunctionDescriptor[] = [
  part('uriHost', STRING, (url) => url.hostname),
  part('uriPath', STRING, (url) => url.pathname || '/'),
  part('uriPathAndQuery', STRING, (url) => `${url.pathname || '/'}${url.search}`),
  part('uriPort', INTEGER, (url) => (url.port !== '' ? Number(url.port) : DEFAULT_PORTS[url.protocol.slice(0, -1).toLowerCase()] ?? -1)),
  part('uriQuery', STRING, (url) => url.search),
  part('uriScheme', STRING, (url) => url.protocol.slice(0, -1).toLowerCase()),
];

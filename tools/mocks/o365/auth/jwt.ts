import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims of the access tokens the mock's token endpoints issue (the subset manage.office.com reads). */
export interface AccessTokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  tid: string;
  appid: string;
  oid?: string;
  upn?: string;
  /** App-only permissions. */
  roles?: string[];
  /** Delegated permissions, space-separated. */
  scp?: string;
  ver: '1.0' | '2.0';
}

const b64 = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** HS256 JWT signed with the mock's per-process key (clients never verify it; the mock does). */
export function signJwt(claims: AccessTokenClaims, key: Buffer): string {
  const head = b64(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: 'ppkit-mock' }));
  const body = b64(JSON.stringify(claims));
  const signature = createHmac('sha256', key).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** The claims when the signature is ours, else undefined. Expiry is the caller's business (clock). */
export function verifyJwt(token: string, key: Buffer): AccessTokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const expected = createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return decodeJwtPayload(token) as AccessTokenClaims | undefined;
}

/** Reads a JWT's payload without checking it (what a client does to see its own token's audience). */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as unknown;
    return payload && typeof payload === 'object' ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

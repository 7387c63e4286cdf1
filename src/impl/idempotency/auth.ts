/**
 * Credentials: HMAC-signed bearer tokens.
 *
 * Records are scoped to the authenticated user, so the user must come from
 * something a client cannot forge. A token is `v1.<claims>.<signature>`:
 * base64url JSON claims `{ sub, exp }` (user, expiry in seconds since the
 * epoch) and the HMAC-SHA256 of `v1.<claims>` under the server's secret,
 * compared in constant time. Whoever holds the secret issues tokens
 * (`issueToken`, or `npm run serve:idempotency -- token <user>`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const MIN_SECRET_BYTES = 32;
const VERSION = 'v1';

/** Finds the authenticated user of a request from its headers, or undefined (401). */
export type Authenticator = (headers: IncomingHttpHeaders) => string | undefined;

export interface TokenClaims {
  /** The user the token stands for. */
  sub: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

function secretBytes(secret: string | Buffer): Buffer {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  if (bytes.length < MIN_SECRET_BYTES)
    throw new Error(`token secret must be at least ${MIN_SECRET_BYTES} bytes`);
  return bytes;
}

function sign(secret: Buffer, signed: string): Buffer {
  return createHmac('sha256', secret).update(signed).digest();
}

export function issueToken(
  secret: string | Buffer,
  user: string,
  options: { ttlSeconds?: number; now?: () => number } = {},
): string {
  if (user === '') throw new Error('a token needs a user');
  const now = options.now ?? Date.now;
  const claims: TokenClaims = {
    sub: user,
    exp: Math.floor(now() / 1000) + (options.ttlSeconds ?? 3600),
  };
  const signed = `${VERSION}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signed}.${sign(secretBytes(secret), signed).toString('base64url')}`;
}

/** The user of a valid, unexpired token signed with `secret`; undefined otherwise. */
export function verifyToken(secret: string | Buffer, token: string, now = Date.now()): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return undefined;
  const signed = `${parts[0]}.${parts[1]}`;
  const expected = sign(secretBytes(secret), signed);
  const given = Buffer.from(parts[2]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: Partial<TokenClaims>;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Partial<TokenClaims>;
  } catch {
    return undefined;
  }
  if (typeof claims.sub !== 'string' || claims.sub === '' || typeof claims.exp !== 'number') return undefined;
  if (claims.exp * 1000 <= now) return undefined;
  return claims.sub;
}

/** Authenticates `Authorization: Bearer <token>` with tokens signed by `secret`. */
export function bearerTokenAuthenticator(
  secret: string | Buffer,
  options: { now?: () => number } = {},
): Authenticator {
  const key = secretBytes(secret);
  const now = options.now ?? Date.now;
  return (headers) => {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(headers.authorization ?? '');
    return match === null ? undefined : verifyToken(key, match[1]!, now());
  };
}

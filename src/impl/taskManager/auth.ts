/**
 * Users and sessions: passwords hashed with scrypt, bearer tokens of 256
 * random bits of which only the SHA-256 is stored, sessions that expire.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tm_users (name TEXT PRIMARY KEY, salt BLOB NOT NULL, hash BLOB NOT NULL, cost INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tm_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
`;

export const DEFAULT_SESSION_TTL_MS = 60 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** scrypt's default cost (N = 2^14). */
export const DEFAULT_PASSWORD_COST = 2 ** 14;

export interface Session {
  token: string;
  user: string;
  expiresAt: number;
}

export class Sessions {
  constructor(
    private readonly db: Database.Database,
    private readonly ttlMs: number = DEFAULT_SESSION_TTL_MS,
    private readonly now: () => number = Date.now,
    /** scrypt's N: lower only where many short-lived servers start (tests). */
    private readonly passwordCost: number = DEFAULT_PASSWORD_COST,
  ) {
    db.exec(SCHEMA);
  }

  private hashPassword(password: string, salt: Buffer, cost = this.passwordCost): Buffer {
    return scryptSync(password, salt, 32, { N: cost });
  }

  /** Adds a user or changes their password. */
  setUser(name: string, password: string): void {
    const salt = randomBytes(16);
    this.db
      .prepare(
        'INSERT INTO tm_users (name, salt, hash, cost) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, cost = excluded.cost',
      )
      .run(name, salt, this.hashPassword(password, salt), this.passwordCost);
  }

  isUser(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM tm_users WHERE name = ?').get(name) !== undefined;
  }

  /** A new session for valid credentials, else undefined. */
  login(name: string, password: string): Session | undefined {
    const row = this.db
      .prepare<[string], { salt: Buffer; hash: Buffer; cost: number }>(
        'SELECT salt, hash, cost FROM tm_users WHERE name = ?',
      )
      .get(name);
    if (row === undefined || !timingSafeEqual(this.hashPassword(password, row.salt, row.cost), row.hash))
      return undefined;
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + this.ttlMs;
    this.db
      .prepare('INSERT INTO tm_sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)')
      .run(hashToken(token), name, expiresAt);
    return { token, user: name, expiresAt };
  }

  /** The user of a live session, else undefined (unknown, logged out or expired token). */
  userOf(token: string): string | undefined {
    const row = this.db
      .prepare<[string], { user_id: string; expires_at: number }>(
        'SELECT user_id, expires_at FROM tm_sessions WHERE token_hash = ?',
      )
      .get(hashToken(token));
    if (row === undefined || row.expires_at <= this.now()) return undefined;
    return row.user_id;
  }

  logout(token: string): void {
    this.db.prepare('DELETE FROM tm_sessions WHERE token_hash = ?').run(hashToken(token));
  }
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header ?? '');
  return match?.[1];
}

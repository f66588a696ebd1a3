/** A visitor's resume secret as stored: only its SHA-256 hash, never the token itself. */
export interface ResumeRecord {
  /** Hex SHA-256 of the random token the widget keeps. */
  readonly tokenHash: string;
  readonly visitorId: string;
  readonly conversationId: string;
  readonly createdAt: number;
  /** Epoch ms after which the token no longer resumes anything. */
  readonly expiresAt: number;
}

/**
 * Where visitors' resume tokens live. A token is rotated on every use: the old one is cut down
 * to a short grace (another tab may still hold it) and a new one is issued.
 */
export interface VisitorSessionStore {
  saveResumeToken(r: ResumeRecord): Promise<void>;
  /** The unexpired record with this hash, or null. */
  findResumeToken(tokenHash: string, now: number): Promise<ResumeRecord | null>;
  /** Shortens a token's life to `expiresAt` (never lengthens it). */
  expireResumeToken(tokenHash: string, expiresAt: number): Promise<void>;
  /** Removes every token of a conversation (the visitor signed out) and expired ones; returns how many went. */
  revokeResumeTokens(conversationId: string): Promise<number>;
  /** Removes expired resume tokens and expired revocations; returns how many rows went. */
  purgeExpiredResumeTokens(now: number): Promise<number>;
  /** Records a signed-out session token id until `expiresAt` (idempotent). */
  revokeSession(jti: string, expiresAt: number): Promise<void>;
  isSessionRevoked(jti: string, now: number): Promise<boolean>;
}

// The shape of an API token: "rtk_" + 32 random bytes in base64url (43 characters). Only the SHA-256
// of the whole token is stored; the first characters ("rtk_ab12cd") are kept in clear so a user can
// tell their tokens apart in the list without the token being recoverable from them.
import crypto from "node:crypto";

export const TOKEN_PREFIX = "rtk_";
const TOKEN_PATTERN = /^rtk_[A-Za-z0-9_-]{43}$/;
/** "rtk_" and six characters: 36 bits, enough to recognise a token, useless to guess it. */
const DISPLAY_LENGTH = TOKEN_PREFIX.length + 6;

export type NewToken = { token: string; tokenHash: string; prefix: string };

export function generateToken(): NewToken {
  const token = `${TOKEN_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashToken(token), prefix: displayPrefix(token) };
}

/** Hex SHA-256. Tokens carry 256 random bits, so a fast unsalted hash is enough (nothing to brute-force). */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

export function displayPrefix(token: string): string {
  return token.slice(0, DISPLAY_LENGTH);
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}

export type BearerHeader = { kind: "none" } | { kind: "bearer"; token: string } | { kind: "malformed" };

/**
 * Reads `Authorization: Bearer <token>`. No header → none (the session cookie may authenticate);
 * any other Authorization value → malformed, so a client that sends credentials we cannot use gets a
 * clear 401 instead of silently acting as whoever the browser cookie says.
 */
export function readBearer(header: string | null): BearerHeader {
  if (header === null || header.trim() === "") return { kind: "none" };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header.trim());
  return match ? { kind: "bearer", token: match[1]! } : { kind: "malformed" };
}

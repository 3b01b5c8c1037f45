// Checking a presented API token: look it up by its SHA-256 (unique index), then refuse a revoked or
// expired one. Nothing is cached, so revoking takes effect on the very next request. lastUsedAt is
// written at most once a minute per token, so a busy integration does not turn every read into a write.
import { rootDb } from "@/core/db/client";
import { hashToken, isWellFormedToken } from "./format";

export type VerifiedToken = { id: string; userId: string; organizationId: string };

export type VerifyFailure = { ok: false; reason: "malformed" | "unknown" | "revoked" | "expired"; message: string };
export type VerifyResult = { ok: true; token: VerifiedToken } | VerifyFailure;

export const LAST_USED_RESOLUTION_MS = 60_000;

export async function verifyApiToken(token: string, now = new Date()): Promise<VerifyResult> {
  if (!isWellFormedToken(token)) {
    return { ok: false, reason: "malformed", message: "This is not a Ritiko API token (they look like rtk_ followed by 43 characters)." };
  }
  const row = await rootDb().apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, organizationId: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  if (!row) return { ok: false, reason: "unknown", message: "This API token is not valid." };
  if (row.revokedAt) return { ok: false, reason: "revoked", message: "This API token has been revoked. Create a new one under API tokens." };
  if (row.expiresAt && row.expiresAt <= now) {
    return { ok: false, reason: "expired", message: `This API token expired at ${row.expiresAt.toISOString()}. Create a new one under API tokens.` };
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // The WHERE repeats the check so that of many concurrent first requests only one writes.
    await rootDb().$executeRaw`
      UPDATE api_tokens SET "lastUsedAt" = ${now}
      WHERE id = ${row.id}::uuid AND ("lastUsedAt" IS NULL OR "lastUsedAt" <= ${new Date(now.getTime() - LAST_USED_RESOLUTION_MS)})`;
  }
  return { ok: true, token: { id: row.id, userId: row.userId, organizationId: row.organizationId } };
}

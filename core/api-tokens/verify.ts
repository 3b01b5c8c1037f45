// Checking a presented API token, and loading everything a REST request needs about its caller, in ONE
// database round trip: the token (by its SHA-256, unique index), its user, the user's membership and
// role in the token's organization, that organization, the plugins enabled there and the member's
// direct permission grants and groups. Nothing is cached, so revoking a token, removing a member or
// disabling a plugin takes effect on the very next request. The query runs on the hot `pg` pool
// (core/db/pg.ts: Prisma would cost more Node CPU than the rest of the request). lastUsedAt is written
// at most once a minute per token, so a busy integration does not turn every read into a write.
import { hotPool, hotStatement } from "@/core/db/pg";
import type { Role } from "@/core/auth/roles";
import { hashToken, isWellFormedToken } from "./format";

export type VerifiedToken = { id: string; userId: string; organizationId: string };

/** The caller behind a valid token, as of this request. `membership` is null when the user is no longer a member of an active organization. */
export type TokenCaller = {
  user: { id: string; name: string; email: string };
  organization: { id: string; name: string; slug: string; timezone: string; currency: string; locale: string };
  membership: { role: Role } | null;
  /** Plugins enabled for the organization, and the member's direct grants and groups (raw, as stored). */
  access: { enabledPluginIds: ReadonlySet<string>; permissions: readonly string[]; groups: readonly string[] };
};

export type VerifyFailure = { ok: false; reason: "malformed" | "unknown" | "revoked" | "expired"; message: string };
export type VerifyResult = { ok: true; token: VerifiedToken; caller: TokenCaller } | VerifyFailure;

export const LAST_USED_RESOLUTION_MS = 60_000;

type Row = {
  id: string; userId: string; organizationId: string; revokedAt: Date | null; expiresAt: Date | null; lastUsedAt: Date | null;
  userName: string; userEmail: string; role: Role | null; active: boolean;
  orgName: string; slug: string; timezone: string; currency: string; locale: string;
  enabledPlugins: string[]; permissions: string[]; groups: string[];
};

const TOKEN_CALLER_SQL = `
  SELECT t.id::text, t."userId"::text, t."organizationId"::text, t."revokedAt", t."expiresAt", t."lastUsedAt",
         u.name AS "userName", u.email AS "userEmail", m.role::text AS role, o.active,
         o.name AS "orgName", o.slug, o.timezone, o.currency, o.locale,
         ARRAY(SELECT p."pluginId" FROM plugin_installations p WHERE p."organizationId" = t."organizationId" AND p.enabled) AS "enabledPlugins",
         ARRAY(SELECT g.permission FROM member_permissions g WHERE g."organizationId" = t."organizationId" AND g."userId" = t."userId") AS permissions,
         ARRAY(SELECT g."groupKey" FROM member_groups g WHERE g."organizationId" = t."organizationId" AND g."userId" = t."userId") AS groups
  FROM api_tokens t
  JOIN users u ON u.id = t."userId"
  JOIN organizations o ON o.id = t."organizationId"
  LEFT JOIN memberships m ON m."organizationId" = t."organizationId" AND m."userId" = t."userId"
  WHERE t."tokenHash" = $1`;

export async function verifyApiToken(token: string, now = new Date()): Promise<VerifyResult> {
  if (!isWellFormedToken(token)) {
    return { ok: false, reason: "malformed", message: "This is not a Ritiko API token (they look like rtk_ followed by 43 characters)." };
  }
  const { rows } = await hotPool().query<Row>(hotStatement("ritiko_token_caller", TOKEN_CALLER_SQL, [hashToken(token)]));
  const row = rows[0];
  if (!row) return { ok: false, reason: "unknown", message: "This API token is not valid." };
  if (row.revokedAt) return { ok: false, reason: "revoked", message: "This API token has been revoked. Create a new one under API tokens." };
  if (row.expiresAt && row.expiresAt <= now) {
    return { ok: false, reason: "expired", message: `This API token expired at ${row.expiresAt.toISOString()}. Create a new one under API tokens.` };
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // The WHERE repeats the check so that of many concurrent first requests only one writes.
    await hotPool().query(
      hotStatement("ritiko_token_last_used", `UPDATE api_tokens SET "lastUsedAt" = $1 WHERE id = $2::uuid AND ("lastUsedAt" IS NULL OR "lastUsedAt" <= $3)`, [
        now,
        row.id,
        new Date(now.getTime() - LAST_USED_RESOLUTION_MS),
      ]),
    );
  }
  return {
    ok: true,
    token: { id: row.id, userId: row.userId, organizationId: row.organizationId },
    caller: {
      user: { id: row.userId, name: row.userName, email: row.userEmail },
      organization: { id: row.organizationId, name: row.orgName, slug: row.slug, timezone: row.timezone, currency: row.currency, locale: row.locale },
      membership: row.role && row.active ? { role: row.role } : null,
      access: { enabledPluginIds: new Set(row.enabledPlugins), permissions: row.permissions, groups: row.groups },
    },
  };
}

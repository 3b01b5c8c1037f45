// Creating, listing and revoking API tokens. A token belongs to one user in one organization and acts
// as that user there (their current role and permissions, re-checked on every request). Everybody
// manages their own tokens; owners and admins may also see and revoke every token of the organization
// (someone leaving, a leaked token). All queries go through ctx.db, so another organization's tokens
// do not exist for the caller. Creating and revoking emit core.api_token.created / .revoked in the
// transaction of the write (an audit log records them; a handler that throws undoes the write), with
// the token's id, name and display prefix — never the token or its hash.
import type { OrgContext } from "@/core/auth/context";
import { AUDITED_TX } from "@/core/db/tx";
import { apiTokenCreated, apiTokenRevoked } from "@/core/events/core-events";
import { emit } from "@/core/events/emit";
import { eventMeta } from "@/core/events/meta";
import { kickOutbox } from "@/core/events/outbox-signal";
import { requestOrigin } from "@/core/http/request-origin";
import { generateToken } from "./format";
import { expiryDate, type CreateTokenData } from "./schema";

/**
 * Active (unrevoked, unexpired) tokens a user may hold in one organization: a guard against scripts
 * minting tokens in a loop, not a security boundary (two simultaneous creates may pass it by one).
 */
export const MAX_ACTIVE_TOKENS = 25;

export type TokenStatus = "active" | "revoked" | "expired";

export type TokenSummary = {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  userName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  status: TokenStatus;
};

export type CreateTokenResult =
  | { ok: true; token: string; summary: TokenSummary }
  | { ok: false; error: string };

export function tokenStatus(t: { revokedAt: Date | null; expiresAt: Date | null }, now = new Date()): TokenStatus {
  if (t.revokedAt) return "revoked";
  if (t.expiresAt && t.expiresAt <= now) return "expired";
  return "active";
}

const SELECT = {
  id: true, name: true, prefix: true, userId: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true,
  user: { select: { name: true } },
} as const;

type Row = { id: string; name: string; prefix: string; userId: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null; user: { name: string } };

function summary(r: Row, now = new Date()): TokenSummary {
  const { user, ...rest } = r;
  return { ...rest, userName: user.name, status: tokenStatus(r, now) };
}

function tokenPayload(ctx: OrgContext, r: Row) {
  return { organizationId: ctx.organization.id, tokenId: r.id, name: r.name, prefix: r.prefix, userId: r.userId, expiresAt: r.expiresAt?.toISOString() ?? null };
}

/**
 * Creates a token for the signed-in user in the active organization. The plaintext token is in the
 * result and nowhere else: only its SHA-256 and display prefix are stored.
 */
export async function createApiToken(ctx: OrgContext, input: CreateTokenData, now = new Date()): Promise<CreateTokenResult> {
  const active = await ctx.db.apiToken.count({
    where: { userId: ctx.user.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
  if (active >= MAX_ACTIVE_TOKENS) {
    return { ok: false, error: `You already have ${MAX_ACTIVE_TOKENS} active tokens in ${ctx.organization.name}. Revoke one you no longer use first.` };
  }
  const { token, tokenHash, prefix } = generateToken();
  const meta = eventMeta(ctx, await requestOrigin("form"));
  const row = await ctx.db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { organizationId: ctx.organization.id, userId: ctx.user.id, name: input.name, tokenHash, prefix, expiresAt: expiryDate(input.expiresIn, now) },
      select: SELECT,
    });
    await emit(tx, meta, apiTokenCreated, tokenPayload(ctx, created));
    return created;
  }, AUDITED_TX);
  kickOutbox();
  return { ok: true, token, summary: summary(row, now) };
}

/** The user's own tokens in the active organization, newest first (revoked ones too, as history). */
export async function listOwnTokens(ctx: OrgContext, limit = 100): Promise<TokenSummary[]> {
  const rows = await ctx.db.apiToken.findMany({ where: { userId: ctx.user.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, select: SELECT });
  const now = new Date();
  return rows.map((r) => summary(r, now));
}

/** Other members' tokens that still work, for owners and admins; [] for everyone else. */
export async function listOtherMembersActiveTokens(ctx: OrgContext, limit = 200): Promise<TokenSummary[]> {
  if (!ctx.can("organization.manage")) return [];
  const now = new Date();
  const rows = await ctx.db.apiToken.findMany({
    where: { userId: { not: ctx.user.id }, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: SELECT,
  });
  return rows.map((r) => summary(r, now));
}

export type RevokeResult = { ok: true; alreadyRevoked: boolean; name: string } | { ok: false; error: string };

/**
 * Revokes a token: the next request with it gets 401 (verification reads revokedAt every time, there
 * is no cache to wait for). Revoking twice is harmless.
 */
export async function revokeApiToken(ctx: OrgContext, id: string): Promise<RevokeResult> {
  const mayRevokeOthers = ctx.can("organization.manage");
  const token = await ctx.db.apiToken.findFirst({ where: { id }, select: { id: true, userId: true, name: true, revokedAt: true } });
  if (!token || (token.userId !== ctx.user.id && !mayRevokeOthers)) return { ok: false, error: "This token does not exist or is not yours." };
  if (token.revokedAt) return { ok: true, alreadyRevoked: true, name: token.name };
  const meta = eventMeta(ctx, await requestOrigin("form"));
  const revoked = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    // A concurrent revoke got there first: it emitted the event, this one changed nothing.
    if (count === 0) return false;
    const row = await tx.apiToken.findFirstOrThrow({ where: { id }, select: SELECT });
    await emit(tx, meta, apiTokenRevoked, tokenPayload(ctx, row));
    return true;
  }, AUDITED_TX);
  if (revoked) kickOutbox();
  return { ok: true, alreadyRevoked: !revoked, name: token.name };
}

// The emit metadata of a request: its organization, the signed-in user as the actor and, when the
// caller passes one, where the change came from (core/http/request-origin.ts); and of a background job.
import type { OrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import type { Actor, EventOrigin } from "@/core/plugins/types";
import type { EmitMeta } from "./emit";

export function userActor(ctx: Pick<OrgContext, "user">): Actor {
  return { type: "user", id: ctx.user.id, name: ctx.user.name };
}

export function eventMeta(ctx: Pick<OrgContext, "user" | "organization">, origin?: EventOrigin): EmitMeta {
  return origin ? { organization: ctx.organization, actor: userActor(ctx), origin } : { organization: ctx.organization, actor: userActor(ctx) };
}

/**
 * The emit metadata of a background job acting for an organization (origin source "job"), for a job or
 * a cron's per-organization run: `await emit(tx, await jobEventMeta(organizationId, { id: runId, name:
 * "clinic-notes-daily-check" }), recordDue, payload)`. The organization is read fresh (a job has no
 * request context to carry it).
 */
export async function jobEventMeta(organizationId: string, job: { id: string; name?: string }): Promise<EmitMeta> {
  const organization = await rootDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { id: true, name: true, slug: true, timezone: true, currency: true, locale: true },
  });
  return { organization, actor: { type: "job", ...job }, origin: { source: "job" } };
}

// The emit metadata of a request: its organization, the signed-in user as the actor and, when the
// caller passes one, where the change came from (core/http/request-origin.ts).
import type { OrgContext } from "@/core/auth/context";
import type { Actor, EventOrigin } from "@/core/plugins/types";
import type { EmitMeta } from "./emit";

export function userActor(ctx: Pick<OrgContext, "user">): Actor {
  return { type: "user", id: ctx.user.id, name: ctx.user.name };
}

export function eventMeta(ctx: Pick<OrgContext, "user" | "organization">, origin?: EventOrigin): EmitMeta {
  return origin ? { organization: ctx.organization, actor: userActor(ctx), origin } : { organization: ctx.organization, actor: userActor(ctx) };
}

// The emit metadata of a request: its organization and the signed-in user as the actor.
import type { OrgContext } from "@/core/auth/context";
import type { Actor } from "@/core/plugins/types";
import type { EmitMeta } from "./emit";

export function userActor(ctx: Pick<OrgContext, "user">): Actor {
  return { type: "user", id: ctx.user.id, name: ctx.user.name };
}

export function eventMeta(ctx: Pick<OrgContext, "user" | "organization">): EmitMeta {
  return { organization: ctx.organization, actor: userActor(ctx) };
}

// Who an API call acts as, for the item and stock functions: the organization and actor for events,
// source "api" (with the request id and client IP of the call), and the user and (for token requests) the API token recorded on adjustment rows.
import type { ApiContext } from "@/core/plugins/types";
import type { StockSource } from "../items/stock";

export function apiWho({ ctx, actor, origin }: Pick<ApiContext, "ctx" | "actor" | "origin">) {
  return {
    meta: { organization: ctx.organization, actor, origin: origin ?? { source: "api" as const } },
    source: "api" as StockSource,
    userId: ctx.user.id,
    apiTokenId: actor.type === "api_token" ? actor.id : null,
  };
}

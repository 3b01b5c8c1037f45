// The emit metadata of a background job acting for an organization (origin source "job").
import { rootDb } from "@/core/db/client";
import type { EmitMeta } from "@/core/events/emit";
import type { Actor } from "@/core/plugins/types";

export async function organizationMeta(organizationId: string, actor: Actor): Promise<EmitMeta> {
  const organization = await rootDb().organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { id: true, name: true, slug: true, timezone: true, currency: true, locale: true },
  });
  return { organization, actor, origin: { source: "job" } };
}

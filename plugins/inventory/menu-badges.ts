// Menu badge: how many items are below their reorder threshold (null when none, so no badge).
import type { OrgContext } from "@/core/auth/context";
import { countItems } from "./items/queries";

export async function lowStockBadge(ctx: OrgContext): Promise<number | null> {
  const n = await countItems(ctx.organization.id, { q: "", stock: "low" });
  return n || null;
}

// Menu badge: how many items are below their reorder threshold (null when none, so no badge). The
// shared filter's `stock: "low"`, so the badge, the dashboard widget, the reports and
// /inventory?stock=low agree — counted only up to BADGE_LIMIT, which the sidebar shows as "99+": the
// badge is on every admin page, and counting all of a large organization's low items there cost
// 47 ms of PostgreSQL per page view at 1,000,000 items (58,000 of them low; bench:api --pg-stats),
// more than the rest of the page's queries together. Up to 100 rows of the partial low-stock index
// cost well under a millisecond.
import type { OrgContext } from "@/core/auth/context";
import { countUpTo } from "@/core/lists/count";
import { BADGE_LIMIT } from "@/core/nav-items";
import { itemWhereSql } from "./items/filters";

export async function lowStockBadge(ctx: OrgContext): Promise<number | null> {
  const n = await countUpTo({ table: "inventory_items", alias: "i", where: itemWhereSql(ctx.organization.id, { q: "", stock: "low" }) }, BADGE_LIMIT + 1);
  return n || null;
}

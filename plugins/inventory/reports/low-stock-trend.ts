// Report: the low-stock trend — for every day of the range, how many items were below their reorder
// threshold at the end of the day (in the organization's time zone), how many fell below it that day
// and how many were restocked above it. It reads the stock alerts (inventory_stock_alerts): an alert
// opens when an adjustment takes an item below its threshold and resolves when one takes it back, so
// an item created low, or whose threshold was raised over its quantity, counts from its next
// adjustment on (the "Items below threshold" report is the current state, whatever the history).
//
// ONE statement, set-based: the alerts open at the range's start are counted once; each day's
// openings and resolutions are bucketed by day; a running sum over the calendar (generate_series,
// so every day has a row) gives the count at each day's end. Cost is linear in the organization's
// alerts (the (organizationId, status, openedAt) index serves the organization's rows), never in its
// items or adjustments; alerts are rare next to adjustments (one per crossing, not per change).
import { Prisma, rootDb } from "@/core/db/client";
import type { ReportRange } from "./range";

export type LowStockDay = {
  /** "YYYY-MM-DD" in the organization's time zone. */
  day: string;
  /** Items below their threshold at the end of the day. */
  low: number;
  /** Items that fell below their threshold during the day. */
  fell: number;
  /** Items restocked to their threshold or above during the day. */
  restocked: number;
};

export type LowStockTrend = { days: LowStockDay[]; total: { fell: number; restocked: number } };

type Raw = { day: string; low: number; fell: number; restocked: number };

/** `org` is ctx.organization (id and time zone from the caller's context, never from input). */
export async function lowStockTrend(org: { id: string; timezone: string }, range: ReportRange): Promise<LowStockTrend> {
  const start = Prisma.sql`(${range.from}::date::timestamp AT TIME ZONE ${org.timezone})`;
  const stop = Prisma.sql`((${range.to}::date + 1)::timestamp AT TIME ZONE ${org.timezone})`;
  const raw = await rootDb().$queryRaw<Raw[]>(Prisma.sql`
    WITH alerts AS (
      SELECT a."openedAt", a."resolvedAt" FROM inventory_stock_alerts a WHERE a."organizationId" = ${org.id}::uuid
    ),
    base AS (
      SELECT count(*)::int AS n FROM alerts WHERE "openedAt" < ${start} AND ("resolvedAt" IS NULL OR "resolvedAt" >= ${start})
    ),
    moves AS (
      SELECT ("openedAt" AT TIME ZONE ${org.timezone})::date AS day, 1 AS fell, 0 AS restocked
      FROM alerts WHERE "openedAt" >= ${start} AND "openedAt" < ${stop}
      UNION ALL
      SELECT ("resolvedAt" AT TIME ZONE ${org.timezone})::date, 0, 1
      FROM alerts WHERE "resolvedAt" >= ${start} AND "resolvedAt" < ${stop}
    ),
    per_day AS (
      SELECT day, sum(fell)::int AS fell, sum(restocked)::int AS restocked FROM moves GROUP BY day
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
           coalesce(p.fell, 0)::int AS fell, coalesce(p.restocked, 0)::int AS restocked,
           (base.n + sum(coalesce(p.fell, 0) - coalesce(p.restocked, 0)) OVER (ORDER BY d.day))::int AS low
    FROM generate_series(${range.from}::date, ${range.to}::date, interval '1 day') AS d(day)
    LEFT JOIN per_day p ON p.day = d.day::date
    CROSS JOIN base
    ORDER BY d.day`);
  const total = raw.reduce((t, d) => ({ fell: t.fell + d.fell, restocked: t.restocked + d.restocked }), { fell: 0, restocked: 0 });
  return { days: raw.map((r) => ({ day: r.day, low: r.low, fell: r.fell, restocked: r.restocked })), total };
}

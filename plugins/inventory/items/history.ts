// Reads behind the item page: the stock chart's series of daily closing quantities and the paginated
// adjustment history. Both are computed in PostgreSQL from inventory_stock_adjustments, served by the
// (organizationId, itemId, createdAt) index. The organization id is the caller's context
// (ctx.organization.id), never input; an item of another organization simply has no data (null).
import { rootDb } from "@/core/db/client";
import { isUuid } from "@/core/db/ids";

export const CHART_RANGES = [30, 90] as const;
export type ChartRange = (typeof CHART_RANGES)[number];

/** Lenient URL parse: anything but "90" is the default 30-day range. */
export function parseChartRange(raw: string | string[] | undefined): ChartRange {
  const v = Array.isArray(raw) ? raw[0] : raw;
  return v === "90" ? 90 : 30;
}

/**
 * One calendar day in the organization's time zone: the quantity at the end of that day (null before
 * the item existed) and the net change made during it.
 */
export type StockPoint = { date: string; quantity: number | null; delta: number };

/**
 * The closing quantity of each of the last `days` days (today included, so today's is the current
 * quantity), oldest first. Reconstructed backwards from the current quantity: the close of day D is
 * the current quantity minus every change made after D ended. That is exact because every change of
 * a quantity — adjust-stock, edits, bulk actions, purchase orders, imports — writes an adjustment row
 * in the same transaction. Day boundaries are midnights in `timeZone` (the organization's), so a
 * change at 23:30 in New York counts for that day even though it is already tomorrow in UTC.
 * One statement, at most `days` + a few rows; null when the item is not in the organization.
 */
export async function stockSeries(
  organizationId: string,
  itemId: string,
  opts: { days: ChartRange; timeZone: string; now?: Date },
): Promise<StockPoint[] | null> {
  if (!isUuid(itemId)) return null;
  const now = opts.now ?? new Date();
  const rows = await rootDb().$queryRaw<StockPoint[]>`
    WITH item AS (
      SELECT quantity, ("createdAt" AT TIME ZONE ${opts.timeZone})::date AS born
      FROM inventory_items WHERE "organizationId" = ${organizationId}::uuid AND id = ${itemId}::uuid
    ),
    window_start AS (
      SELECT (${now}::timestamptz AT TIME ZONE ${opts.timeZone})::date - ${opts.days - 1}::int AS first_day
    ),
    days AS (
      SELECT first_day + g AS day FROM window_start, generate_series(0, ${opts.days - 1}::int) g
    ),
    -- Net change per local day from the window's first midnight on (changes after "now" included, so
    -- a series asked for a past "now" still starts from the true current quantity).
    daily AS (
      SELECT (a."createdAt" AT TIME ZONE ${opts.timeZone})::date AS day, sum(a.delta) AS delta
      FROM inventory_stock_adjustments a, window_start w
      WHERE a."organizationId" = ${organizationId}::uuid AND a."itemId" = ${itemId}::uuid
        AND a."createdAt" >= (w.first_day::timestamp AT TIME ZONE ${opts.timeZone})
      GROUP BY 1
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS date,
           CASE WHEN d.day < item.born THEN NULL
                ELSE (item.quantity - coalesce((SELECT sum(x.delta) FROM daily x WHERE x.day > d.day), 0))::int END AS quantity,
           coalesce((SELECT x.delta FROM daily x WHERE x.day = d.day), 0)::int AS delta
    FROM days d CROSS JOIN item
    ORDER BY d.day`;
  return rows.length ? rows : null;
}

export type HistoryRow = {
  id: string;
  createdAt: Date;
  delta: number;
  previousQuantity: number;
  newQuantity: number;
  reason: string | null;
  source: string;
  /** "Olivia Owner", "API token Warehouse scanner", or what made the change when no person did. */
  who: string;
  /** Whether `who` names a person or token (then `source` says through what), or is the source itself. */
  whoKind: "user" | "api_token" | "source";
};

export type HistoryPage = { total: number; page: number; pageSize: number; rows: HistoryRow[] };

const SOURCE_WHO: Record<string, string> = {
  import: "Initial import",
  job: "Background job",
  bulk: "Bulk action",
  purchase_order: "Purchase order",
  api: "API",
  form: "Unknown user",
};

function whoOf(r: { userId: string | null; userName: string | null; apiTokenId: string | null; tokenName: string | null; source: string }): Pick<HistoryRow, "who" | "whoKind"> {
  if (r.apiTokenId) return { who: r.tokenName ? `API token ${r.tokenName}` : "API token (deleted)", whoKind: "api_token" };
  if (r.userName) return { who: r.userName, whoKind: "user" };
  if (r.userId) return { who: "A former user", whoKind: "user" };
  return { who: SOURCE_WHO[r.source] ?? r.source, whoKind: "source" };
}

/** One page of an item's adjustments, newest first (ties broken by id, so pages never overlap). */
export async function adjustmentHistory(organizationId: string, itemId: string, opts: { page: number; pageSize: number }): Promise<HistoryPage> {
  const pageSize = Math.min(Math.max(1, Math.trunc(opts.pageSize)), 100);
  if (!isUuid(itemId)) return { total: 0, page: 1, pageSize, rows: [] };
  const [{ n: total } = { n: 0 }] = await rootDb().$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM inventory_stock_adjustments WHERE "organizationId" = ${organizationId}::uuid AND "itemId" = ${itemId}::uuid`;
  const page = Math.min(Math.max(1, Math.trunc(opts.page) || 1), Math.max(1, Math.ceil(total / pageSize)));
  const rows = await rootDb().$queryRaw<Array<Omit<HistoryRow, "who" | "whoKind"> & { userId: string | null; userName: string | null; apiTokenId: string | null; tokenName: string | null }>>`
    SELECT a.id::text AS id, a."createdAt", a.delta, a."previousQuantity", a."newQuantity", a.reason, a.source,
           a."userId"::text AS "userId", u.name AS "userName", a."apiTokenId"::text AS "apiTokenId", t.name AS "tokenName"
    FROM inventory_stock_adjustments a
    LEFT JOIN users u ON u.id = a."userId"
    LEFT JOIN api_tokens t ON t.id = a."apiTokenId" AND t."organizationId" = a."organizationId"
    WHERE a."organizationId" = ${organizationId}::uuid AND a."itemId" = ${itemId}::uuid
    ORDER BY a."createdAt" DESC, a.id DESC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  return {
    total,
    page,
    pageSize,
    rows: rows.map(({ userId, userName, apiTokenId, tokenName, ...r }) => ({ ...r, ...whoOf({ userId, userName, apiTokenId, tokenName, source: r.source }) })),
  };
}

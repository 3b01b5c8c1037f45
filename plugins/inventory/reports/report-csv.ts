// The CSV download of each report section: which query, which columns, which file name. Served by
// GET /api/v1/inventory/reports/<section>.csv (api/reports.ts) with the page's ?from&to.
//
// Values are plain numbers (no currency symbols or thousands separators), so a spreadsheet can sum
// them; the currency is named in the column header instead. Text cells are escaped against formula
// injection (csv.ts). The below-threshold list can be long (every low item of a million-item
// organization), so it is streamed page by page; the others are at most a few hundred rows.
import { adjustmentsOverTime } from "./adjustments-over-time";
import { allItemsBelowThreshold } from "./below-threshold";
import { lowStockTrend } from "./low-stock-trend";
import { CSV_BOM, csvLine, csvNumber, toCsv } from "./csv";
import type { ReportRange } from "./range";
import { stockValueByCategory } from "./stock-value";
import { TOP_MOVERS_CSV, topMovers } from "./top-movers";

export const REPORT_SECTIONS = ["stock-value", "below-threshold", "adjustments", "low-stock-trend", "top-movers"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export function isReportSection(s: string): s is ReportSection {
  return (REPORT_SECTIONS as readonly string[]).includes(s);
}

/** Whether the section depends on the date range (the others are the current state). */
export const SECTION_USES_RANGE: Record<ReportSection, boolean> = { "stock-value": false, "below-threshold": false, adjustments: true, "low-stock-trend": true, "top-movers": true };

export type ReportOrg = { id: string; slug: string; timezone: string; currency: string };
export type CsvFile = { filename: string; body: string | ReadableStream<Uint8Array> };

/** `inventory-adjustments-acme-2026-01-01-to-2026-01-30.csv`; the slug is [a-z0-9-], safe in a header. */
export function csvFilename(section: ReportSection, org: ReportOrg, range: ReportRange, today: string): string {
  const when = SECTION_USES_RANGE[section] ? `${range.from}-to-${range.to}` : today;
  return `inventory-${section}-${org.slug.replace(/[^a-z0-9-]/gi, "")}-${when}.csv`;
}

export async function buildReportCsv(section: ReportSection, org: ReportOrg, range: ReportRange, today: string): Promise<CsvFile> {
  const filename = csvFilename(section, org, range, today);
  switch (section) {
    case "stock-value": {
      const r = await stockValueByCategory(org.id);
      const rows = r.rows.map((c) => [c.category, c.items, c.units, csvNumber(c.value)]);
      rows.push(["Total", r.total.items, r.total.units, csvNumber(r.total.value)]);
      return { filename, body: toCsv(["Category", "Items", "Units in stock", `Stock value (${org.currency})`], rows) };
    }
    case "adjustments": {
      const r = await adjustmentsOverTime(org, range);
      return { filename, body: toCsv(["Date", "Net change", "Units added", "Units removed", "Adjustments"], r.days.map((d) => [d.day, d.net, d.added, d.removed, d.count])) };
    }
    case "low-stock-trend": {
      const r = await lowStockTrend(org, range);
      return { filename, body: toCsv(["Date", "Items low at day's end", "Fell below threshold", "Restocked"], r.days.map((d) => [d.day, d.low, d.fell, d.restocked])) };
    }
    case "top-movers": {
      const rows = await topMovers(org, range, TOP_MOVERS_CSV);
      return {
        filename,
        body: toCsv(
          ["Rank", "Item", "SKU", "Units moved", "Net change", "Adjustments", "Quantity now", "Unit"],
          rows.map((m, i) => [i + 1, m.name, m.sku, m.moved, m.net, m.adjustments, m.quantity, m.unit]),
        ),
      };
    }
    case "below-threshold":
      return { filename, body: belowThresholdStream(org.id) };
  }
}

function belowThresholdStream(organizationId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = allItemsBelowThreshold(organizationId);
  let started = false;
  return new ReadableStream<Uint8Array>({
    // One keyset page per pull: the client's reading speed paces the queries (backpressure).
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(["Item", "SKU", "Category", "Quantity", "Reorder threshold", "Shortfall", "Unit"])));
        return;
      }
      const next = await pages.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((r) => csvLine([r.name, r.sku, r.category, r.quantity, r.threshold, r.shortfall, r.unit])).join("")));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

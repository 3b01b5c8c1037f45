// GET /api/v1/inventory/reports/<section>.csv?from=YYYY-MM-DD&to=YYYY-MM-DD — a report section of the
// Reports page as a CSV file (text/csv, attachment). Authenticated like every plugin route (the browser
// session, which is what the page's download links use, or an API token); needs inventory.view_reports.
// An invalid range answers 400 with the same per-field messages the page shows.
import { z } from "zod";
import { apiError } from "@/core/http/api-errors";
import type { ApiRoute } from "@/core/plugins/types";
import { INVENTORY_PERMISSIONS as P } from "../permissions";
import { parseReportRange, todayIn } from "../reports/range";
import { buildReportCsv, isReportSection, REPORT_SECTIONS } from "../reports/report-csv";

const rangeQueryDoc = z.object({
  from: z.string().optional().describe("First day (YYYY-MM-DD) in the organization's time zone; default 29 days before `to`."),
  to: z.string().optional().describe("Last day (YYYY-MM-DD), not after today; default today. At most two years after `from`."),
});

export const reportRoutes: ApiRoute[] = [
  {
    method: "GET",
    path: "reports/:file",
    permission: P.reports,
    summary: "Download a report section as CSV",
    description:
      `\`:file\` is one of ${REPORT_SECTIONS.map((s) => `\`${s}.csv\``).join(", ")}. The answer is \`text/csv\` (UTF-8 with a byte-order mark, ` +
      "CRLF line ends) sent as an attachment. Stock value and below-threshold are the current state; adjustments and top movers cover the range.",
    tags: ["Inventory reports"],
    query: rangeQueryDoc,
    handler: async ({ ctx, params, request }) => {
      const section = params.file!.replace(/\.csv$/, "");
      if (!params.file!.endsWith(".csv") || !isReportSection(section)) {
        return apiError(404, "not_found", `No such report. Use one of: ${REPORT_SECTIONS.map((s) => `${s}.csv`).join(", ")}.`, { requestId: ctx.requestId });
      }
      const search = new URL(request.url).searchParams;
      const now = new Date();
      const parsed = parseReportRange({ from: search.get("from"), to: search.get("to") }, ctx.organization.timezone, now);
      if (!parsed.ok) {
        return apiError(400, "validation_failed", "The date range is invalid; see `fields`.", { requestId: ctx.requestId, fields: { ...parsed.errors } });
      }
      const file = await buildReportCsv(section, ctx.organization, parsed.range, todayIn(ctx.organization.timezone, now));
      return new Response(file.body, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${file.filename}"`,
          // Reports hold the organization's stock and prices: never in a shared cache.
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    },
  },
];

// REST: GET /api/v1/audit/entries.csv?<viewer filter> — the export (audit.export). A filter that does
// not validate is a 400 naming the parameter, never a wider export than asked for.
import { apiError } from "@/core/http/api-errors";
import type { ApiRoute } from "@/core/plugins/types";
import { exportFileName, exportResponse } from "./export";
import { AUDIT_PERMISSIONS as P } from "./permissions";
import { parseAuditFilter } from "./queries/filters";

export const auditApi: ApiRoute[] = [
  {
    method: "GET",
    path: "entries.csv",
    permission: P.export,
    summary: "Export audit entries as CSV",
    description: "Streams the entries matching actor, targetType, target, action, from and to (the viewer's filter) in seq order.",
    handler: ({ ctx, request }) => {
      const params = Object.fromEntries(new URL(request.url).searchParams);
      const { filter, errors } = parseAuditFilter(params);
      const bad = Object.entries(errors);
      if (bad.length) return apiError(400, "invalid_filter", bad.map(([k, m]) => `${k}: ${m}`).join("; "));
      return exportResponse(ctx.organization.id, ctx.organization.timezone, filter, exportFileName(ctx.organization.slug));
    },
  },
];

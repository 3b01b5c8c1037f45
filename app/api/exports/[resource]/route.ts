// GET /api/exports/<resource>?scope=all|filtered|selected&ids=…&<list filter>: the CSV export of a
// resource for the signed-in member (core/imports/export/http.ts does the work).
// Plugins registered before anything resolves a resource, as in every other entry point.
import "@/app/_plugins/runtime";
import { getOrgContext } from "@/core/auth/context";
import { exportResponse } from "@/core/imports/export/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ resource: string }> }) {
  const ctx = await getOrgContext();
  if (!ctx) return Response.json({ error: "Sign in to export." }, { status: 401 });
  return exportResponse(ctx, (await params).resource, new URL(request.url));
}

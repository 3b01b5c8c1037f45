// GET /api/imports/<id>/progress — the live progress of an import (core/imports/progress.ts), polled by
// the import page. 404 for an import of another organization or one the member may not import into.
import "@/app/_plugins/runtime";
import { authenticateApiRequest } from "@/core/api-tokens/authenticate";
import { importProgress } from "@/core/imports/service";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await authenticateApiRequest(request);
  if (!auth.ok) return auth.response;
  const progress = await importProgress(auth.ctx, (await params).id);
  if (!progress) return Response.json({ error: "This import does not exist.", code: "not_found" }, { status: 404 });
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
}

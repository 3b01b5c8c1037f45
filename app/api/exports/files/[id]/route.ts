// GET /api/exports/files/<id>: the file of a finished background export of the member's organization.
// Plugins registered before anything resolves a resource, as in every other entry point.
import "@/app/_plugins/runtime";
import { getOrgContext } from "@/core/auth/context";
import { exportFileResponse } from "@/core/imports/export/http";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await getOrgContext();
  if (!ctx) return Response.json({ error: "Sign in to download exports." }, { status: 401 });
  return exportFileResponse(ctx, (await params).id);
}

// GET /api/imports/<id>/errors.csv — the rejected rows of an import as CSV (original header + cells +
// an "error" column), streamed page by page (core/imports/errors-csv.ts), to fix and upload again.
import "@/app/_plugins/runtime";
import { authenticateApiRequest } from "@/core/api-tokens/authenticate";
import { errorsCsv } from "@/core/imports/errors-csv";
import { importForMember } from "@/core/imports/service";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await authenticateApiRequest(request);
  if (!auth.ok) return auth.response;
  const imp = await importForMember(auth.ctx, (await params).id);
  if (!imp) return Response.json({ error: "This import does not exist.", code: "not_found" }, { status: 404 });
  const encoder = new TextEncoder();
  const lines = errorsCsv(imp);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const base = imp.fileName.replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "_") || "import";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${base}-errors.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

// The HTTP side of exports, shared by the route handlers (which only resolve the session) and tests:
//   GET /api/exports/<resource>?scope=…  -> 200 text/csv streamed, or 303 to /exports/<id> (background)
//   GET /api/exports/files/<id>          -> the finished file
// Errors are JSON { error } with 400 (bad query), 403 (no permission), 404 (unknown), 503.
import type { OrgContext } from "@/core/auth/context";
import { contentDisposition } from "@/core/http/content-disposition";
import { exportDownload, startExport } from "./service";
import { toReadableStream } from "./stream";

const json = (status: number, error: string) => Response.json({ error }, { status, headers: { "cache-control": "no-store" } });

const attachment = (name: string) => contentDisposition("attachment", name);

export async function exportResponse(ctx: OrgContext, resourceId: string, url: URL, opts: { streamLimit?: number } = {}): Promise<Response> {
  const started = await startExport(ctx, resourceId, url.searchParams, opts);
  if (!started.ok) return json(started.status, started.error);
  if (started.kind === "background") {
    return new Response(null, { status: 303, headers: { location: `/exports/${started.exportId}`, "cache-control": "no-store" } });
  }
  return new Response(toReadableStream(started.body), {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachment(started.filename),
      "cache-control": "no-store",
      "x-export-rows": String(started.rows),
    },
  });
}

export async function exportFileResponse(ctx: OrgContext, id: string): Promise<Response> {
  const file = await exportDownload(ctx, id);
  if (!file) return json(404, "This export has no file: it is not finished, failed, or its file was removed after the retention period.");
  return new Response(toReadableStream(file.body), {
    status: 200,
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachment(file.name), "content-length": String(file.size), "cache-control": "no-store" },
  });
}

// POST /api/imports?resource=<id> — the upload of an import file. The body is the file's raw bytes
// (header `x-file-name`: its name), streamed straight into storage chunk by chunk: the server never
// holds the file in memory (proxy.ts lets this path through without buffering it, see its matcher).
// Then detection and mapping (core/imports/create.ts) and 201 { id }.
// Errors, as { error, code }: 401 no session/token, 404 unknown resource, 403 not allowed,
// 413 larger than MAX_IMPORT_BYTES (nothing stored), 400 not a usable CSV file (the stored file is
// deleted again: nothing remains), 415 a multipart/* body (a form upload: the boundaries and part
// headers would be stored as part of the "CSV" — the body must be the raw file).
// proxy.ts skips this route (so it can stream), so the request id is sanitized here as it would be there.
import "@/app/_plugins/runtime";
import { authenticateApiRequest } from "@/core/api-tokens/authenticate";
import { CsvFileError } from "@/core/imports/csv/errors";
import { createImport } from "@/core/imports/create";
import { importResource, mayImport } from "@/core/imports/registry";
import { deleteFile, formatBytes, MAX_IMPORT_BYTES, storeFile } from "@/core/imports/storage";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "@/core/http/request-id";
import { log } from "@/core/log";

export const dynamic = "force-dynamic";

const fail = (status: number, code: string, error: string) => Response.json({ error, code }, { status });

async function* bodyChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

export async function POST(request: Request): Promise<Response> {
  const requestId = acceptOrCreateRequestId(request.headers.get(REQUEST_ID_HEADER));
  const response = await upload(request, requestId);
  // Echoed as proxy.ts does for other routes, so a failed upload can be matched to the server log.
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

async function upload(request: Request, requestId: string): Promise<Response> {
  const auth = await authenticateApiRequest(request);
  if (!auth.ok) return auth.response;
  const { ctx } = auth;
  const resourceId = new URL(request.url).searchParams.get("resource") ?? "";
  const resource = await importResource(resourceId);
  if (!resource) return fail(404, "not_found", `There is no importable resource "${resourceId}".`);
  if (!(await mayImport(ctx, resource))) return fail(403, "forbidden", `You do not have permission to import ${resource.label.toLowerCase()}.`);

  const contentType = (request.headers.get("content-type") ?? "").trim().toLowerCase();
  if (contentType.startsWith("multipart/")) {
    return fail(415, "unsupported_media_type", "Send the file's raw bytes as the request body (e.g. curl --data-binary @file.csv), not a multipart form upload.");
  }

  const tooLarge = `The file is larger than the limit of ${formatBytes(MAX_IMPORT_BYTES)}. Split it into smaller files.`;
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES) return fail(413, "too_large", tooLarge);
  if (!request.body) return fail(400, "empty", "The file is empty (0 bytes)");
  const rawName = request.headers.get("x-file-name") ?? "upload.csv";
  let fileName = rawName;
  try {
    fileName = decodeURIComponent(rawName);
  } catch {
    // Not percent-encoded: use it as sent.
  }

  let fileId: string;
  try {
    ({ fileId } = await storeFile({ organizationId: ctx.organization.id, purpose: "import", name: fileName, createdById: ctx.user.id, source: bodyChunks(request.body), maxBytes: MAX_IMPORT_BYTES }));
  } catch (err) {
    if (err instanceof CsvFileError && err.code === "too_large") return fail(413, "too_large", tooLarge);
    log.warn("imports.upload_failed", { err, requestId, organizationId: ctx.organization.id });
    return fail(400, "upload_failed", "The upload did not complete; nothing was stored. Please try again.");
  }
  try {
    const { id } = await createImport({ organizationId: ctx.organization.id, userId: ctx.user.id }, resource.id, fileId, fileName);
    return Response.json({ id }, { status: 201 });
  } catch (err) {
    await deleteFile(ctx.organization.id, fileId);
    if (err instanceof CsvFileError) return fail(400, err.code, err.message);
    throw err;
  }
}

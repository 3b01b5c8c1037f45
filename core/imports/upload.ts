// The upload of an import file (POST /api/v1/imports?resource=<id>): the request body is the file's
// raw bytes (header `x-file-name`: its name, percent-encoded when not Latin-1), streamed straight
// into storage chunk by chunk — the server never holds the file in memory. Then detection and
// mapping (create.ts). On any refusal nothing remains: a file that is not a usable CSV is deleted
// again, and one larger than MAX_IMPORT_BYTES is never kept.
import type { OrgContext } from "@/core/auth/context";
import { log } from "@/core/log";
import { CsvFileError } from "./csv/errors";
import { createImport } from "./create";
import { importResource, mayImport } from "./registry";
import { formatBytes } from "@/core/format/bytes";
import { MAX_IMPORT_BYTES } from "./limits";
import { deleteFile, storeFile } from "./storage";

export type UploadResult = { ok: true; id: string } | { ok: false; status: number; code: string; message: string };

const refuse = (status: number, code: string, message: string): UploadResult => ({ ok: false, status, code, message });

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

export async function uploadImportFile(ctx: OrgContext, request: Request, requestId?: string): Promise<UploadResult> {
  const resourceId = new URL(request.url).searchParams.get("resource") ?? "";
  if (!resourceId) return refuse(400, "validation_failed", "Say what the file holds: ?resource=<id> (GET /api/v1/imports/resources lists them).");
  const resource = await importResource(resourceId);
  if (!resource) return refuse(404, "not_found", `There is no importable resource "${resourceId}".`);
  if (!(await mayImport(ctx, resource))) return refuse(403, "forbidden", `You do not have permission to import ${resource.label.toLowerCase()}.`);

  const contentType = (request.headers.get("content-type") ?? "").trim().toLowerCase();
  if (contentType.startsWith("multipart/")) {
    return refuse(415, "unsupported_media_type", "Send the file's raw bytes as the request body (e.g. curl --data-binary @file.csv), not a multipart form upload.");
  }
  const tooLarge = `The file is larger than the limit of ${formatBytes(MAX_IMPORT_BYTES)}. Split it into smaller files.`;
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES) return refuse(413, "payload_too_large", tooLarge);
  if (!request.body) return refuse(400, "empty", "The file is empty (0 bytes)");
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
    if (err instanceof CsvFileError && err.code === "too_large") return refuse(413, "payload_too_large", tooLarge);
    log.warn("imports.upload_failed", { err, requestId, organizationId: ctx.organization.id });
    return refuse(400, "upload_failed", "The upload did not complete; nothing was stored. Please try again.");
  }
  try {
    const { id } = await createImport({ organizationId: ctx.organization.id, userId: ctx.user.id }, resource.id, fileId, fileName);
    return { ok: true, id };
  } catch (err) {
    await deleteFile(ctx.organization.id, fileId);
    if (err instanceof CsvFileError) return refuse(400, err.code, err.message);
    throw err;
  }
}

// The inventory API's error answers, in core's one error shape (core/http/api-errors.ts).
import { apiError } from "@/core/http/api-errors";
import type { WriteResult } from "../items/mutations";

export const itemNotFound = (requestId?: string) => apiError(404, "not_found", "No such item in this organization.", { requestId });
export const categoryNotFound = (requestId?: string) => apiError(404, "not_found", "No such category in this organization.", { requestId });

/** A refused item write: 404 gone, 409 duplicate SKU, 400 unknown category — with the field named. */
export function writeFailed(res: Extract<WriteResult, { ok: false }>, requestId?: string): Response {
  if (res.status === 404) return itemNotFound(requestId);
  const code = res.status === 409 ? "conflict" : "validation_failed";
  const message = res.fieldErrors ? Object.values(res.fieldErrors).join(" ") : res.error;
  return apiError(res.status, code, message, { requestId, fields: res.fieldErrors });
}

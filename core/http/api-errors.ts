// JSON error responses of the REST API: one shape everywhere, with the request id for support.
import type { z } from "zod";

export type ApiErrorBody = { error: { code: string; message: string; requestId?: string; fields?: Record<string, string> } };

export function apiError(status: number, code: string, message: string, extra: { requestId?: string; fields?: Record<string, string> } = {}): Response {
  const body: ApiErrorBody = { error: { code, message, ...extra } };
  return Response.json(body, { status });
}

export function validationError(err: z.ZodError, requestId?: string): Response {
  const fields: Record<string, string> = {};
  for (const issue of err.issues) fields[issue.path.join(".") || "_body"] ??= issue.message;
  return apiError(400, "validation_failed", "The request is invalid; see `fields`.", { requestId, fields });
}

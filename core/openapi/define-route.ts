// defineApiRoute: one declaration gives a plugin route both its validation and its documentation. The
// `query` and `request` zod schemas parse the query string and the JSON body before the handler runs
// (a bad request never reaches it: 400 with the offending fields, 415 for a body that is not JSON), and
// the same schemas, with `response`, become the route's entry in /api/v1/openapi.json — so the docs
// cannot drift from what the server accepts.
import { z } from "zod";
import { apiError } from "@/core/http/api-errors";
import type { ApiContext, ApiRoute } from "@/core/plugins/types";

/** Larger bodies are refused with 413 before parsing: no single API write needs more. */
export const MAX_BODY_BYTES = 1_000_000;

export type ParsedApiContext<Q extends z.ZodType, B extends z.ZodType> = ApiContext & {
  query: z.output<Q>;
  body: z.output<B>;
  /** The JSON body as sent (before defaults and transforms): tells a PATCH which fields were given. */
  rawBody: unknown;
};

export type ApiRouteSpec<Q extends z.ZodType, B extends z.ZodType> = Omit<ApiRoute, "handler" | "query" | "request"> & {
  query?: Q;
  request?: B;
  handler: (api: ParsedApiContext<Q, B>) => Promise<Response> | Response;
};

export function defineApiRoute<Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined>(spec: ApiRouteSpec<Q, B>): ApiRoute {
  const { handler, ...docs } = spec;
  return {
    ...docs,
    handler: async (api) => {
      const requestId = api.ctx.requestId;
      let query: unknown = undefined;
      if (spec.query) {
        const parsed = spec.query.safeParse(Object.fromEntries(new URL(api.request.url).searchParams));
        if (!parsed.success) return validationFailed(parsed.error, "The query string is invalid; see `fields`.", requestId);
        query = parsed.data;
      }
      let body: unknown = undefined;
      let rawBody: unknown = undefined;
      if (spec.request) {
        const read = await readJsonBody(api.request, requestId);
        if (!read.ok) return read.response;
        rawBody = read.value;
        const parsed = spec.request.safeParse(rawBody);
        if (!parsed.success) return validationFailed(parsed.error, "The request body is invalid; see `fields`.", requestId);
        body = parsed.data;
      }
      return handler({ ...api, query: query as z.output<Q>, body: body as z.output<B>, rawBody });
    },
  };
}

type ReadResult = { ok: true; value: unknown } | { ok: false; response: Response };

async function readJsonBody(request: Request, requestId: string | undefined): Promise<ReadResult> {
  const type = request.headers.get("content-type") ?? "";
  // Requiring the JSON media type also keeps cross-site HTML forms (which cannot send it) away from
  // cookie-authenticated writes.
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type.trim())) {
    return { ok: false, response: apiError(415, "unsupported_media_type", "Send the body as JSON, with `Content-Type: application/json`.", { requestId }) };
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return { ok: false, response: tooLarge(requestId) };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, response: tooLarge(requestId) };
  if (!text.trim()) return { ok: false, response: apiError(400, "invalid_json", "The request body is empty; send a JSON object.", { requestId }) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, response: apiError(400, "invalid_json", `The request body is not valid JSON: ${(err as Error).message}`, { requestId }) };
  }
}

function tooLarge(requestId: string | undefined) {
  return apiError(413, "payload_too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`, { requestId });
}

/**
 * 400 with `fields`: one message per field path ("reason", "lines.0.quantity"). An unknown field is
 * reported under its own name (a typo such as "quantiy" must not be silently ignored).
 */
export function validationFailed(error: z.ZodError, message: string, requestId?: string): Response {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[[...issue.path, key].join(".")] ??= "Unknown field";
      continue;
    }
    fields[issue.path.join(".") || "_body"] ??= issue.message;
  }
  return apiError(400, "validation_failed", message, { requestId, fields });
}

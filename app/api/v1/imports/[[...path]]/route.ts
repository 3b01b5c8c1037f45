// /api/v1/imports/… — core's import API (core/imports/api/routes.ts), served by the same dispatcher as
// the plugins' /api/v1 routes. The upload (POST /api/v1/imports) streams its body: proxy.ts lets this
// exact path through without buffering it (see its matcher), so the request id the proxy would have
// set is sanitized (or created) here, and echoed, as the proxy does for every other route.
import { pluginRouteHandlers } from "@/app/_plugins/plugin-api";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "@/core/http/request-id";

export const dynamic = "force-dynamic";

const handlers = pluginRouteHandlers("imports");
type Context = { params: Promise<{ path?: string[] }> };

const serve = (h: (typeof handlers)["GET"]) => async (request: Request, context: Context) => {
  const requestId = acceptOrCreateRequestId(request.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(request.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // A new Request around the same body stream: nothing is read or buffered here.
  const withId = new Request(request, { headers, duplex: "half" } as RequestInit);
  // The optional catch-all gives no `path` for /api/v1/imports itself.
  const response = await h(withId, { params: context.params.then((p) => ({ path: p.path ?? [] })) });
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
};

export const GET = serve(handlers.GET);
export const POST = serve(handlers.POST);

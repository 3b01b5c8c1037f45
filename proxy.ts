// Runs before every request: gives it a request id, and sends signed-out visitors to the login page.
// Public: the login page, the health check, next-auth's own endpoints, the Inngest endpoint and static assets.
// REST calls under /api/v1 that bring an Authorization header (API tokens) are checked by their handlers.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "@/core/http/request-id";

// /api/inngest authenticates by signature (INNGEST_SIGNING_KEY) in cloud mode — Inngest's and the
// embedded executor's alike; in dev mode (INNGEST_DEV, by hand only) it checks nothing and must only be
// reachable on loopback.
const PUBLIC_PREFIXES = ["/login", "/api/health", "/api/auth", "/api/inngest"];

export async function proxy(req: NextRequest) {
  const requestId = acceptOrCreateRequestId(req.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  const { pathname, search } = req.nextUrl;

  const isPublic = PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  // A REST call with an Authorization header has no session cookie: the route handler authenticates
  // it and answers 401 itself for a bad or revoked token. So every route under /api/v1 must start
  // with authenticateApiRequest (core/api-tokens/authenticate.ts), as the plugin shims and
  // /api/v1/openapi.json do.
  // The import API (/api/v1/imports, core's own section) is served the same way.
  const apiWithCredentials = pathname.startsWith("/api/v1/") && req.headers.has("authorization");
  if (!isPublic && !apiWithCredentials) {
    const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET });
    if (!token) {
      if (pathname.startsWith("/api/")) {
        return NextResponse.json(
          { error: { code: "unauthenticated", message: "Sign in or send a valid API token.", requestId } },
          { status: 401, headers: { [REQUEST_ID_HEADER]: requestId } },
        );
      }
      const login = new URL("/login", req.url);
      if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
      const res = NextResponse.redirect(login);
      res.headers.set(REQUEST_ID_HEADER, requestId);
      return res;
    }
  }
  const res = NextResponse.next({ request: { headers } });
  res.headers.set(REQUEST_ID_HEADER, requestId);
  return res;
}

// Not run for the import upload (POST /api/v1/imports, exactly that path): Next buffers the whole body
// of every request the proxy runs for (to hand a copy to the proxy), and cuts it at
// proxyClientMaxBodySize — a 200 MB upload would sit in memory, or be truncated. That route
// authenticates itself (session or API token, as every /api/v1 route) and sets no request id header.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/v1/imports$).*)"],
};

// Runs before every request: gives it a request id and its Content-Security-Policy nonce, and sends
// signed-out visitors to the login page.
// Public: the login page, the health check, next-auth's own endpoints, the Inngest endpoint and static assets.
// REST calls under /api/v1 that bring an Authorization header (API tokens) are checked by their handlers.
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { cameOverHttps, contentSecurityPolicy, newNonce, NONCE_HEADER, STRICT_TRANSPORT_SECURITY } from "@/core/http/csp";
import { acceptOrCreateRequestId, REQUEST_ID_HEADER } from "@/core/http/request-id";

// /api/inngest authenticates by signature (INNGEST_SIGNING_KEY) in cloud mode — Inngest's and the
// embedded executor's alike; in dev mode (INNGEST_DEV, by hand only) it checks nothing and must only be
// reachable on loopback.
const PUBLIC_PREFIXES = ["/login", "/api/health", "/api/auth", "/api/inngest"];

export async function proxy(req: NextRequest) {
  const requestId = acceptOrCreateRequestId(req.headers.get(REQUEST_ID_HEADER));
  const headers = new Headers(req.headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // A nonce per request: Next reads the policy from the request headers and puts the nonce on its scripts.
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production" });
  headers.set(NONCE_HEADER, nonce);
  headers.set("content-security-policy", csp);
  const secure = (res: NextResponse) => {
    res.headers.set(REQUEST_ID_HEADER, requestId);
    res.headers.set("Content-Security-Policy", csp);
    if (cameOverHttps(req.headers, req.nextUrl.protocol)) res.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    return res;
  };
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
        return secure(NextResponse.json({ error: { code: "unauthenticated", message: "Sign in or send a valid API token.", requestId } }, { status: 401 }));
      }
      const login = new URL("/login", req.url);
      if (pathname !== "/") login.searchParams.set("callbackUrl", `${pathname}${search}`);
      return secure(NextResponse.redirect(login));
    }
  }
  return secure(NextResponse.next({ request: { headers } }));
}

// Not run for the import upload (POST /api/v1/imports, exactly that path): Next buffers the whole body
// of every request the proxy runs for (to hand a copy to the proxy), and cuts it at
// proxyClientMaxBodySize — a 200 MB upload would sit in memory, or be truncated. That route
// authenticates itself (session or API token, as every /api/v1 route) and sets no request id header.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|api/v1/imports$).*)"],
};

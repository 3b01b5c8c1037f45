// The Content-Security-Policy of every page (issue 15.8), nonce-based: proxy.ts makes a fresh nonce per
// request and passes the policy to Next in the request headers, and Next puts the nonce on the
// scripts it renders (its bootstrap and the inline RSC payload). 'strict-dynamic' then trusts what
// those scripts load (the page's chunks), and nothing else runs: an injected <script> or on* attribute
// has no nonce. Styles allow 'unsafe-inline': React and the chart and toast libraries set style
// attributes, which nonces cannot cover (CSS cannot run script).
export const NONCE_HEADER = "x-nonce";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // next dev evaluates modules (React Refresh) and talks to its HMR socket.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For JSON answers of the API router: nothing in them may load or run anything, nor be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** HSTS, sent only on requests that came over HTTPS (the TLS-terminating proxy says so). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

export function cameOverHttps(headers: Headers | { get(name: string): string | null }, protocol?: string): boolean {
  return protocol === "https:" || headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

// Headers every response carries, pages and API alike. next.config.ts applies them to what Next
// serves; the production server's API router (server/api-router.ts) applies the same list.
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  // No page uses these browser features: a script that got in could not use them either.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
];
// The Content-Security-Policy is not in this list: a page's carries a nonce per request (proxy.ts,
// core/http/csp.ts), and a second, static one would be enforced too and block Next's scripts.

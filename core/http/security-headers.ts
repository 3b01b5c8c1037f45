// Headers every response carries, pages and API alike. next.config.ts applies them to what Next
// serves; the production server's API router (server/api-router.ts) applies the same list.
export const SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

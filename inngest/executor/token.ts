// A shared secret between the embedded executor and the app's /api/inngest in dev mode, where the SDK
// checks no signatures: scripts/lib/boot.ts generates RITIKO_EXECUTOR_TOKEN for both processes, the
// executor sends it on every sync and call, and the route refuses requests without it. Defence in
// depth for `npm start` on a reachable port; Inngest Cloud / `inngest start` use signatures instead.
import { createHash, timingSafeEqual } from "node:crypto";

export const EXECUTOR_TOKEN_HEADER = "x-ritiko-executor-token";

export function executorTokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = createHash("sha256").update(expected).digest();
  const b = createHash("sha256").update(given).digest();
  return timingSafeEqual(a, b);
}

// Failed sign-in throttling, stored in PostgreSQL so every app instance shares the same counters.
// A sign-in is refused while the e-mail OR the client IP has LIMIT failures within the window.
import { DEFAULT_LANGUAGE, type Language } from "@/core/i18n/languages";
import { translatorFor } from "@/core/i18n/translate";
import { rootDb } from "@/core/db/client";

// Per-IP can be raised (RITIKO_LOGIN_MAX_FAILURES_PER_IP) where many staff share one NAT address.
export const LOGIN_RATE_LIMIT = {
  maxFailures: Number(process.env.RITIKO_LOGIN_MAX_FAILURES ?? 10),
  maxFailuresPerIp: Number(process.env.RITIKO_LOGIN_MAX_FAILURES_PER_IP ?? 10),
  windowMinutes: 15,
} as const;

/**
 * The ip of a sign-in whose client address is not known (no trusted proxy, core/http/request-origin.ts).
 * Such attempts are limited per e-mail only: counting them per IP would put every client in one
 * bucket, and ten failures from anyone would then lock everybody out.
 */
export const UNKNOWN_IP = "unknown";

export type RateLimitVerdict = { limited: false } | { limited: true; retryAfterMinutes: number };

export async function checkLoginRateLimit(email: string, ip: string, now = new Date()): Promise<RateLimitVerdict> {
  const since = new Date(now.getTime() - LOGIN_RATE_LIMIT.windowMinutes * 60_000);
  const db = rootDb();
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email, succeeded: false, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      take: LOGIN_RATE_LIMIT.maxFailures,
      select: { createdAt: true },
    }),
    ip === UNKNOWN_IP
      ? Promise.resolve([])
      : db.loginAttempt.findMany({
          where: { ip, succeeded: false, createdAt: { gte: since } },
          orderBy: { createdAt: "desc" },
          take: LOGIN_RATE_LIMIT.maxFailuresPerIp,
          select: { createdAt: true },
        }),
  ]);
  const blocking = [
    byEmail.length >= LOGIN_RATE_LIMIT.maxFailures ? byEmail : null,
    byIp.length >= LOGIN_RATE_LIMIT.maxFailuresPerIp ? byIp : null,
  ].filter((rows) => rows !== null);
  if (blocking.length === 0) return { limited: false };
  // The block lifts when the oldest failure that still counts leaves the window.
  const liftsAt = Math.max(
    ...blocking.map((rows) => rows[rows.length - 1]!.createdAt.getTime() + LOGIN_RATE_LIMIT.windowMinutes * 60_000),
  );
  return { limited: true, retryAfterMinutes: Math.max(1, Math.ceil((liftsAt - now.getTime()) / 60_000)) };
}

export async function recordLoginAttempt(email: string, ip: string, succeeded: boolean): Promise<void> {
  await rootDb().loginAttempt.create({ data: { email, ip, succeeded } });
}

/** In the language of the login page that asked (the browser's, core/i18n). */
export function rateLimitMessage(minutes: number, language: Language = DEFAULT_LANGUAGE): string {
  return translatorFor(language, "login")("rateLimited", { minutes });
}

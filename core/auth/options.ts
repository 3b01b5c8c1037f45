// next-auth configuration: credentials sign-in against argon2id hashes, JWT sessions that carry the
// active organization. Switching organization goes through `useSession().update({ organizationId })`,
// which is only honoured after the membership is checked in the database.
import { DEFAULT_LANGUAGE, negotiateLanguage, type Language } from "@/core/i18n/languages";
import { translatorFor } from "@/core/i18n/translate";
import type { NextAuthOptions } from "next-auth";
import CredentialsProviderImport from "next-auth/providers/credentials";
import { z } from "zod";
import { rootDb } from "@/core/db/client";
import { authLogin } from "@/core/events/core-events";
import { emit } from "@/core/events/emit";
import { AUDITED_TX } from "@/core/db/tx";
import { clientIpFrom } from "@/core/http/request-origin";
import { log } from "@/core/log";
import { timingSafeDummyVerify, verifyPassword } from "./password";
import { checkLoginRateLimit, rateLimitMessage, recordLoginAttempt, UNKNOWN_IP } from "./rate-limit";
import { resolveSecret } from "./secret";

// next-auth 4 ships CommonJS: bundlers hand us the function, Node's own ESM loader (scripts and
// benchmarks run with tsx) the module object with it under `default`.
const CredentialsProvider =
  (CredentialsProviderImport as unknown as { default?: typeof CredentialsProviderImport }).default ?? CredentialsProviderImport;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1024),
});

/** The English refusal (tests match it); a Spanish login page gets its own (core/i18n, login.invalid). */
export const INVALID_CREDENTIALS = translatorFor("en", "login")("invalid");

/**
 * The sign-in's client IP for the rate limit and the login entry: the same rule as every other write
 * path (core/http/request-origin.ts — trusted only behind RITIKO_TRUSTED_PROXY=1), "unknown" otherwise.
 */
function clientIp(headers: Record<string, unknown> | undefined): string {
  const get = (name: string) => {
    const v = headers?.[name];
    return Array.isArray(v) ? v.join(",") : typeof v === "string" ? v : null;
  };
  return clientIpFrom({ get }) ?? UNKNOWN_IP;
}

/** The organization a user lands in: the oldest membership of an active organization. */
export async function defaultOrganizationId(userId: string): Promise<string | null> {
  const m = await rootDb().membership.findFirst({
    where: { userId, organization: { active: true } },
    orderBy: { createdAt: "asc" },
    select: { organizationId: true },
  });
  return m?.organizationId ?? null;
}

/** `language`: what the refusals are written in — the login page's, from the browser's Accept-Language. */
export async function authenticate(rawEmail: unknown, rawPassword: unknown, ip: string, language: Language = DEFAULT_LANGUAGE) {
  const invalid = translatorFor(language, "login")("invalid");
  const parsed = credentialsSchema.safeParse({ email: rawEmail, password: rawPassword });
  if (!parsed.success) throw new Error(invalid);
  const { email, password } = parsed.data;

  const verdict = await checkLoginRateLimit(email, ip);
  if (verdict.limited) {
    log.warn("auth.rate_limited", { email, ip });
    throw new Error(rateLimitMessage(verdict.retryAfterMinutes, language));
  }
  const user = await rootDb().user.findUnique({ where: { email } });
  const ok = user ? await verifyPassword(user.passwordHash, password) : await timingSafeDummyVerify(password);
  await recordLoginAttempt(email, ip, ok);
  if (!user || !ok) {
    log.info("auth.failed", { email, ip });
    throw new Error(invalid);
  }
  log.info("auth.signed_in", { userId: user.id, ip });
  await emitLogin(user, ip);
  return { id: user.id, email: user.email, name: user.name };
}

/**
 * core.auth.login for the organization the session starts in (the one the jwt callback picks). emit
 * needs a transaction: a short one of its own. A plugin handler that throws fails the sign-in (an
 * audit log that cannot record the login refuses it rather than let it go unrecorded).
 */
async function emitLogin(user: { id: string; name: string; email: string }, ip: string) {
  const organizationId = await defaultOrganizationId(user.id);
  if (!organizationId) return; // no active membership: the session has no organization to log into
  // Not Prisma's defaults (5 s / 2 s): with the audit plugin on, the login entry waits for the
  // organization's audit chain head lock, which a large audited batch (bulk action, import) holds
  // for several seconds — sign-in must wait for it rather than fail (core/db/tx.ts AUDITED_TX).
  await rootDb().$transaction(async (tx) => {
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, name: true, slug: true, timezone: true, currency: true, locale: true } });
    await emit(tx, { organization, actor: { type: "user", id: user.id, name: user.name }, origin: { source: "form", ...(ip !== UNKNOWN_IP ? { ip } : {}) } }, authLogin, {
      organizationId,
      userId: user.id,
      email: user.email,
    });
  }, AUDITED_TX);
}

export const authOptions: NextAuthOptions = {
  secret: resolveSecret(),
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => {
        const headers = req?.headers as Record<string, unknown> | undefined;
        const acceptLanguage = typeof headers?.["accept-language"] === "string" ? headers["accept-language"] : null;
        return authenticate(credentials?.email, credentials?.password, clientIp(headers), negotiateLanguage(acceptLanguage));
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user) {
        token.sub = user.id;
        token.organizationId = await defaultOrganizationId(user.id);
      }
      if (trigger === "update" && token.sub) {
        const requested = z.object({ organizationId: z.uuid() }).safeParse(session);
        if (requested.success) {
          const member = await rootDb().membership.findFirst({
            where: { userId: token.sub, organizationId: requested.data.organizationId, organization: { active: true } },
            select: { organizationId: true },
          });
          // A request for an organization the user does not belong to is ignored, not an error page.
          if (member) token.organizationId = member.organizationId;
        }
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      session.organizationId = (token.organizationId as string | null | undefined) ?? null;
      return session;
    },
  },
};

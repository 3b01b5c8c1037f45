// A signed-in browser's session for the admin-page runs: the bench member gets a fresh random password
// (argon2id, as the app stores it) and signs in over HTTP through next-auth's credentials flow, exactly
// as the sign-in form does (CSRF token, then the callback), so the page runs measure real session
// checks. Returns the Cookie header to send.
import crypto from "node:crypto";
import type pg from "pg";
import { hashPassword } from "../../core/auth/password";

export async function signedInCookie(db: pg.Client, base: string, userId: string): Promise<string> {
  const password = crypto.randomBytes(18).toString("base64url");
  const { rows } = await db.query<{ email: string }>(`UPDATE users SET "passwordHash" = $2 WHERE id = $1 RETURNING email`, [userId, await hashPassword(password)]);
  const email = rows[0]?.email;
  if (!email) throw new Error("the bench member does not exist");

  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: "true" }),
  });
  const session = cookiesOf(res);
  if (!/session-token=/.test(session)) throw new Error(`signing in as ${email} failed: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  return session;
}

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

// A member's session for code that runs outside a browser request: a test calling a server action, a
// page or getOrgContext() as that member, without mocking modules (tests/kit/session.ts withSession).
// Inside `runAsMember(member, fn)`, getSession() (core/auth/context.ts) answers that member's session —
// AsyncLocalStorage, so only code called from `fn` sees it; no request can set it, and the membership
// is still checked in the database as for a real session. Refused in a production server.
import { AsyncLocalStorage } from "node:async_hooks";

export type ScopedMember = { userId: string; organizationId: string };

const scope = new AsyncLocalStorage<ScopedMember>();

export function runAsMember<T>(member: ScopedMember, fn: () => Promise<T>): Promise<T> {
  if (process.env.NODE_ENV === "production") throw new Error("runAsMember is for tests and scripts, not a production server");
  return scope.run(member, fn);
}

/** The member of the enclosing runAsMember, or null (always null in a request). */
export function memberInScope(): ScopedMember | null {
  return scope.getStore() ?? null;
}

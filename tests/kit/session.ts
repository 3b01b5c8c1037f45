// The test kit's session (issue 18.5): runs code as a member, the way a signed-in browser would —
// server actions, pages that call requireOrgContext(), anything that reads getOrgContext() — without
// vi.mock. The membership is checked in the database as for a real session (a removed member gets
// "Your session has ended").
//
//   const res = await withSession(await org.as("staff"), () => createGreetingAction({ message: "Hi" }));
import type { OrgContext } from "@/core/auth/context";
import { runAsMember } from "@/core/auth/session-scope";

export function withSession<T>(ctx: Pick<OrgContext, "user" | "organization">, fn: () => Promise<T>): Promise<T> {
  return runAsMember({ userId: ctx.user.id, organizationId: ctx.organization.id }, fn);
}

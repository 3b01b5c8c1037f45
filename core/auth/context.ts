// The organization context of the current request: who is acting, in which organization, with which
// role, and a database handle already scoped to that organization. Pages, server actions and route
// handlers get their data access from here, so a query cannot forget its organization.
import "server-only";
import { cache } from "react";
import { getServerSession, type Session } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { rootDb } from "@/core/db/client";
import { scopedDb, type ScopedDb } from "@/core/db/scoped";
import { currentRequestId } from "@/core/http/request-id";
import { authOptions } from "./options";
import { memberInScope } from "./session-scope";
import { can, type Capability, type Role } from "./roles";

export type OrgSummary = { id: string; name: string; slug: string; timezone: string; currency: string; locale: string };

export type OrgContext = {
  /** `language`: the UI language the member chose (users.language), null for "the organization's" (core/i18n). */
  user: { id: string; name: string; email: string; language?: string | null };
  organization: OrgSummary;
  role: Role;
  memberships: { organization: OrgSummary; role: Role }[];
  db: ScopedDb;
  requestId?: string;
  can: (capability: Capability) => boolean;
  /**
   * What the request already loaded about the member's plugin access (API token requests load it with
   * the token, core/api-tokens/verify.ts): permission checks then need no query of their own. Absent
   * for sessions, jobs and tests: the checks load it (core/plugins/permissions.ts).
   */
  access?: PreloadedAccess;
};

export type PreloadedAccess = { enabledPluginIds: ReadonlySet<string>; permissions: readonly string[]; groups: readonly string[] };

const ORG_SELECT = { id: true, name: true, slug: true, timezone: true, currency: true, locale: true } as const;

/**
 * The signed-in session, or null. Outside a request — a test's HTTP harness calling a route handler,
 * a script — Next's headers()/cookies() throw "called outside a request scope": there is no browser
 * session then, so a handler answers 401 as it would to a request without cookies, not a 500.
 */
export const getSession = cache(async () => {
  // A member set by runAsMember (tests, scripts): their session, checked against the database below like any other.
  const scoped = memberInScope();
  if (scoped) return { user: { id: scoped.userId }, organizationId: scoped.organizationId, expires: "" } satisfies Session;
  try {
    return await getServerSession(authOptions);
  } catch (err) {
    if (err instanceof Error && /outside a request scope/.test(err.message)) return null;
    throw err;
  }
});

/** Reads the session and re-checks the membership in the database on every request (roles can change). */
export const getOrgContext = cache(async (): Promise<OrgContext | null> => {
  const session = await getSession();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadOrgContext(userId, session.organizationId, await currentRequestId());
});

/**
 * The context of `userId` acting in `preferredOrganizationId` (falling back to their first active
 * membership when that is not one of theirs). Null when the user has no active membership at all.
 * Used by the session path above, and by API tokens, jobs and tests that have no browser session.
 */
export async function loadOrgContext(userId: string, preferredOrganizationId: string | null | undefined, requestId?: string): Promise<OrgContext | null> {
  const user = await rootDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true, name: true, email: true, language: true,
      memberships: {
        where: { organization: { active: true } },
        orderBy: { createdAt: "asc" },
        select: { role: true, organization: { select: ORG_SELECT } },
      },
    },
  });
  if (!user || user.memberships.length === 0) return null;
  // A stale session (membership removed, organization deactivated) falls back to the first membership.
  const active = user.memberships.find((m) => m.organization.id === preferredOrganizationId) ?? user.memberships[0]!;
  return orgContextOf({ id: user.id, name: user.name, email: user.email, language: user.language }, active.organization, active.role, user.memberships, requestId);
}

/** The OrgContext of a member whose user, organization and role are already loaded. */
export function orgContextOf(
  user: OrgContext["user"],
  organization: OrgSummary,
  role: Role,
  memberships: OrgContext["memberships"],
  requestId?: string,
  access?: PreloadedAccess,
): OrgContext {
  return {
    user,
    organization,
    role,
    memberships,
    // Built on first use: a REST call served entirely on the hot pg pool (core/db/pg.ts) then never
    // creates this process's Prisma client at all (about 80 MB of memory).
    get db() {
      return scopedDb(organization.id);
    },
    requestId,
    can: (capability) => can(role, capability),
    ...(access ? { access } : {}),
  };
}

/** For pages and actions: signed-in member of an active organization, or off to the login page. */
export async function requireOrgContext(): Promise<OrgContext> {
  const ctx = await getOrgContext();
  if (!ctx) redirect("/login");
  return ctx;
}

/** Like requireOrgContext, and renders the 403 page when the role lacks the capability. */
export async function requireCapability(capability: Capability): Promise<OrgContext> {
  const ctx = await requireOrgContext();
  if (!ctx.can(capability)) forbidden();
  return ctx;
}

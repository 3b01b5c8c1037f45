// runAsMember (core/auth/session-scope.ts), the session behind the test kit's withSession: only code
// called inside it sees the member; the membership is checked in the database like a real session's;
// a production server refuses it.
import "@/app/_plugins/runtime";
import { afterEach, describe, expect, it } from "vitest";
import { getOrgContext } from "@/core/auth/context";
import { runAsMember } from "@/core/auth/session-scope";
import { rootDb } from "@/core/db/client";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";

const nodeEnv = process.env.NODE_ENV;
afterEach(() => {
  (process.env as Record<string, string | undefined>).NODE_ENV = nodeEnv;
});

describe("runAsMember", () => {
  it("is the member's session inside, nobody's outside, and follows the membership in the database", async () => {
    const org = await createTestOrganization("Scope Clinic");
    const member = { userId: org.members.staff.id, organizationId: org.org.id };
    expect(await getOrgContext()).toBeNull();
    const inside = await runAsMember(member, () => getOrgContext());
    expect([inside?.user.id, inside?.organization.name, inside?.role]).toEqual([org.members.staff.id, "Scope Clinic", "staff"]);
    expect(await getOrgContext()).toBeNull();

    await rootDb().membership.deleteMany({ where: { organizationId: org.org.id, userId: org.members.staff.id } });
    expect(await runAsMember(member, () => getOrgContext())).toBeNull();
  });

  it("is refused in a production server", async () => {
    const org = await createTestOrganization();
    (process.env as Record<string, string | undefined>).NODE_ENV = "production";
    expect(() => runAsMember({ userId: org.members.owner.id, organizationId: org.org.id }, () => getOrgContext())).toThrow(/not a production server/);
  });
});

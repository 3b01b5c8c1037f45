// Changes of security state are audited like record changes: a member's permission grants replaced
// (core.permissions.changed), API tokens created and revoked (core.api_token.created / .revoked) —
// each entry written in the transaction of the change, naming who did it to whom, and never holding
// the token or its hash.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "@/core/api-tokens/tokens";
import { hashToken } from "@/core/api-tokens/format";
import { rootDb } from "@/core/db/client";
import { replaceMemberPluginGrants } from "@/core/plugins/member-grants";
import { AUDIT_PERMISSIONS as P } from "../permissions";
import { auditClinic, entriesOf, expectIntact } from "./helpers";

describe("permission grants", () => {
  it("records who granted and revoked which permissions and groups of whom; an unchanged save records nothing", async () => {
    const org = await auditClinic("Grants Clinic");
    const admin = await org.as("admin");
    const staff = org.members.staff;
    const first = await replaceMemberPluginGrants(admin, { userId: staff.id, pluginId: "audit", groups: [], permissions: [P.view, P.export] });
    expect(first.ok).toBe(true);
    const second = await replaceMemberPluginGrants(admin, { userId: staff.id, pluginId: "audit", groups: ["audit.auditor"], permissions: [P.view] });
    expect(second.ok).toBe(true);
    await replaceMemberPluginGrants(admin, { userId: staff.id, pluginId: "audit", groups: ["audit.auditor"], permissions: [P.view] }); // nothing changed

    const entries = await entriesOf(org.org.id, { action: "permissions_changed" });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      actorType: "user", actorId: admin.user.id, targetType: "member", targetId: staff.id, targetLabel: staff.email,
      changes: [{ field: "Audit log permissions", before: [], after: [P.view, P.export] }],
    });
    expect(entries[1]!.changes).toEqual([
      { field: "Audit log permissions", before: [P.export, P.view].sort(), after: [P.view] },
      { field: "Audit log groups", before: [], after: ["audit.auditor"] },
    ]);
    await expectIntact(org.org.id);
  });

  it("records nothing for a refused change (own permissions)", async () => {
    const org = await auditClinic("Refused Grants Clinic");
    const admin = await org.as("admin");
    const res = await replaceMemberPluginGrants(admin, { userId: admin.user.id, pluginId: "audit", groups: [], permissions: [P.view] });
    expect(res.ok).toBe(false);
    expect(await entriesOf(org.org.id, { action: "permissions_changed" })).toEqual([]);
  });
});

describe("API tokens", () => {
  it("records creating and revoking a token by id, name and prefix — the token and its hash are nowhere in the log", async () => {
    const org = await auditClinic("Token Clinic");
    const staff = await org.as("staff");
    const owner = await org.as("owner");
    const made = await createApiToken(staff, { name: "nightly sync", expiresIn: "30" });
    if (!made.ok) throw new Error(made.error);
    const id = made.summary.id;
    expect(await revokeApiToken(owner, id)).toMatchObject({ ok: true, alreadyRevoked: false });
    expect(await revokeApiToken(owner, id)).toMatchObject({ ok: true, alreadyRevoked: true }); // no second entry

    const entries = await entriesOf(org.org.id, { targetType: "api_token" });
    expect(entries.map((e) => [e.action, e.actorId, e.targetId])).toEqual([
      ["token_created", staff.user.id, id],
      ["token_revoked", owner.user.id, id],
    ]);
    expect(entries[0]).toMatchObject({ targetLabel: `nightly sync (${made.summary.prefix}…)`, changes: [{ field: "owner", before: null, after: staff.user.id }, { field: "expires", before: null, after: made.summary.expiresAt!.toISOString() }] });
    expect(entries[1]!.changes).toEqual([{ field: "revoked", before: false, after: true }]);

    const secretPart = made.token.slice(made.summary.prefix.length); // the prefix is shown in the UI by design
    const leaks = await rootDb().$queryRaw<unknown[]>`
      SELECT 1 FROM audit_entries e WHERE e."organizationId" = ${org.org.id}::uuid
        AND (e::text LIKE ${`%${secretPart}%`} OR e::text LIKE ${`%${hashToken(made.token)}%`})`;
    expect(leaks).toHaveLength(0);
    const outbox = await rootDb().$queryRaw<unknown[]>`SELECT 1 FROM event_outbox o WHERE o::text LIKE ${`%${secretPart}%`}`;
    expect(outbox).toHaveLength(0);
    await expectIntact(org.org.id);
  });
});

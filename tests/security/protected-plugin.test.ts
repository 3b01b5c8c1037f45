// Issue 15.4: the audit trail cannot be paused quietly. The audit plugin is protected: only an owner
// can disable it, typing its name and giving a reason; the disabling (with the reason) and the
// re-enabling are entries of the chain; the Audit page shows the time between as a gap; owners see on
// the dashboard that it is off. Refused attempts change nothing. Through the Plugins page's server
// action (the member's role comes from the session) and the command line (a reason is required).
import "@/app/_plugins/runtime";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { OrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import { createPatient } from "@/core/patients/mutations";
import { disablePlugin } from "@/core/plugins/lifecycle";
import { protectedPluginsOff } from "@/core/plugins/protected-status";
import { enablePluginFor } from "@/core/testing/plugin-test-kit";
import { patientData } from "@/tests/helpers/fixtures";
import { auditClinic, entriesOf, expectIntact } from "@/plugins/audit/tests/helpers";
import { auditGaps } from "@/plugins/audit/queries/gaps";

const session = vi.hoisted(() => ({ ctx: null as OrgContext | null }));
vi.mock("@/core/auth/context", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/core/auth/context")>()),
  getOrgContext: async () => session.ctx,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { setPluginEnabledAction } = await import("@/core/plugins/enablement-actions");

beforeEach(() => {
  session.ctx = null;
});

const auditEnabled = async (orgId: string) =>
  (await rootDb().pluginInstallation.findUniqueOrThrow({ where: { organizationId_pluginId: { organizationId: orgId, pluginId: "audit" } } })).enabled;

describe("disabling the protected audit plugin", () => {
  it("refuses an admin, a wrong confirmation and a missing reason, and changes nothing", async () => {
    const org = await auditClinic("Protected Clinic");
    const before = (await entriesOf(org.org.id)).length;
    session.ctx = await org.as("admin");
    expect(await setPluginEnabledAction("audit", false, { confirmation: "Audit log", reason: "maintenance window" })).toEqual({
      ok: false,
      error: expect.stringMatching(/^Only an owner can disable Audit log: nothing done while the audit log is off is recorded/),
    });
    session.ctx = await org.as("owner");
    expect(await setPluginEnabledAction("audit", false, { confirmation: "Audit", reason: "maintenance window" })).toEqual({ ok: false, error: "Type “Audit log” to confirm that you want to disable it." });
    expect(await setPluginEnabledAction("audit", false, { confirmation: "audit log", reason: " " })).toEqual({
      ok: false,
      error: "Give a reason for disabling Audit log (at least 5 characters): it is recorded.",
    });
    // The command line (an operator on the server) needs a reason too.
    expect(await disablePlugin(org.org.id, "audit", { type: "system", name: "cli" }, { source: "cli" })).toMatchObject({ ok: false, error: expect.stringContaining("Give a reason") });
    expect(await auditEnabled(org.org.id)).toBe(true);
    expect(await entriesOf(org.org.id)).toHaveLength(before);
    expect(await protectedPluginsOff(org.org.id)).toEqual([]);
  });

  it("an owner's disabling is recorded with its reason; the gap until re-enabling is shown; owners are warned meanwhile", async () => {
    const org = await auditClinic("Gap Clinic");
    const owner = await org.as("owner");
    session.ctx = owner;
    expect(await setPluginEnabledAction("audit", false, { confirmation: "Audit log", reason: "Vendor maintenance, ticket 42" })).toMatchObject({ ok: true });
    expect(await auditEnabled(org.org.id)).toBe(false);
    expect((await entriesOf(org.org.id)).at(-1)).toMatchObject({
      action: "plugin_disabled",
      targetId: "audit",
      actorType: "user",
      actorId: owner.user.id,
      changes: expect.arrayContaining([{ field: "reason", before: null, after: "Vendor maintenance, ticket 42" }]),
    });
    expect(await protectedPluginsOff(org.org.id)).toEqual([
      expect.objectContaining({ pluginId: "audit", name: "Audit log", by: owner.user.name, reason: "Vendor maintenance, ticket 42", since: expect.any(Date) }),
    ]);

    // While it is off, a change is not recorded...
    const seqBefore = (await entriesOf(org.org.id)).length;
    expect((await createPatient(owner, patientData())).ok).toBe(true);
    expect(await entriesOf(org.org.id)).toHaveLength(seqBefore);

    // ...and after it is back the gap is on the record, from the disabling to the enabling.
    await enablePluginFor(org, "audit");
    expect(await protectedPluginsOff(org.org.id)).toEqual([]);
    const entries = await entriesOf(org.org.id);
    expect(entries.at(-1)).toMatchObject({ action: "plugin_enabled", targetId: "audit" });
    const gaps = await auditGaps(org.org.id);
    expect(gaps).toEqual([{ from: expect.any(String), to: expect.any(String), by: owner.user.name, reason: "Vendor maintenance, ticket 42" }]);
    expect(Date.parse(gaps[0]!.to!)).toBeGreaterThanOrEqual(Date.parse(gaps[0]!.from));
    await expectIntact(org.org.id);
  });

  it("an unprotected plugin is still disabled with one click by an admin", async () => {
    const org = await auditClinic("Plain Clinic", ["hello"]);
    session.ctx = await org.as("admin");
    expect(await setPluginEnabledAction("hello", false)).toMatchObject({ ok: true });
  });
});

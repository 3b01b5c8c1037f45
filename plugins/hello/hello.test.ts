// Hello against the real database and runtime, written with the plugin test kit.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { createPatient } from "@/core/patients/mutations";
import { hasPermission } from "@/core/plugins/permissions";
import { saveSettings } from "@/core/plugins/settings/store";
import { createTestOrganization, disablePluginFor, enablePluginFor, grant, readSettings, runJobsToCompletion } from "@/core/testing/plugin-test-kit";
import hello from "./plugin";

const patient = (mrn: string) => ({ firstName: "Ada", lastName: "Lovelace", dateOfBirth: "1980-12-10", medicalRecordNumber: mrn, phone: null, email: null, address: null, notes: null });
const messages = async (organizationId: string) =>
  (await rootDb().helloGreeting.findMany({ where: { organizationId }, orderBy: { createdAt: "asc" } })).map((g) => g.message);

describe("the Hello plugin", () => {
  it("greets the organization on first enable (once) and on every enable", async () => {
    const org = await createTestOrganization("Maple Clinic");
    await enablePluginFor(org, "hello");
    await disablePluginFor(org, "hello");
    await enablePluginFor(org, "hello");
    expect(await messages(org.org.id)).toEqual(["Welcome to Ritiko, Maple Clinic!", "Hello is now enabled.", "Hello is now enabled."]);
  });

  it("greets a new patient in the patient's own transaction, only while enabled and configured to", async () => {
    const org = await createTestOrganization();
    const ctx = await org.as("staff");
    await createPatient(ctx, patient("H-1"));
    expect(await messages(org.org.id)).toEqual([]);

    await enablePluginFor(org, "hello");
    await createPatient(ctx, patient("H-2"));
    expect(await messages(org.org.id)).toContain("Hello, Ada!");

    await rootDb().$transaction((tx) => saveSettings(tx, { manifest: hello, org: ctx.organization, input: { greetNewPatients: false }, actorUserId: ctx.user.id }));
    expect(await readSettings(org, "hello", "greetNewPatients")).toBe(false);
    const before = (await messages(org.org.id)).length;
    await createPatient(ctx, patient("H-3"));
    expect(await messages(org.org.id)).toHaveLength(before);
  });

  it("announces greetings after commit through the outbox", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "hello");
    expect(await rootDb().helloGreeting.count({ where: { organizationId: org.org.id, announcedAt: null } })).toBe(2);
    await runJobsToCompletion();
    expect(await rootDb().helloGreeting.count({ where: { organizationId: org.org.id, announcedAt: null } })).toBe(0);
  });

  it("grants its permissions through groups; owners have them all", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "hello");
    expect(await hasPermission(await org.as("owner"), "hello.manage_greetings")).toBe(true);
    expect(await hasPermission(await org.as("staff"), "hello.view_greetings")).toBe(false);
    await grant(org, "staff", { groups: ["hello.viewer"] });
    const staff = await org.as("staff");
    expect(await hasPermission(staff, "hello.view_greetings")).toBe(true);
    expect(await hasPermission(staff, "hello.manage_greetings")).toBe(false);
  });
});

// Organization-level entries: plugin enabled/disabled (also the audit plugin's own disabling),
// settings changed (a secret's value never recorded, anywhere), sign-ins, and masked patient and
// appointment fields.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { createAppointment, updateAppointment } from "@/core/appointments/mutations";
import { authenticate } from "@/core/auth/options";
import { rootDb } from "@/core/db/client";
import { createPatient, updatePatient } from "@/core/patients/mutations";
import { getPlugin } from "@/core/plugins/registry";
import { saveOrganizationSettingsAction } from "@/core/organization/actions";
import { saveSettings } from "@/core/plugins/settings/store";
import { disablePluginFor, enablePluginFor, TEST_PASSWORD } from "@/core/testing/plugin-test-kit";
import { patientData } from "@/tests/helpers/fixtures";
import { withSession } from "@/tests/kit/session";
import { auditClinic, entriesOf, expectIntact } from "./helpers";

async function save(org: Awaited<ReturnType<typeof auditClinic>>, pluginId: string, input: Record<string, unknown>) {
  const manifest = (await getPlugin(pluginId))!;
  const ctx = await org.as("admin");
  const res = await rootDb().$transaction((tx) =>
    saveSettings(tx, { manifest, org: ctx.organization, input, actorUserId: ctx.user.id, actor: { type: "user", id: ctx.user.id, name: ctx.user.name }, origin: { source: "form", requestId: "req-settings-01" } }),
  );
  if (!res.ok) throw new Error(res.error);
  return res;
}

describe("plugin transitions", () => {
  it("records enabling and disabling, including the audit plugin's own disabling", async () => {
    const org = await auditClinic("Plugins Clinic", ["hello"]);
    await disablePluginFor(org, "hello");
    await disablePluginFor(org, "audit");
    await enablePluginFor(org, "hello"); // audit is off: not recorded
    const entries = await entriesOf(org.org.id);
    expect(entries.map((e) => [e.seq, e.action, e.targetId])).toEqual([
      [1, "plugin_enabled", "audit"],
      [2, "plugin_enabled", "hello"],
      [3, "plugin_disabled", "hello"],
      [4, "plugin_disabled", "audit"],
    ]);
    expect(entries[1]).toMatchObject({ actorType: "system", actorLabel: "system (test)", targetType: "plugin", targetLabel: "Hello", changes: [{ field: "enabled", before: false, after: true }, { field: "version", before: null, after: "2.0.0" }] });
    // Enabled again later: the chain continues where it stopped.
    await enablePluginFor(org, "audit");
    expect((await entriesOf(org.org.id)).at(-1)).toMatchObject({ seq: 5, action: "plugin_enabled", targetId: "audit" });
    await expectIntact(org.org.id);
  });
});

describe("settings", () => {
  it("records changed keys with before/after, and only 'changed' for a secret — its value is nowhere in the log", async () => {
    const org = await auditClinic("Settings Clinic", ["hello"]);
    const secret = "whsec-THE-VALUE-NEVER-LOGGED-7731";
    await save(org, "hello", { greeting: "Welcome", webhookToken: secret });
    const [entry] = await entriesOf(org.org.id, { action: "settings_changed" });
    expect(entry).toMatchObject({ targetType: "settings", targetId: "hello", targetLabel: "Hello settings", actorType: "user", actorId: org.members.admin.id, requestId: "req-settings-01" });
    expect(entry!.changes).toEqual([
      { field: "greeting", before: "Hello", after: "Welcome" },
      { field: "webhookToken", before: null, after: null, redacted: "secret" },
    ]);
    const leaks = await rootDb().$queryRaw<unknown[]>`SELECT 1 FROM audit_entries WHERE "organizationId" = ${org.org.id}::uuid AND audit_entries::text LIKE ${`%${secret.slice(6, 20)}%`}`;
    expect(leaks).toHaveLength(0);
  });
});

describe("sign-in", () => {
  it("records a login in the organization the session starts in, with the IP; a failed one records nothing", async () => {
    const org = await auditClinic("Login Clinic");
    const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    await expect(authenticate(org.members.viewer.email, "wrong password", ip)).rejects.toThrow();
    await authenticate(org.members.viewer.email, TEST_PASSWORD, ip);
    const logins = await entriesOf(org.org.id, { action: "login" });
    expect(logins).toMatchObject([{ actorType: "user", actorId: org.members.viewer.id, targetType: "session", targetId: org.members.viewer.id, targetLabel: org.members.viewer.email, ip }]);
  });
});

describe("masked patient fields", () => {
  it("records masked fields as changed with ••• (notes by default, configurable), and keeps them out of labels", async () => {
    const org = await auditClinic("Mask Clinic");
    const ctx = await org.as("staff");
    const data = patientData({ firstName: "Mia", lastName: "Wong", medicalRecordNumber: "MRN-M1" });
    const p = await createPatient(ctx, { ...data, notes: "diagnosis: something private" });
    if (!p.ok) throw new Error(p.error);
    await updatePatient(ctx, p.data.id, { ...data, notes: "another private note", phone: "+1 555 0199" });
    let [, updated] = await entriesOf(org.org.id, { targetType: "core.patient" });
    expect(updated!.changes).toEqual([
      { field: "phone", before: null, after: "+1 555 0199" },
      { field: "notes", before: "•••", after: "•••", redacted: "masked" },
    ]);

    await save(org, "audit", { maskedPatientFields: ["notes", "lastName", "phone"] });
    await updatePatient(ctx, p.data.id, { ...data, lastName: "Wang", notes: null, phone: "+1 555 0100" });
    updated = (await entriesOf(org.org.id, { targetType: "core.patient" })).at(-1);
    expect(updated!.changes).toEqual([
      { field: "lastName", before: "•••", after: "•••", redacted: "masked" },
      { field: "phone", before: "•••", after: "•••", redacted: "masked" },
      { field: "notes", before: "•••", after: null, redacted: "masked" },
    ]);
    expect(updated!.targetLabel).toBe("Patient MRN-M1");
    const leaks = await rootDb().$queryRaw<unknown[]>`SELECT 1 FROM audit_entries WHERE "organizationId" = ${org.org.id}::uuid AND (changes::text LIKE '%private%' OR changes::text LIKE '%Wang%')`;
    expect(leaks).toHaveLength(0);
  });
});

describe("masked appointment fields", () => {
  it("records appointment notes as ••• by default, other masked fields when configured, and keeps them out of the label", async () => {
    const org = await auditClinic("Appointment Mask Clinic");
    const ctx = await org.as("staff");
    const p = await createPatient(ctx, patientData());
    if (!p.ok) throw new Error(p.error);
    const base = { patientId: p.data.id, startsAt: "2030-02-01T09:00:00.000Z", endsAt: "2030-02-01T09:30:00.000Z", provider: "Dr Ivy", status: "scheduled" as const };
    const a = await createAppointment(ctx, { ...base, notes: "suspected private condition" });
    if (!a.ok) throw new Error(a.error);
    await updateAppointment(ctx, a.data.id, { ...base, notes: "follow-up: another private detail", status: "completed" });
    const [createdEntry, updatedEntry] = await entriesOf(org.org.id, { targetType: "core.appointment" });
    expect(createdEntry!.changes).toContainEqual({ field: "notes", before: null, after: "•••", redacted: "masked" });
    expect(updatedEntry!.changes).toEqual([
      { field: "status", before: "scheduled", after: "completed" },
      { field: "notes", before: "•••", after: "•••", redacted: "masked" },
    ]);
    expect(updatedEntry!.targetLabel).toBe("Appointment 2030-02-01 09:00 UTC with Dr Ivy");

    await save(org, "audit", { maskedAppointmentFields: ["notes", "provider"] });
    await updateAppointment(ctx, a.data.id, { ...base, provider: "Dr Oak", notes: null, status: "completed" });
    const last = (await entriesOf(org.org.id, { targetType: "core.appointment" })).at(-1)!;
    expect(last.changes).toEqual([
      { field: "provider", before: "•••", after: "•••", redacted: "masked" },
      { field: "notes", before: "•••", after: null, redacted: "masked" },
    ]);
    expect(last.targetLabel).toBe("Appointment");
    const leaks = await rootDb().$queryRaw<unknown[]>`SELECT 1 FROM audit_entries WHERE "organizationId" = ${org.org.id}::uuid AND (audit_entries::text LIKE '%private%' OR audit_entries::text LIKE '%Dr Oak%')`;
    expect(leaks).toHaveLength(0);
    // The patient setting does not apply to appointments, nor the appointment one to patients.
    expect((await entriesOf(org.org.id, { targetType: "core.patient" }))[0]!.changes.some((c) => c.redacted === "masked" && c.field !== "notes")).toBe(false);
    await expectIntact(org.org.id);
  });
});

describe("organization settings", () => {
  it("records who changed which of the organization's settings, before and after; a save that changes nothing records nothing", async () => {
    const org = await auditClinic("Locale Clinic");
    const owner = await org.as("owner");
    const input = { name: "Locale Clinic", timezone: "Europe/Madrid", currency: "EUR", locale: "es-ES" };
    expect(await withSession(owner, () => saveOrganizationSettingsAction(input))).toMatchObject({ ok: true });
    expect(await withSession(owner, () => saveOrganizationSettingsAction(input))).toMatchObject({ ok: true, data: { changed: [] } });
    const entries = await entriesOf(org.org.id, { targetType: "organization" });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "settings_changed",
      actorType: "user",
      actorUserId: owner.user.id,
      targetId: org.org.id,
      targetLabel: "Locale Clinic settings",
      source: "form",
      changes: [
        { field: "timezone", before: "UTC", after: "Europe/Madrid" },
        { field: "currency", before: "USD", after: "EUR" },
        { field: "locale", before: "en-US", after: "es-ES" },
      ],
    });
    await expectIntact(org.org.id);
  });
});


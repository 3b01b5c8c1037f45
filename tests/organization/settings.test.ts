// The organization's own settings (/settings/organization): owners and admins save the name, time
// zone, currency and locale through the server action; staff and viewers are refused with nothing
// written; bad values are refused per field with nothing written; a save that changes nothing writes
// nothing and emits nothing; the new locale is what the next request's context formats with.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { loadOrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import { orgFormat } from "@/core/format/org-format";
import { saveOrganizationSettingsAction } from "@/core/organization/actions";
import { createTestOrganization } from "@/core/testing/plugin-test-kit";
import { withSession } from "@/tests/kit/session";

const stored = (id: string) => rootDb().organization.findUniqueOrThrow({ where: { id }, select: { name: true, timezone: true, currency: true, locale: true } });
const good = { name: "Clínica Sol", timezone: "Europe/Madrid", currency: "eur", locale: "es-ES" };

describe("organization settings", () => {
  it("an admin saves name, time zone, currency and locale; the next request formats with them", async () => {
    const org = await createTestOrganization("Sun Clinic");
    const admin = await org.as("admin");
    const res = await withSession(admin, () => saveOrganizationSettingsAction(good));
    expect(res).toMatchObject({ ok: true, data: { changed: ["name", "timezone", "currency", "locale"] }, message: "Organization settings saved." });
    expect(await stored(org.org.id)).toEqual({ name: "Clínica Sol", timezone: "Europe/Madrid", currency: "EUR", locale: "es-ES" });
    const next = await loadOrgContext(admin.user.id, org.org.id);
    const fmt = orgFormat(next!.organization);
    expect(fmt.money("1234.5").replace(/\u00a0/g, " ")).toBe("1234,50 €");
    expect(fmt.dateTime("2026-03-08T14:30:00Z")).toBe("8 mar 2026, 15:30");
  });

  it("a save that changes nothing writes nothing", async () => {
    const org = await createTestOrganization("Still Clinic");
    const owner = await org.as("owner");
    const before = await rootDb().organization.findUniqueOrThrow({ where: { id: org.org.id }, select: { updatedAt: true } });
    const res = await withSession(owner, () => saveOrganizationSettingsAction({ name: "Still Clinic", timezone: "UTC", currency: "USD", locale: "en-US" }));
    expect(res).toMatchObject({ ok: true, data: { changed: [] }, message: "Nothing changed." });
    expect((await rootDb().organization.findUniqueOrThrow({ where: { id: org.org.id }, select: { updatedAt: true } })).updatedAt).toEqual(before.updatedAt);
  });

  it("refuses staff and viewers, and bad values field by field, with nothing written", async () => {
    const org = await createTestOrganization("Guarded Clinic");
    for (const role of ["staff", "viewer"] as const) {
      expect(await withSession(await org.as(role), () => saveOrganizationSettingsAction(good))).toEqual({ ok: false, error: "You do not have permission to do this." });
    }
    const res = await withSession(await org.as("owner"), () => saveOrganizationSettingsAction({ name: " ", timezone: "Mars/Olympus", currency: "XYZ", locale: "tlh" }));
    expect(res).toMatchObject({
      ok: false,
      fieldErrors: {
        name: "Give the organization a name",
        timezone: "Choose a time zone from the list, e.g. Europe/Madrid",
        currency: "Use a three-letter ISO 4217 code this server knows, e.g. EUR",
        locale: "Choose one of the listed locales",
      },
    });
    expect(await stored(org.org.id)).toEqual({ name: "Guarded Clinic", timezone: "UTC", currency: "USD", locale: "en-US" });
  });

  it("changes only the caller's organization, whatever the input says", async () => {
    const mine = await createTestOrganization("Mine Clinic");
    const theirs = await createTestOrganization("Theirs Clinic");
    await withSession(await mine.as("owner"), () => saveOrganizationSettingsAction({ ...good, organizationId: theirs.org.id, id: theirs.org.id }));
    expect((await stored(mine.org.id)).locale).toBe("es-ES");
    expect(await stored(theirs.org.id)).toEqual({ name: "Theirs Clinic", timezone: "UTC", currency: "USD", locale: "en-US" });
  });
});

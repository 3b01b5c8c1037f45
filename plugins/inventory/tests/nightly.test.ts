// The nightly check against the real database: which organizations are due at a given instant (each at
// its own local midnight), what one organization's check finds and mails, and that a night is mailed
// once however often the check runs — the last through the real executor with the app's own client
// and functions, as /api/inngest serves them.
import "@/app/_plugins/runtime";
import type { Inngest, InngestFunction } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pluginJobs } from "@/app/_plugins/jobs.generated";
import { rootDb } from "@/core/db/client";
import { saveSettings } from "@/core/plugins/settings/store";
import { createTestOrganization, disablePluginFor, enablePluginFor, type TestOrganization } from "@/core/testing/plugin-test-kit";
import { freePort } from "@/scripts/lib/free-port";
import { startHarness, waitForRun, type Harness } from "@/tests/jobs/harness";
import { sleep } from "@/tests/helpers/wait";
import {
  claimDueChecks,
  findNightlyReport,
  MAIL_SOURCE,
  nightlySummaryMail,
  sendNightlySummary,
  type NightlyReport,
} from "../jobs/nightly-check";
import inventory from "../plugin";

let h: Harness;
let inngest: Inngest;
let nightlyEvent: typeof import("../jobs/nightly-jobs").nightlyCheckEvent;

beforeAll(async () => {
  const port = await freePort();
  process.env.INNGEST_DEV = `http://127.0.0.1:${port}`;
  ({ inngest } = (await import("@/inngest/client")) as { inngest: Inngest });
  ({ nightlyCheckEvent: nightlyEvent } = await import("../jobs/nightly-jobs"));
  h = await startHarness("inventory-nightly", () => Object.values(pluginJobs).flat() as InngestFunction.Any[], { client: inngest, port });
});

afterAll(async () => {
  await h?.close();
});

async function clinic(name: string, timezone: string, settings: Record<string, unknown> = { notificationEmail: "stock@clinic.test" }) {
  const org = await createTestOrganization(name, timezone);
  await enablePluginFor(org, "inventory");
  const ctx = await org.as("admin");
  const res = await rootDb().$transaction((tx) => saveSettings(tx, { manifest: inventory, org: ctx.organization, input: settings, actorUserId: ctx.user.id }));
  if (!res.ok) throw new Error(res.error);
  return org;
}

type ItemSeed = { name: string; sku: string; quantity: number; threshold?: number; expiresOn?: string; unit?: string };
async function items(org: TestOrganization, seeds: ItemSeed[]) {
  await rootDb().inventoryItem.createMany({
    data: seeds.map((s) => ({
      organizationId: org.org.id,
      name: s.name,
      sku: s.sku,
      quantity: s.quantity,
      reorderThreshold: s.threshold ?? 10,
      unit: s.unit ?? "box",
      expiresOn: s.expiresOn ? new Date(`${s.expiresOn}T00:00:00Z`) : null,
    })),
  });
}

// Claims across the whole test database (other files' organizations are claimed too, harmlessly, at
// these made-up instants); assertions look at this file's organizations only.
const claim = async (at: string, by: string, mine: TestOrganization[]) => {
  const ids = new Set(mine.map((o) => o.org.id));
  return (await claimDueChecks(new Date(at), by, 1_000_000)).filter((c) => ids.has(c.organizationId));
};

const mailsOf = (organizationId: string) => rootDb().mailMessage.findMany({ where: { organizationId, source: MAIL_SOURCE } });

describe("which organizations are due", () => {
  it("claims each organization shortly after its own local midnight, once per local date", async () => {
    const tokyo = await clinic("Tokyo Clinic", "Asia/Tokyo");
    const newYork = await clinic("New York Clinic", "America/New_York");
    const london = await clinic("London Clinic", "Europe/London");
    const off = await clinic("Disabled Clinic", "Asia/Tokyo");
    await disablePluginFor(off, "inventory");
    // A zone PostgreSQL's tz database does not know is checked at UTC midnight, not never.
    const unknownZone = await clinic("Unknown Zone Clinic", "Mars/Olympus_Mons");
    const all = [tokyo, newYork, london, off, unknownZone];
    const tag = crypto.randomUUID();

    // 15:05 UTC on 10 March 2026: 00:05 on 11 March in Tokyo, 11:05 in New York (EDT), 15:05 in London.
    expect(await claim("2026-03-10T15:05:00Z", `${tag}:a`, all)).toEqual([{ organizationId: tokyo.org.id, localDate: "2026-03-11" }]);
    // The next tick claims nobody again; a replay of the same claim step gets its own claim back.
    expect(await claim("2026-03-10T15:20:00Z", `${tag}:b`, all)).toEqual([]);
    expect(await claim("2026-03-10T15:05:00Z", `${tag}:a`, all)).toEqual([{ organizationId: tokyo.org.id, localDate: "2026-03-11" }]);
    // Midnight in London (GMT), then in New York (UTC-4): each in turn, for its own date.
    expect(await claim("2026-03-11T00:01:00Z", `${tag}:c`, all)).toEqual(
      [london, unknownZone].map((o) => ({ organizationId: o.org.id, localDate: "2026-03-11" })).sort((a, b) => a.organizationId.localeCompare(b.organizationId)),
    );
    expect(await claim("2026-03-11T04:10:00Z", `${tag}:d`, all)).toEqual([{ organizationId: newYork.org.id, localDate: "2026-03-11" }]);
    // A night whose midnight tick was missed is made up within the catch-up window (05:30 in Tokyo)...
    expect(await claim("2026-03-11T20:30:00Z", `${tag}:e`, all)).toEqual([{ organizationId: tokyo.org.id, localDate: "2026-03-12" }]);
    // ...but not in the middle of the next day (07:00 in Tokyo on 13 March): that night waits.
    expect(await claim("2026-03-12T22:00:00Z", `${tag}:f`, all)).toEqual([]);
    expect(await rootDb().inventoryNightlyCheck.count({ where: { organizationId: off.org.id } })).toBe(0);
  });

  it("the fan-out is a 15-minute cron stored by the executor", async () => {
    const cron = await rootDb().jobCron.findFirst({ where: { functionId: "ritiko-inventory-nightly-fan-out" } });
    expect(cron?.cron).toBe("*/15 * * * *");
    expect(cron!.nextAt.getUTCMinutes() % 15).toBe(0);
  });
});

describe("one organization's check", () => {
  it("finds low and expiring items in one query each and lists them in the e-mail", async () => {
    const org = await clinic("Report Clinic", "Asia/Tokyo");
    await items(org, [
      { name: "Nitrile gloves", sku: "GLV-M", quantity: 2, threshold: 10 },
      { name: "Gauze swabs", sku: "GAUZE", quantity: 0, threshold: 5, unit: "pack" },
      { name: "Saline 500 ml", sku: "SAL-500", quantity: 24, expiresOn: "2026-03-01", unit: "bottle" },
      { name: "Lidocaine 1%", sku: "LIDO", quantity: 12, expiresOn: "2026-04-10", unit: "ampoule" },
      { name: "Paracetamol", sku: "PARA", quantity: 40, expiresOn: "2026-04-11" },
      { name: "Empty expired", sku: "EMPTY", quantity: 0, threshold: 0, expiresOn: "2026-01-01" },
      { name: "Printer paper", sku: "PAPER", quantity: 50 },
    ]);
    const report = (await findNightlyReport(org.org.id, "2026-03-11")) as NightlyReport;
    expect(report.lowStock).toEqual({
      total: 2,
      items: [
        expect.objectContaining({ sku: "GAUZE", quantity: 0, threshold: 5 }),
        expect.objectContaining({ sku: "GLV-M", quantity: 2, threshold: 10 }),
      ],
    });
    // Within 30 days of 11 March: the expired saline and the lidocaine (10 April); not 11 April.
    expect(report.expiring).toEqual({
      total: 2,
      items: [expect.objectContaining({ sku: "SAL-500", daysLeft: -10 }), expect.objectContaining({ sku: "LIDO", daysLeft: 30 })],
    });
    const mail = nightlySummaryMail(report);
    expect(mail.subject).toBe("Inventory check 2026-03-11: 2 items low on stock, 2 items expiring — Report Clinic");
    // The date and numbers in the organization's locale (en-US unless it chose another).
    expect(mail.text).toContain("Nightly inventory check for Report Clinic, March 11, 2026 (Asia/Tokyo).");
    // An organization in Spain gets the mail in Spanish, with its dates and numbers written its way.
    const inSpain = nightlySummaryMail({ ...report, organization: { ...report.organization, locale: "es-ES" } });
    expect(inSpain.subject).toBe("Revisión del inventario 2026-03-11: 2 artículos con existencias bajas, 2 artículos caducan — Report Clinic");
    expect(inSpain.text).toContain("Revisión nocturna del inventario de Report Clinic, 11 de marzo de 2026 (Asia/Tokyo).");
    expect(inSpain.text).toContain("  - Saline 500 ml (SAL-500): 24 bottles, caducó el 2026-03-01 (hace 10 días)");
    expect(inSpain.text).toContain("  - Gauze swabs (GAUZE): quedan 0 packs, umbral 5");
    expect(inSpain.text).not.toMatch(/items|threshold|expired/);
    expect(mail.text).toContain("  - Gauze swabs (GAUZE): 0 packs left, threshold 5");
    expect(mail.text).toContain("  - Nitrile gloves (GLV-M): 2 boxes left, threshold 10");
    expect(mail.text).toContain("  - Saline 500 ml (SAL-500): 24 bottles, expired on 2026-03-01 (10 days ago)");
    expect(mail.text).toContain("  - Lidocaine 1% (LIDO): 12 ampoules, expires on 2026-04-10 (in 30 days)");
    expect(mail.text).not.toContain("PARA");
    expect(mail.text).not.toContain("PAPER");
    expect(mail.text).not.toContain("EMPTY");
  });

  it("leaves out expiry when expiration alerts are off, and checks nothing without an address or with both alerts off", async () => {
    const noExpiry = await clinic("No Expiry Clinic", "UTC", { notificationEmail: "a@clinic.test", enableExpirationAlerts: false });
    await items(noExpiry, [{ name: "Old saline", sku: "SAL", quantity: 5, threshold: 1, expiresOn: "2026-01-01" }]);
    const report = (await findNightlyReport(noExpiry.org.id, "2026-03-11")) as NightlyReport;
    expect(report).toMatchObject({ lowStock: { total: 0 }, expiring: null });
    expect(await sendNightlySummary(report)).toEqual({ mailId: null, sent: "none", duplicate: false });

    const noAddress = await clinic("No Address Clinic", "UTC", {});
    await items(noAddress, [{ name: "Gloves", sku: "GLV", quantity: 1 }]);
    expect(await findNightlyReport(noAddress.org.id, "2026-03-11")).toEqual({ skipped: "No notification e-mail address is set." });

    const allOff = await clinic("Alerts Off Clinic", "UTC", { notificationEmail: "a@clinic.test", enableLowStockAlerts: false, enableExpirationAlerts: false });
    await items(allOff, [{ name: "Gloves", sku: "GLV", quantity: 1 }]);
    expect(await findNightlyReport(allOff.org.id, "2026-03-11")).toEqual({ skipped: "Low-stock and expiration alerts are both switched off." });
  });

  it("runs through the executor: one e-mail per organization and night, even when the check runs twice", async () => {
    const org = await clinic("Nightly Clinic", "America/New_York");
    await items(org, [
      { name: "Nitrile gloves", sku: "GLV-L", quantity: 3, threshold: 20 },
      { name: "Syringes", sku: "SYR-5", quantity: 100, threshold: 20, expiresOn: "2026-03-20" },
    ]);
    const check = { organizationId: org.org.id, localDate: "2026-03-11" };
    await inngest.send(nightlyEvent(check));
    const runId = await untilRun(org.org.id, 1);
    const done = await waitForRun(runId);
    expect(done.status).toBe("completed");
    const mails = await mailsOf(org.org.id);
    expect(mails).toHaveLength(1);
    expect(done.output).toEqual({ localDate: "2026-03-11", lowStock: 1, expiring: 1, mail: "caught", mailId: mails[0]!.id });
    expect(mails[0]).toMatchObject({ to: "stock@clinic.test", status: "caught", subject: "Inventory check 2026-03-11: 1 item low on stock, 1 item expiring — Nightly Clinic" });
    expect(mails[0]!.text).toContain("Nitrile gloves (GLV-L): 3 boxes left, threshold 20");
    expect(mails[0]!.text).toContain("Syringes (SYR-5): 100 boxes, expires on 2026-03-20 (in 9 days)");
    expect(await rootDb().inventoryNightlyCheck.findUniqueOrThrow({ where: { organizationId_checkedOn: { organizationId: org.org.id, checkedOn: new Date("2026-03-11") } } }))
      .toMatchObject({ status: "completed", lowStock: 1, expiring: 1, mailMessageId: mails[0]!.id });
    expect(await rootDb().jobConcurrency.findMany({ where: { runId }, select: { limit: true } })).toEqual([{ limit: 1 }]);

    // The same night again: the same event (a second fan-out), and a new event for the same night (a
    // manual re-send) — neither starts a second run; sending the summary once more mails nobody.
    await inngest.send(nightlyEvent(check));
    await h.inngest.send({ name: "inventory/nightly-check.requested", data: { ...check, checkKey: `${check.organizationId}:${check.localDate}` } });
    await sleep(600);
    expect(await rootDb().jobRun.count({ where: { functionId: "ritiko-inventory-nightly-check", organizationId: org.org.id } })).toBe(1);
    const again = await sendNightlySummary((await findNightlyReport(org.org.id, "2026-03-11")) as NightlyReport);
    expect(again).toMatchObject({ duplicate: true, mailId: mails[0]!.id });
    expect(await mailsOf(org.org.id)).toHaveLength(1);

    // The next night is a new check with its own e-mail.
    const next = await rootDb().jobRun.count({ where: { functionId: "ritiko-inventory-nightly-check", organizationId: org.org.id } });
    await inngest.send(nightlyEvent({ organizationId: org.org.id, localDate: "2026-03-12" }));
    const second = await untilRun(org.org.id, next + 1);
    expect((await waitForRun(second)).status).toBe("completed");
    expect((await mailsOf(org.org.id)).map((m) => m.subject).sort()).toEqual([
      "Inventory check 2026-03-11: 1 item low on stock, 1 item expiring — Nightly Clinic",
      "Inventory check 2026-03-12: 1 item low on stock, 1 item expiring — Nightly Clinic",
    ]);
  });

  it("sends no e-mail when nothing is low or expiring", async () => {
    const org = await clinic("All Fine Clinic", "Europe/London");
    await items(org, [{ name: "Printer paper", sku: "PAPER", quantity: 50, threshold: 5, expiresOn: "2027-01-01" }]);
    await inngest.send(nightlyEvent({ organizationId: org.org.id, localDate: "2026-03-11" }));
    const runId = await untilRun(org.org.id, 1);
    const done = await waitForRun(runId);
    expect(done.output).toEqual({ localDate: "2026-03-11", lowStock: 0, expiring: 0, mail: "none", mailId: null });
    expect(await mailsOf(org.org.id)).toHaveLength(0);
  });
});

/** The newest nightly-check run of the organization once it has `count` of them. */
async function untilRun(organizationId: string, count: number): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const runs = await rootDb().jobRun.findMany({ where: { functionId: "ritiko-inventory-nightly-check", organizationId }, orderBy: { createdAt: "desc" } });
    if (runs.length >= count) return runs[0]!.id;
    if (Date.now() > deadline) throw new Error(`no nightly-check run #${count} for ${organizationId}`);
    await sleep(25);
  }
}

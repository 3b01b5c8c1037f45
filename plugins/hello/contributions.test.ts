// Hello's page, widget, menu and digest job through the plugin test kit (tests/kit): what a member
// sees and what a run does, with no browser, no Next build and no mocks.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { createTestOrganization, enablePluginFor, grant } from "@/core/testing/plugin-test-kit";
import { runCron, runJob } from "@/tests/kit/jobs";
import { menuLabels } from "@/tests/kit/menu";
import { renderPage, renderWidget } from "@/tests/kit/page";
import { withSession } from "@/tests/kit/session";
import { createGreetingAction } from "./actions";
import { helloDigestRequested } from "./jobs";
import GreetingWidget from "./widgets/greeting-widget";

describe("Hello through the test kit", () => {
  it("renders its pages for members with hello.view_greetings: 403 without, 404 where disabled or unknown", async () => {
    const org = await createTestOrganization("Kit Page Clinic");
    await enablePluginFor(org, "hello");
    const owner = await renderPage(await org.as("owner"), "/hello");
    expect(owner.status).toBe(200);
    expect(owner.html).toContain("Welcome to Ritiko, Kit Page Clinic!");
    const [first] = await rootDb().helloGreeting.findMany({ where: { organizationId: org.org.id }, orderBy: { createdAt: "asc" }, take: 1 });
    expect((await renderPage(await org.as("owner"), `/hello/greetings/${first!.id}`)).html).toContain("Welcome to Ritiko");
    expect((await renderPage(await org.as("owner"), "/hello/nowhere")).status).toBe(404);
    expect((await renderPage(await org.as("staff"), "/hello")).status).toBe(403);
    await grant(org, "staff", { groups: ["hello.viewer"] });
    expect((await renderPage(await org.as("staff"), "/hello")).status).toBe(200);
    expect((await renderPage(await (await createTestOrganization()).as("owner"), "/hello")).status).toBe(404);
  });

  it("writes its dates the organization's way: its locale and its time zone", async () => {
    const org = await createTestOrganization("Kit Locale Clinic");
    await enablePluginFor(org, "hello");
    await rootDb().organization.update({ where: { id: org.org.id }, data: { locale: "es-ES", timezone: "Europe/Madrid" } });
    const [first] = await rootDb().helloGreeting.findMany({ where: { organizationId: org.org.id }, orderBy: { createdAt: "asc" }, take: 1 });
    const madrid = new Intl.DateTimeFormat("es-ES", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Madrid" }).format(first!.createdAt);
    const html = (await renderPage(await org.as("owner"), "/hello")).html.replace(/&nbsp;|\u00a0/g, " ");
    expect(html).toContain(madrid.replace(/\u00a0/g, " "));
  });

  it("shows its widget and its menu with today's greetings as the badge", async () => {
    const org = await createTestOrganization();
    expect(await menuLabels(org, "owner")).not.toContain("Hello › Greetings (2)");
    await enablePluginFor(org, "hello");
    expect(await renderWidget(GreetingWidget, { ctx: await org.as("owner") })).toContain(">2</span> greetings in the last 24 hours");
    expect(await menuLabels(org, "owner")).toContain("Hello › Greetings (2)");
    expect(await menuLabels(org, "viewer")).toEqual([]);
  });

  it("runs its server action as the signed-in member: allowed with hello.manage_greetings, refused without, and only in the member's organization", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "hello");
    const staff = await org.as("staff");
    expect(await withSession(staff, () => createGreetingAction({ message: "From staff" }))).toEqual({ ok: false, error: "You do not have permission to post greetings." });
    await grant(org, "staff", { groups: ["hello.manager"] });
    const posted = await withSession(staff, () => createGreetingAction({ message: "From staff" }));
    expect(posted).toMatchObject({ ok: true, message: "Greeting posted." });
    expect(await withSession(staff, () => createGreetingAction({ message: "" }))).toMatchObject({ ok: false, fieldErrors: { message: "Write a message" } });
    expect(await rootDb().helloGreeting.findMany({ where: { organizationId: org.org.id, message: "From staff" }, select: { createdById: true } })).toEqual([{ createdById: staff.user.id }]);
    // Outside any session: what a browser whose session expired gets.
    expect(await createGreetingAction({ message: "Nobody" })).toEqual({ ok: false, error: "Your session has ended. Please sign in again." });
    // A member of another organization acting with this organization's id falls back to their own membership.
    const other = await createTestOrganization();
    const stranger = await other.as("owner");
    await withSession({ user: stranger.user, organization: org.org as typeof stranger.organization }, () => createGreetingAction({ message: "Stranger" }));
    expect(await rootDb().helloGreeting.count({ where: { organizationId: org.org.id, message: "Stranger" } })).toBe(0);
  });

  it("runs the digest job through the embedded executor", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "hello");
    const run = await runJob("hello-digest", helloDigestRequested.create({ organizationId: org.org.id }));
    expect([run.status, run.output]).toEqual(["completed", { greetingsToday: 2, announced: 2 }]);
  });

  it("runs the daily cron now: one digest per organization with Hello enabled, this one's included", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "hello");
    const enabled = await rootDb().pluginInstallation.count({ where: { pluginId: "hello", enabled: true } });
    const tick = await runCron("hello-digest-fan-out", { timeoutMs: 60_000 });
    expect([tick.status, tick.output]).toEqual(["completed", { organizations: enabled }]);
    // The fan-out's event for this organization started its digest, which ran to the end.
    const digest = await rootDb().jobRun.findFirst({ where: { functionId: { endsWith: "-hello-digest" }, event: { name: "hello/digest.requested", data: { path: ["organizationId"], equals: org.org.id } } } });
    expect(digest).not.toBeNull();
    await expect.poll(async () => (await rootDb().jobRun.findUniqueOrThrow({ where: { id: digest!.id } })).status, { timeout: 60_000 }).toBe("completed");
  }, 150_000);
});

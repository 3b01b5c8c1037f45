// Enabling, disabling and upgrading plugins per organization, with dependencies and lifecycle hooks.
import { beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { disablePlugin, enablePlugin, onOrganizationCreated, syncPluginUpgrades } from "@/core/plugins/lifecycle";
import { registerPluginRegistry } from "@/core/plugins/registry";
import { definePlugin, type PluginManifest } from "@/core/plugins/types";
import { createOrganization } from "../helpers/fixtures";

const calls: string[] = [];
const actor = { type: "system" as const, name: "test" };
const hooks = (id: string) => ({
  onOrganizationCreated: ({ organization }: { organization: { slug: string } }) => void calls.push(`${id}:created:${organization.slug}`),
  onEnabled: ({ organization }: { organization: { slug: string } }) => void calls.push(`${id}:enabled:${organization.slug}`),
  onDisabled: ({ organization }: { organization: { slug: string } }) => void calls.push(`${id}:disabled:${organization.slug}`),
});

const alpha = definePlugin({ id: "alpha", name: "Alpha", version: "1.2.0", description: "A", author: "t", lifecycle: hooks("alpha") });
const beta = definePlugin({ id: "beta", name: "Beta", version: "1.0.0", description: "B", author: "t", dependencies: { alpha: "^1.0.0" }, lifecycle: hooks("beta") });
const picky = definePlugin({ id: "picky", name: "Picky", version: "1.0.0", description: "P", author: "t", dependencies: { alpha: "^2.0.0" } });
const broken = definePlugin({
  id: "broken", name: "Broken", version: "1.0.0", description: "F", author: "t",
  lifecycle: {
    onEnabled: async ({ tx, organization }) => {
      // Written in the transition's transaction, then the hook fails: the row must not survive.
      await tx.patient.create({ data: { organizationId: organization.id, firstName: "Ghost", lastName: "Row", dateOfBirth: new Date("2000-01-01"), medicalRecordNumber: "GHOST-1" } });
      throw new Error("the external service is down");
    },
  },
});
const peeker = definePlugin({
  id: "peeker", name: "Peeker", version: "1.0.0", description: "Counts what its hook can see", author: "t",
  lifecycle: { onEnabled: async ({ tx, organization }) => void calls.push(`peeker:sees:${await tx.patient.count()}:${organization.slug}`) },
});
const defaulted = definePlugin({
  id: "defaulted", name: "Defaulted", version: "1.0.0", description: "D", author: "t", enabledByDefault: true, lifecycle: hooks("defaulted"),
});
const upgraded = definePlugin({
  id: "upgraded", name: "Upgraded", version: "2.0.0", description: "U", author: "t",
  lifecycle: { onUpgrade: ({ fromVersion, toVersion, organization }) => void calls.push(`upgraded:${fromVersion}->${toVersion}:${organization.slug}`) },
});

beforeAll(() => {
  const all: PluginManifest[] = [alpha, beta, picky, broken, upgraded, defaulted, peeker];
  registerPluginRegistry(Object.fromEntries(all.map((p) => [p.id, async () => ({ default: p })])));
});

const installation = (organizationId: string, pluginId: string) =>
  rootDb().pluginInstallation.findUnique({ where: { organizationId_pluginId: { organizationId, pluginId } } });

describe("plugin enablement", () => {
  it("enables per organization, runs organization-created once and enabled/disabled per transition", async () => {
    const a = await createOrganization();
    const b = await createOrganization();
    const slug = a.org.slug;
    expect(await enablePlugin(a.org.id, "alpha", actor)).toEqual({ ok: true, message: `Alpha enabled for ${a.org.name}.` });
    expect(await enablePlugin(a.org.id, "alpha", actor)).toMatchObject({ ok: false, error: `Alpha is already enabled for ${a.org.name}.` });
    expect((await disablePlugin(a.org.id, "alpha", actor)).ok).toBe(true);
    expect((await enablePlugin(a.org.id, "alpha", actor)).ok).toBe(true);
    expect(calls.filter((c) => c.endsWith(`:${slug}`))).toEqual([`alpha:created:${slug}`, `alpha:enabled:${slug}`, `alpha:disabled:${slug}`, `alpha:enabled:${slug}`]);
    expect(await installation(a.org.id, "alpha")).toMatchObject({ enabled: true, version: "1.2.0" });
    expect(await installation(b.org.id, "alpha")).toBeNull();
    const runs = await rootDb().pluginLifecycleRun.findMany({ where: { organizationId: a.org.id, pluginId: "alpha" }, orderBy: { id: "asc" } });
    expect(runs.map((r) => `${r.hook}:${r.status}`)).toEqual(["organization_created:succeeded", "enabled:succeeded", "disabled:succeeded", "enabled:succeeded"]);
  });

  it("enforces dependencies in both directions with clear messages", async () => {
    const { org } = await createOrganization();
    expect(await enablePlugin(org.id, "beta", actor)).toEqual({ ok: false, error: "Enabling Beta needs Alpha enabled first." });
    expect(await enablePlugin(org.id, "picky", actor)).toEqual({ ok: false, error: "Picky needs Alpha ^2.0.0, but 1.2.0 is installed." });
    expect((await enablePlugin(org.id, "alpha", actor)).ok).toBe(true);
    expect((await enablePlugin(org.id, "beta", actor)).ok).toBe(true);
    expect(await disablePlugin(org.id, "alpha", actor)).toEqual({ ok: false, error: "Alpha cannot be disabled while Beta is enabled (it depends on it)." });
    expect((await disablePlugin(org.id, "beta", actor)).ok).toBe(true);
    expect((await disablePlugin(org.id, "alpha", actor)).ok).toBe(true);
    expect(await enablePlugin(org.id, "nope", actor)).toMatchObject({ ok: false, error: expect.stringMatching(/^Unknown plugin "nope"/) });
  });

  it("rolls the whole transition back when a hook fails, and records the failure", async () => {
    const { org } = await createOrganization();
    const res = await enablePlugin(org.id, "broken", actor);
    expect(res).toEqual({ ok: false, error: "Broken: the enabled hook failed: the external service is down" });
    expect(await installation(org.id, "broken")).toBeNull();
    expect(await rootDb().patient.count({ where: { organizationId: org.id, medicalRecordNumber: "GHOST-1" } })).toBe(0);
    const runs = await rootDb().pluginLifecycleRun.findMany({ where: { organizationId: org.id, pluginId: "broken" } });
    // The organization_created run rolled back with the transition; only the failure is recorded.
    expect(runs.map((r) => [r.hook, r.status, r.error])).toEqual([["enabled", "failed", "Broken: the enabled hook failed: the external service is down"]]);
  });

  it("applies an upgrade once per organization when the installed version is newer", async () => {
    const { org } = await createOrganization();
    await rootDb().pluginInstallation.create({ data: { organizationId: org.id, pluginId: "upgraded", enabled: true, version: "1.0.0" } });
    await syncPluginUpgrades(actor);
    await syncPluginUpgrades(actor);
    expect(calls.filter((c) => c === `upgraded:1.0.0->2.0.0:${org.slug}`)).toHaveLength(1);
    expect(await installation(org.id, "upgraded")).toMatchObject({ version: "2.0.0" });
  });

  it("sets up a new organization: enabledByDefault plugins are enabled with organization-created and enabled hooks, once", async () => {
    const org = await rootDb().organization.create({ data: { name: "New Clinic", slug: `new-${crypto.randomUUID().slice(0, 8)}` } });
    await rootDb().$transaction((tx) => onOrganizationCreated(tx, org.id, actor));
    expect(calls.filter((c) => c.endsWith(`:${org.slug}`))).toEqual([`defaulted:created:${org.slug}`, `defaulted:enabled:${org.slug}`]);
    expect(await installation(org.id, "defaulted")).toMatchObject({ enabled: true, version: "1.0.0" });
    expect(await installation(org.id, "alpha")).toBeNull();
    // Disabling and enabling again does not repeat the organization set-up.
    expect((await disablePlugin(org.id, "defaulted", actor)).ok).toBe(true);
    expect((await enablePlugin(org.id, "defaulted", actor)).ok).toBe(true);
    expect(calls.filter((c) => c === `defaulted:created:${org.slug}`)).toHaveLength(1);
  });

  it("gives hooks a transaction scoped to their organization", async () => {
    const a = await createOrganization();
    const b = await createOrganization();
    await rootDb().patient.create({ data: { organizationId: b.org.id, firstName: "Other", lastName: "Org", dateOfBirth: new Date("1990-01-01"), medicalRecordNumber: "OTHER-1" } });
    expect((await enablePlugin(a.org.id, "peeker", actor)).ok).toBe(true);
    expect(calls).toContain(`peeker:sees:0:${a.org.slug}`);
  });

  it("does not run upgrades for organizations where the plugin is disabled (enabling catches up)", async () => {
    const { org } = await createOrganization();
    await rootDb().pluginInstallation.create({ data: { organizationId: org.id, pluginId: "upgraded", enabled: false, version: "1.0.0" } });
    await syncPluginUpgrades(actor);
    expect(calls.filter((c) => c === `upgraded:1.0.0->2.0.0:${org.slug}`)).toHaveLength(0);
    expect((await enablePlugin(org.id, "upgraded", actor)).ok).toBe(true);
    expect(calls.filter((c) => c === `upgraded:1.0.0->2.0.0:${org.slug}`)).toHaveLength(1);
    expect(await installation(org.id, "upgraded")).toMatchObject({ version: "2.0.0", enabled: true });
  });
});

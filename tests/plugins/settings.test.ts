// Plugin settings: the zod builder's rules per type, saving (field, cross-field and organization-aware
// validation, dependent fields, change handlers and rollback), secrets encrypted at rest, versioned
// migrations, and the save action's access rules — against the real database.
import crypto from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { OrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import { registerPluginRegistry } from "@/core/plugins/registry";
import { SecretDecryptionError } from "@/core/plugins/settings/crypto";
import { describeSettingsFields, SECRET_CLEAR, toFormValues, type SettingFieldRules } from "@/core/plugins/settings/fields";
import { compareVersions, pendingSettingsMigrations, runSettingsMigrations } from "@/core/plugins/settings/migrations";
import { defineSettings } from "@/core/plugins/settings/schema";
import { getSettings, saveSettings, settingsAccess } from "@/core/plugins/settings/store";
import { activeSettingKeys, settingsZodSchema } from "@/core/plugins/settings/zod";
import { definePlugin, type PluginManifest, type PluginOrganization } from "@/core/plugins/types";
import { createOrganization } from "../helpers/fixtures";

// The save action reads the session through getOrgContext: tests choose who is signed in.
const session = vi.hoisted(() => ({ ctx: null as OrgContext | null }));
vi.mock("@/core/auth/context", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/core/auth/context")>()),
  getOrgContext: async () => session.ctx,
}));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock("next/cache", () => ({ revalidatePath }));

const { savePluginSettingsAction } = await import("@/core/plugins/settings/actions");

// `npm test` passes a key; keep the file runnable on its own too.
process.env.RITIKO_SECRETS_KEY ??= crypto.randomBytes(32).toString("base64");

const changes: { key: string; old: unknown; new: unknown; organization: PluginOrganization }[] = [];

const kitchenSink = definePlugin({
  id: "settings-test",
  name: "Settings test",
  version: "1.0.0",
  description: "Every settings feature.",
  author: "tests",
  settings: defineSettings({
    fields: {
      alerts: { type: "boolean", default: false, label: "Alerts", category: "Alerts" },
      threshold: {
        type: "integer", default: 10, min: 1, max: 100, label: "Threshold", category: "Alerts",
        dependsOn: { key: "alerts", equals: true },
        onChange: (c) => {
          if (c.new === 99) throw new Error("99 is reserved for the stock-take.");
          changes.push({ key: "threshold", old: c.old, new: c.new, organization: c.organization });
        },
      },
      price: { type: "decimal", default: "9.99", min: "0", max: "1000", scale: 2, label: "Price" },
      contact: { type: "text", default: "", format: "email", label: "Contact e-mail" },
      webhook: { type: "text", default: "", format: "url", label: "Webhook" },
      code: { type: "text", default: "AB-1", maxLength: 10, pattern: { regex: "^[A-Z]{2}-\\d+$", message: "Use two capitals, a dash and digits (AB-12)" }, label: "Code" },
      mode: {
        type: "choice", default: "daily", options: [{ value: "daily", label: "Daily" }, { value: "weekly", label: "Weekly" }], label: "Digest",
        validate: (v, org) => (v === "weekly" && org.timezone === "UTC" ? `Weekly digests need a local time zone (${org.name} is on UTC)` : null),
        onChange: (c) => void changes.push({ key: "mode", old: c.old, new: c.new, organization: c.organization }),
      },
      rules: { type: "json", default: { levels: [1] }, schema: z.object({ levels: z.array(z.number().int()) }), label: "Rules" },
      starts: { type: "date", default: null, label: "Starts" },
      reminder_at: { type: "datetime", default: null, label: "Reminder" },
      api_key: {
        type: "secret", label: "API key",
        validate: (v) => (v !== null && v.length < 8 ? "An API key has at least 8 characters" : null),
        onChange: (c) => void changes.push({ key: "api_key", old: c.old, new: c.new, organization: c.organization }),
      },
    },
    validate: (values, org) => (values.alerts === true && values.contact === "" ? [{ key: "contact", message: `Alerts for ${org.name} need a contact e-mail` }] : []),
  }),
});
const fields = kitchenSink.settings.fields as Record<string, SettingFieldRules>;

// The inventory example of the issue: 1.0 had one switch, 2.0 splits it in two and renames a secret.
const migrationRuns: string[] = [];
const inventoryV1 = definePlugin({
  id: "settings-inventory",
  name: "Inventory (test)",
  version: "1.0",
  description: "",
  author: "tests",
  settings: defineSettings({
    fields: {
      email_notifications: { type: "boolean", default: true, label: "E-mail notifications" },
      token: { type: "secret", label: "Token" },
    },
  }),
});
const inventoryV2 = definePlugin({
  ...inventoryV1,
  version: "2.0",
  settings: defineSettings({
    fields: {
      enable_low_stock_alerts: { type: "boolean", default: true, label: "Low stock alerts" },
      enable_expiration_alerts: { type: "boolean", default: true, label: "Expiration alerts" },
      api_token: { type: "secret", label: "API token" },
    },
    migrations: [
      {
        from: "1.0",
        to: "2.0",
        up: async (store) => {
          migrationRuns.push("1.0->2.0");
          if (await store.has("email_notifications")) {
            const on = await store.get("email_notifications");
            await store.set("enable_low_stock_alerts", on);
            await store.set("enable_expiration_alerts", on);
            await store.delete("email_notifications");
          }
          if (await store.has("token")) {
            await store.set("api_token", await store.get("token"));
            await store.delete("token");
          }
        },
      },
    ],
  }),
});

const asPluginOrg = (o: { id: string; name: string; slug: string; timezone: string; currency: string; locale: string }): PluginOrganization => ({
  id: o.id, name: o.name, slug: o.slug, timezone: o.timezone, currency: o.currency, locale: o.locale,
});

function save(org: PluginOrganization, input: Record<string, unknown>, manifest: PluginManifest = kitchenSink) {
  return rootDb().$transaction((tx) => saveSettings(tx, { manifest, org, input, actorUserId: null }));
}

const rowsOf = (organizationId: string, pluginId: string = kitchenSink.id) =>
  rootDb().pluginSetting.findMany({ where: { organizationId, pluginId }, orderBy: { key: "asc" } });

async function enable(organizationId: string, manifest: PluginManifest) {
  await rootDb().pluginInstallation.create({ data: { organizationId, pluginId: manifest.id, enabled: true, version: manifest.version, enabledAt: new Date() } });
}

async function newOrg(timezone = "America/New_York") {
  const f = await createOrganization("Settings Clinic", timezone);
  return { ...f, plugin: asPluginOrg(f.org) };
}

beforeAll(() => {
  registerPluginRegistry({
    [kitchenSink.id]: async () => ({ default: kitchenSink }),
    [inventoryV2.id]: async () => ({ default: inventoryV2 }),
  });
});

afterEach(() => {
  changes.length = 0;
  session.ctx = null;
  revalidatePath.mockClear();
});

describe("settings zod builder", () => {
  const schema = settingsZodSchema(fields, { timeZone: "America/New_York" });
  const errorsOf = (input: Record<string, unknown>) => {
    const r = schema.safeParse(input);
    expect(r.success).toBe(false);
    return Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("refuses each type's bad input with the reason", () => {
    expect(errorsOf({ alerts: "yes" })).toEqual({ alerts: "Choose on or off" });
    expect(errorsOf({ alerts: true, threshold: "abc" })).toEqual({ threshold: "Enter a whole number" });
    expect(errorsOf({ alerts: true, threshold: "1.5" })).toEqual({ threshold: "Enter a whole number" });
    expect(errorsOf({ alerts: true, threshold: "0" })).toEqual({ threshold: "Must be at least 1" });
    expect(errorsOf({ alerts: true, threshold: 101 })).toEqual({ threshold: "Must be at most 100" });
    expect(errorsOf({ price: "abc" })).toEqual({ price: "Enter a number such as 12.50" });
    expect(errorsOf({ price: "1.234" })).toEqual({ price: "Use at most 2 decimal places" });
    expect(errorsOf({ price: "-0.01" })).toEqual({ price: "Must be at least 0" });
    expect(errorsOf({ price: "1000.01" })).toEqual({ price: "Must be at most 1000" });
    expect(errorsOf({ contact: "nope" })).toEqual({ contact: "Enter a valid email address" });
    expect(errorsOf({ webhook: "http://hooks.example.org/x" })).toEqual({ webhook: "Enter a valid https:// URL" });
    expect(errorsOf({ code: "ab-1" })).toEqual({ code: "Use two capitals, a dash and digits (AB-12)" });
    expect(errorsOf({ code: "AB-123456789" })).toEqual({ code: "Must be at most 10 characters (now 12)" });
    expect(errorsOf({ mode: "hourly" })).toEqual({ mode: "Choose one of: Daily, Weekly" });
    expect(errorsOf({ rules: "{levels: [1]}" }).rules).toMatch(/^Invalid JSON: /);
    expect(errorsOf({ rules: '{"levels": ["x"]}' })).toEqual({ rules: "levels.0: Invalid input: expected number, received string" });
    expect(errorsOf({ starts: "2026-02-30" })).toEqual({ starts: "Enter a valid date (YYYY-MM-DD)" });
    expect(errorsOf({ reminder_at: "tomorrow" })).toEqual({ reminder_at: "Enter a valid date and time" });
    expect(errorsOf({ api_key: "x".repeat(4097) })).toEqual({ api_key: "Must be at most 4096 characters" });
    expect(errorsOf({ nope: 1 })).toEqual({ nope: 'Unknown setting "nope"' });
  });

  it("normalises accepted values to what is stored", () => {
    const r = schema.parse({
      alerts: true, threshold: " 42 ", price: "5", contact: " desk@clinic.test ", code: "AB-12", mode: "weekly",
      rules: '{ "levels": [1, 2] }', starts: "", reminder_at: "2026-01-15T09:30", api_key: "  sk_live_123456  ",
    });
    expect(r).toEqual({
      alerts: true, threshold: 42, price: "5.00", contact: "desk@clinic.test", code: "AB-12", mode: "weekly",
      rules: { levels: [1, 2] }, starts: null, reminder_at: "2026-01-15T14:30:00.000Z", api_key: "sk_live_123456",
    });
    expect(schema.parse({ price: "0001.500", reminder_at: "2026-01-15T09:30:00+01:00" })).toEqual({ price: "1.50", reminder_at: "2026-01-15T08:30:00.000Z" });
    // Secrets: "" keeps the stored value (left out), the clear flag removes it (null).
    expect(schema.parse({ api_key: "" })).toEqual({});
    expect(schema.parse({ api_key: SECRET_CLEAR })).toEqual({ api_key: null });
  });

  it("neither validates nor returns a field whose dependency is not met", () => {
    expect(schema.parse({ alerts: false, threshold: "abc" })).toEqual({ alerts: false });
    expect(activeSettingKeys(fields, { alerts: false }).has("threshold")).toBe(false);
    expect(activeSettingKeys(fields, { alerts: true }).has("threshold")).toBe(true);
    // Left out of the input, the dependency's current value decides.
    expect(settingsZodSchema(fields, { current: { alerts: true } }).safeParse({ threshold: "abc" }).success).toBe(false);
    expect(settingsZodSchema(fields, { current: { alerts: false } }).parse({ threshold: "abc" })).toEqual({});
  });

  it("describes the fields for the browser without functions or nested schemas", () => {
    const specs = describeSettingsFields(kitchenSink.settings);
    expect(JSON.parse(JSON.stringify(specs))).toEqual(specs);
    expect(specs.map((s) => s.key)).toEqual(Object.keys(fields));
    const rules = specs.find((s) => s.key === "rules")!;
    expect("schema" in rules).toBe(false);
    // Without the nested schema the browser accepts what only the server refuses.
    const browser = settingsZodSchema(Object.fromEntries(specs.map(({ key, ...f }) => [key, f as SettingFieldRules])));
    expect(browser.safeParse({ rules: '{"levels": ["x"]}' }).success).toBe(true);
    const form = toFormValues(specs, { alerts: true, threshold: 5, price: "1.00", rules: { a: 1 }, reminder_at: "2026-01-15T14:30:00.000Z", api_key: { set: true } }, "America/New_York");
    expect(form).toMatchObject({ alerts: true, threshold: "5", price: "1.00", rules: '{\n  "a": 1\n}', reminder_at: "2026-01-15T09:30", api_key: "" });
  });

  it("rejects malformed declarations with the setting named", () => {
    expect(() => settingsZodSchema({ a: { type: "boolean", default: true, label: "A", dependsOn: { key: "missing", equals: true } } })).toThrow(/Setting "a": dependsOn refers to "missing"/);
    expect(() => settingsZodSchema({
      a: { type: "boolean", default: true, label: "A", dependsOn: { key: "b", equals: true } },
      b: { type: "boolean", default: true, label: "B", dependsOn: { key: "a", equals: true } },
    })).toThrow(/cycle/);
    expect(() => settingsZodSchema({ c: { type: "choice", default: "x", options: [{ value: "y", label: "Y" }], label: "C" } })).toThrow(/default "x" is not one of the options/);
  });
});

describe("reading and saving settings", () => {
  it("returns the defaults of a fresh organization, secrets as not set", async () => {
    const { org } = await newOrg();
    expect(await getSettings(rootDb(), kitchenSink.id, org.id)).toEqual({
      alerts: false, threshold: 10, price: "9.99", contact: "", webhook: "", code: "AB-1", mode: "daily",
      rules: { levels: [1] }, starts: null, reminder_at: null, api_key: { set: false },
    });
    expect(await settingsAccess(kitchenSink.id, org.id).get("api_key")).toBeNull();
    await expect(settingsAccess(kitchenSink.id, org.id).get("nope")).rejects.toThrow(/Plugin "settings-test" has no setting "nope"/);
  });

  it("writes only the changed keys, and reads them back", async () => {
    const { org, plugin } = await newOrg();
    const res = await save(plugin, { alerts: false, price: "12.5", mode: "daily", starts: "2026-05-01" });
    expect(res).toEqual({ ok: true, changed: ["price", "starts"] });
    expect((await rowsOf(org.id)).map((r) => [r.key, r.value])).toEqual([["price", "12.50"], ["starts", "2026-05-01"]]);
    expect(await save(plugin, { price: "12.50" })).toEqual({ ok: true, changed: [] });
    // A date back to "not set" is stored as JSON null, not as a missing row.
    expect(await save(plugin, { starts: "" })).toEqual({ ok: true, changed: ["starts"] });
    expect(await settingsAccess(kitchenSink.id, org.id).all()).toMatchObject({ price: "12.50", starts: null });
  });

  it("skips a dependent setting whose dependency is off, keeping its stored value", async () => {
    const { org, plugin } = await newOrg();
    expect(await save(plugin, { alerts: true, contact: "desk@clinic.test", threshold: "20" })).toMatchObject({ ok: true });
    const res = await save(plugin, { alerts: false, threshold: "not a number" });
    expect(res).toEqual({ ok: true, changed: ["alerts"] });
    expect(await getSettings(rootDb(), kitchenSink.id, org.id)).toMatchObject({ alerts: false, threshold: 20 });
  });

  it("validates fields and across fields with the organization", async () => {
    const utc = await newOrg("UTC");
    const ny = await newOrg("America/New_York");
    expect(await save(utc.plugin, { mode: "weekly" })).toEqual({
      ok: false,
      error: "Please correct the highlighted fields.",
      fieldErrors: { mode: `Weekly digests need a local time zone (${utc.org.name} is on UTC)` },
    });
    expect(await save(ny.plugin, { mode: "weekly" })).toMatchObject({ ok: true, changed: ["mode"] });
    const cross = await save(ny.plugin, { alerts: true });
    expect(cross).toMatchObject({ ok: false, fieldErrors: { contact: `Alerts for ${ny.org.name} need a contact e-mail` } });
    expect(await save(ny.plugin, { alerts: true, contact: "desk@clinic.test" })).toMatchObject({ ok: true });
  });

  it("writes nothing when any field is invalid", async () => {
    const { org, plugin } = await newOrg();
    const res = await save(plugin, { mode: "weekly", price: "abc", api_key: "sk_live_valid_key" });
    expect(res).toMatchObject({ ok: false, fieldErrors: { price: "Enter a number such as 12.50" } });
    expect(await rowsOf(org.id)).toEqual([]);
    expect(changes).toEqual([]);
  });

  it("runs onChange with old, new and the organization; a throwing onChange rolls the whole save back", async () => {
    const { org, plugin } = await newOrg();
    expect(await save(plugin, { mode: "weekly", alerts: true, contact: "desk@clinic.test", threshold: "30" })).toMatchObject({ ok: true });
    expect(changes).toEqual([
      { key: "threshold", old: 10, new: 30, organization: plugin },
      { key: "mode", old: "daily", new: "weekly", organization: plugin },
    ]);
    changes.length = 0;
    const before = await rowsOf(org.id);
    const res = await save(plugin, { mode: "daily", price: "1.00", threshold: "99" });
    expect(res).toEqual({
      ok: false,
      error: "Threshold: 99 is reserved for the stock-take. Nothing was saved.",
      fieldErrors: { threshold: "99 is reserved for the stock-take." },
    });
    expect(await rowsOf(org.id)).toEqual(before);
    // The caller's transaction survives the rollback to the savepoint and can carry on.
    const other = await rootDb().$transaction(async (tx) => {
      const failed = await saveSettings(tx, { manifest: kitchenSink, org: plugin, input: { threshold: "99" }, actorUserId: null });
      const ok = await saveSettings(tx, { manifest: kitchenSink, org: plugin, input: { price: "2.00" }, actorUserId: null });
      return [failed.ok, ok.ok];
    });
    expect(other).toEqual([false, true]);
    expect(await getSettings(rootDb(), kitchenSink.id, org.id)).toMatchObject({ threshold: 30, price: "2.00", mode: "weekly" });
  });
});

describe("secret settings", () => {
  const plaintext = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";

  it("are encrypted at rest, decrypted for server code, and only 'set / not set' publicly", async () => {
    const { org, plugin } = await newOrg();
    expect(await save(plugin, { api_key: plaintext })).toEqual({ ok: true, changed: ["api_key"] });
    expect(changes).toEqual([{ key: "api_key", old: null, new: plaintext, organization: plugin }]);
    const row = await rootDb().pluginSetting.findUniqueOrThrow({ where: { organizationId_pluginId_key: { organizationId: org.id, pluginId: kitchenSink.id, key: "api_key" } } });
    expect(row.value).toEqual({ enc: expect.stringMatching(/^v1:[\w-]+:[\w-]+:[\w-]+$/) });
    expect(JSON.stringify(row.value)).not.toContain("4eC39HqLyjWDarjtT1zdp7dc");
    const [raw] = await rootDb().$queryRaw<{ value: string }[]>`SELECT value::text FROM plugin_settings WHERE "organizationId" = ${org.id}::uuid AND key = 'api_key'`;
    expect(raw!.value).not.toContain("4eC39HqLyjWDarjtT1zdp7dc");

    expect((await getSettings(rootDb(), kitchenSink.id, org.id)).api_key).toEqual({ set: true });
    expect(await settingsAccess(kitchenSink.id, org.id).get("api_key")).toBe(plaintext);
    expect((await settingsAccess(kitchenSink.id, org.id).all()).api_key).toBe(plaintext);
  });

  it("keep on empty, replace, clear, and validate only what is typed", async () => {
    const { org, plugin } = await newOrg();
    await save(plugin, { api_key: plaintext });
    changes.length = 0;
    expect(await save(plugin, { api_key: "" })).toEqual({ ok: true, changed: [] });
    expect(await save(plugin, { api_key: plaintext })).toEqual({ ok: true, changed: [] });
    expect(await save(plugin, { api_key: "short" })).toMatchObject({ ok: false, fieldErrors: { api_key: "An API key has at least 8 characters" } });
    expect(await save(plugin, { api_key: "sk_live_other_key" })).toEqual({ ok: true, changed: ["api_key"] });
    expect(await save(plugin, { api_key: SECRET_CLEAR })).toEqual({ ok: true, changed: ["api_key"] });
    expect(changes.map((c) => [c.old, c.new])).toEqual([[plaintext, "sk_live_other_key"], ["sk_live_other_key", null]]);
    expect(await rowsOf(org.id)).toEqual([]);
    expect((await getSettings(rootDb(), kitchenSink.id, org.id)).api_key).toEqual({ set: false });
  });

  it("do not decrypt when altered or copied into another organization", async () => {
    const a = await newOrg();
    const b = await newOrg();
    await save(a.plugin, { api_key: plaintext });
    const where = (organizationId: string) => ({ organizationId_pluginId_key: { organizationId, pluginId: kitchenSink.id, key: "api_key" } });
    const stored = (await rootDb().pluginSetting.findUniqueOrThrow({ where: where(a.org.id) })).value as { enc: string };
    await rootDb().pluginSetting.create({ data: { organizationId: b.org.id, pluginId: kitchenSink.id, key: "api_key", value: stored } });
    await expect(settingsAccess(kitchenSink.id, b.org.id).get("api_key")).rejects.toThrow(SecretDecryptionError);

    const parts = stored.enc.split(":");
    parts[3] = Buffer.from("tampered").toString("base64url");
    await rootDb().pluginSetting.update({ where: where(a.org.id), data: { value: { enc: parts.join(":") } } });
    await expect(settingsAccess(kitchenSink.id, a.org.id).get("api_key")).rejects.toThrow(/Setting "api_key" of plugin "settings-test": A stored secret cannot be decrypted/);
    // An undecryptable secret can still be replaced by the admin.
    expect(await save(a.plugin, { api_key: "sk_live_fresh_key" })).toMatchObject({ ok: true, changed: ["api_key"] });
    expect(await settingsAccess(kitchenSink.id, a.org.id).get("api_key")).toBe("sk_live_fresh_key");
  });

  it("explain a missing or malformed RITIKO_SECRETS_KEY, and write nothing", async () => {
    const { org, plugin } = await newOrg();
    const key = process.env.RITIKO_SECRETS_KEY;
    try {
      delete process.env.RITIKO_SECRETS_KEY;
      expect(await save(plugin, { price: "3.00", api_key: plaintext })).toMatchObject({ ok: false, error: expect.stringMatching(/^RITIKO_SECRETS_KEY is not set/) });
      // Settings without secrets do not need the key.
      expect(await save(plugin, { price: "3.00" })).toMatchObject({ ok: true });
      process.env.RITIKO_SECRETS_KEY = "too-short";
      expect(await save(plugin, { api_key: plaintext })).toMatchObject({ ok: false, error: expect.stringMatching(/must be 32 bytes encoded in base64.*decodes to 6 bytes/) });
    } finally {
      process.env.RITIKO_SECRETS_KEY = key;
    }
    expect((await rowsOf(org.id)).map((r) => r.key)).toEqual(["price"]);
  });
});

describe("settings migrations", () => {
  async function installAt(manifest: PluginManifest) {
    const f = await newOrg();
    await rootDb().pluginInstallation.create({ data: { organizationId: f.org.id, pluginId: manifest.id, enabled: true, version: manifest.version } });
    return f;
  }

  /** What the upgrade flow does: migrate from the recorded version, then record the new one, in one transaction. */
  function upgrade(org: PluginOrganization, manifest: PluginManifest) {
    return rootDb().$transaction(async (tx) => {
      const where = { organizationId_pluginId: { organizationId: org.id, pluginId: manifest.id } };
      const installed = await tx.pluginInstallation.findUniqueOrThrow({ where });
      const applied = await runSettingsMigrations(tx, manifest, org, installed.version, manifest.version);
      await tx.pluginInstallation.update({ where, data: { version: manifest.version } });
      return applied;
    });
  }

  it("1.0 -> 2.0 splits email_notifications, moves the secret, removes the old keys, and runs once", async () => {
    const { org, plugin } = await installAt(inventoryV1);
    expect(await save(plugin, { email_notifications: false, token: "tok_1234567890" }, inventoryV1)).toMatchObject({ ok: true });
    migrationRuns.length = 0;

    expect(await upgrade(plugin, inventoryV2)).toEqual([{ from: "1.0", to: "2.0" }]);
    expect(migrationRuns).toEqual(["1.0->2.0"]);
    const rows = await rowsOf(org.id, inventoryV2.id);
    expect(rows.map((r) => [r.key, r.key === "api_token" ? "encrypted" : r.value])).toEqual([
      ["api_token", "encrypted"], ["enable_expiration_alerts", false], ["enable_low_stock_alerts", false],
    ]);
    expect(await settingsAccess(inventoryV2.id, org.id).all()).toEqual({ enable_low_stock_alerts: false, enable_expiration_alerts: false, api_token: "tok_1234567890" });

    expect(await upgrade(plugin, inventoryV2)).toEqual([]);
    expect(migrationRuns).toEqual(["1.0->2.0"]);
  });

  it("leaves defaults alone for an organization that never stored the old key", async () => {
    const { org, plugin } = await installAt(inventoryV1);
    expect(await upgrade(plugin, inventoryV2)).toHaveLength(1);
    expect(await rowsOf(org.id, inventoryV2.id)).toEqual([]);
    expect(await getSettings(rootDb(), inventoryV2.id, org.id)).toEqual({ enable_low_stock_alerts: true, enable_expiration_alerts: true, api_token: { set: false } });
  });

  it("rolls the upgrade back when a migration throws, naming it", async () => {
    const { org, plugin } = await installAt(inventoryV1);
    await save(plugin, { email_notifications: false }, inventoryV1);
    const broken = definePlugin({
      ...inventoryV2,
      settings: {
        ...inventoryV2.settings,
        migrations: [
          ...inventoryV2.settings.migrations,
          { from: "2.0", to: "2.1", up: async () => { throw new Error("disk full"); } },
        ],
      },
      version: "2.1",
    });
    await expect(upgrade(plugin, broken)).rejects.toThrow("Inventory (test): the settings migration from 2.0 to 2.1 failed for Settings Clinic: disk full");
    expect((await rowsOf(org.id, inventoryV1.id)).map((r) => [r.key, r.value])).toEqual([["email_notifications", false]]);
    expect((await rootDb().pluginInstallation.findFirstOrThrow({ where: { organizationId: org.id } })).version).toBe("1.0");
  });

  it("selects the migrations whose target lies in (from, to], in version order", () => {
    const m = (from: string, to: string) => ({ from, to, up: async () => {} });
    const manifest = definePlugin({
      ...inventoryV2,
      settings: { fields: {}, migrations: [m("2.0", "3.0"), m("1.9", "1.10"), m("1.10", "2.0"), m("0.1", "1.0"), m("1.0", "1.9")] },
    });
    const ids = (from: string, to: string) => pendingSettingsMigrations(manifest, from, to).map((x) => `${x.from}->${x.to}`);
    expect(ids("1.0", "2.0")).toEqual(["1.0->1.9", "1.9->1.10", "1.10->2.0"]);
    expect(ids("0.0.1", "1.0.0")).toEqual(["0.1->1.0"]);
    expect(ids("1.9", "3.0.0")).toEqual(["1.9->1.10", "1.10->2.0", "2.0->3.0"]);
    expect(ids("2.0", "2.0")).toEqual([]);
    expect(ids("3.0", "2.0")).toEqual([]);
    const backwards = definePlugin({ ...inventoryV2, settings: { fields: {}, migrations: [m("2.0", "1.0")] } });
    expect(() => pendingSettingsMigrations(backwards, "1.0", "2.0")).toThrow(/must go to a later version/);
  });

  it("compares versions numerically per segment", () => {
    expect(compareVersions("1.0", "1.10")).toBeLessThan(0);
    expect(compareVersions("1.10", "2.0")).toBeLessThan(0);
    expect(compareVersions("1.9", "1.10")).toBeLessThan(0);
    expect(compareVersions("2", "2.0.0")).toBe(0);
    expect(compareVersions("10.0", "9.99")).toBeGreaterThan(0);
    expect(compareVersions("2.0.0-beta.2", "2.0.0-beta.10")).toBeLessThan(0);
    expect(compareVersions("2.0.0-beta.1", "2.0.0")).toBeLessThan(0);
    expect(compareVersions("2.0.0+build.7", "2.0.0")).toBe(0);
    expect(() => compareVersions("two", "1.0")).toThrow('Invalid version "two"');
  });
});

describe("savePluginSettingsAction", () => {
  it("lets owners and admins save the settings of an enabled plugin", async () => {
    const f = await newOrg();
    await enable(f.org.id, kitchenSink);
    session.ctx = await f.as("admin");
    const res = await savePluginSettingsAction(kitchenSink.id, { price: "4.20", api_key: "sk_live_from_form" });
    expect(res).toEqual({ ok: true, data: { changed: ["price", "api_key"] }, message: "Settings test settings saved." });
    expect(revalidatePath).toHaveBeenCalledWith("/plugins/settings-test/settings");
    const row = await rootDb().pluginSetting.findFirstOrThrow({ where: { organizationId: f.org.id, key: "price" } });
    expect(row.updatedById).toBe(f.members.admin.id);
  });

  it("reports field errors from the server-only checks", async () => {
    const f = await newOrg("UTC");
    await enable(f.org.id, kitchenSink);
    session.ctx = await f.as("owner");
    const res = await savePluginSettingsAction(kitchenSink.id, { mode: "weekly", rules: '{"levels": [1.5]}' });
    expect(res).toMatchObject({ ok: false, fieldErrors: { mode: expect.stringMatching(/Weekly digests/), rules: expect.stringMatching(/^levels\.0: /) } });
    expect(await rowsOf(f.org.id)).toEqual([]);
  });

  it("refuses staff, and plugins that are unknown or not enabled for the organization", async () => {
    const f = await newOrg();
    session.ctx = await f.as("staff");
    expect(await savePluginSettingsAction(kitchenSink.id, { price: "1.00" })).toEqual({ ok: false, error: "You do not have permission to do this." });
    session.ctx = await f.as("admin");
    const notAvailable = { ok: false, error: "This plugin is not installed or not enabled for your organization." };
    expect(await savePluginSettingsAction(kitchenSink.id, { price: "1.00" })).toEqual(notAvailable);
    expect(await savePluginSettingsAction("constructor", { price: "1.00" })).toEqual(notAvailable);
    // Enabled for another organization only.
    const other = await newOrg();
    await enable(other.org.id, kitchenSink);
    expect(await savePluginSettingsAction(kitchenSink.id, { price: "1.00" })).toEqual(notAvailable);
    expect(await rowsOf(f.org.id)).toEqual([]);
  });
});

describe("change handlers write through the saving transaction", () => {
  const chained = definePlugin({
    id: "settings-chained",
    name: "Chained (test)",
    version: "1.0.0",
    description: "",
    author: "tests",
    settings: defineSettings({
      fields: {
        first: {
          type: "integer", default: 0, label: "First",
          // Records an audit value through the save's own transaction.
          onChange: async ({ new: value, organization, tx }) => {
            await tx.pluginSetting.create({ data: { organizationId: organization.id, pluginId: "settings-chained", key: "first_audit", value } });
          },
        },
        second: {
          type: "integer", default: 0, label: "Second",
          onChange: ({ new: value }) => {
            if (value === 13) throw new Error("13 is not allowed here.");
          },
        },
      },
    }),
  });

  it("keeps the first handler's write when all succeed, and rolls it back when a later handler throws", async () => {
    const { org, plugin } = await newOrg();
    const failed = await save(plugin, { first: 1, second: 13 }, chained);
    expect(failed).toMatchObject({ ok: false, error: "Second: 13 is not allowed here. Nothing was saved." });
    expect(await rowsOf(org.id, chained.id)).toEqual([]);
    expect(await save(plugin, { first: 2, second: 3 }, chained)).toMatchObject({ ok: true });
    expect((await rowsOf(org.id, chained.id)).map((r) => [r.key, r.value])).toEqual([["first", 2], ["first_audit", 2], ["second", 3]]);
  });
});

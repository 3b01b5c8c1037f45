// Per-organization plugin transitions — enable, disable, upgrade, organization created — and the
// lifecycle hooks they run. Each transition is one database transaction holding an advisory lock
// for (organization, plugin): a hook that throws rolls the whole transition back (the plugin stays
// as it was) and the failure is recorded and reported. Hooks that must run once per organization
// (organization created, upgrade to a version) are made idempotent by a unique `onceKey`.
import semver from "semver";
import { rootDb } from "@/core/db/client";
import { scopedDb } from "@/core/db/scoped";
import type { TxClient } from "@/core/db/tx";
import { pluginDisabled, pluginEnabled } from "@/core/events/core-events";
import { emit } from "@/core/events/emit";
import { log } from "@/core/log";
import { actorName, protectedDisableRefusal, type DisableConsent } from "./protected";
import { runSettingsMigrations } from "./settings/migrations";
import { lockPluginSettings, settingsAccess } from "./settings/store";
import { allPlugins, getPlugin } from "./registry";
import type { Actor, EventOrigin, LifecycleContext, PluginManifest, PluginOrganization } from "./types";

export type TransitionResult = { ok: true; message: string } | { ok: false; error: string };

const ORG_SELECT = { id: true, name: true, slug: true, timezone: true, currency: true, locale: true } as const;

async function loadOrg(db: TxClient | ReturnType<typeof rootDb>, organizationId: string): Promise<PluginOrganization | null> {
  return db.organization.findUnique({ where: { id: organizationId }, select: ORG_SELECT });
}

function hookContext(tx: TxClient, plugin: PluginManifest, organization: PluginOrganization, actor: Actor): LifecycleContext {
  return {
    organization,
    tx,
    actor,
    settings: settingsAccess(plugin.id, organization.id, tx),
    emit: (event, payload) => emit(tx, { organization, actor }, event, payload),
  };
}

type HookRun = { hook: string; onceKey?: string; fromVersion?: string; toVersion?: string };

/** Runs one hook inside the transition's transaction and records it; skipped when its onceKey already ran. */
async function runHook(
  tx: TxClient,
  plugin: PluginManifest,
  organization: PluginOrganization,
  actor: Actor,
  run: HookRun,
  body: ((ctx: LifecycleContext) => void | Promise<void>) | undefined,
): Promise<void> {
  if (run.onceKey && (await tx.pluginLifecycleRun.findUnique({ where: { onceKey: run.onceKey }, select: { id: true } }))) return;
  try {
    await body?.(hookContext(tx, plugin, organization, actor));
  } catch (err) {
    throw new HookError(plugin, run.hook, err);
  }
  await tx.pluginLifecycleRun.create({
    data: { organizationId: organization.id, pluginId: plugin.id, ...run, status: "succeeded", actor: actor as object },
  });
}

export class HookError extends Error {
  constructor(readonly plugin: PluginManifest, readonly hook: string, readonly cause: unknown) {
    super(`${plugin.name}: the ${hook} hook failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

async function recordFailure(organizationId: string, pluginId: string, hook: string, err: unknown, actor: Actor) {
  const message = err instanceof Error ? err.message : String(err);
  log.error("plugin.transition_failed", { organizationId, pluginId, hook, err });
  await rootDb()
    .pluginLifecycleRun.create({ data: { organizationId, pluginId, hook, status: "failed", error: message.slice(0, 4000), actor: actor as object } })
    .catch((e) => log.error("plugin.record_failure_failed", { err: e }));
}

/** Serialises transitions (and settings saves) of one plugin in one organization across processes. */
const lock = lockPluginSettings;

async function transition(organizationId: string, pluginId: string, hook: string, actor: Actor, body: (tx: TxClient) => Promise<string>): Promise<TransitionResult> {
  try {
    // The transaction runs on the organization-scoped client, so hooks and the event handlers they
    // trigger cannot reach another organization's rows. (Typed as TxClient: same API at runtime.)
    const message = await scopedDb(organizationId).$transaction(
      async (scopedTx) => {
        const tx = scopedTx as unknown as TxClient;
        // Organization-wide first, so "enable B (needs A)" and "disable A" cannot both pass their
        // dependency checks concurrently; then the per-plugin lock that settings saves also take.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`plugins:${organizationId}`}, 0))`;
        await lock(tx, organizationId, pluginId);
        return body(tx);
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    return { ok: true, message };
  } catch (err) {
    if (err instanceof TransitionRefused) return { ok: false, error: err.message };
    await recordFailure(organizationId, pluginId, err instanceof HookError ? err.hook : hook, err, actor);
    // A hook's own message is meant for the admin; anything else (driver errors...) stays in the log.
    return { ok: false, error: err instanceof HookError ? err.message : `Could not ${hook} the plugin because of an internal error; details are in the server log.` };
  }
}

/** A transition refused by a rule (unknown plugin, missing dependency): nothing to record. */
class TransitionRefused extends Error {}

async function upgradeWithin(tx: TxClient, plugin: PluginManifest, org: PluginOrganization, fromVersion: string, actor: Actor) {
  if (!semver.valid(fromVersion) || !semver.gt(plugin.version, fromVersion)) return;
  await runSettingsMigrations(tx, plugin, org, fromVersion, plugin.version);
  await runHook(
    tx, plugin, org, actor,
    { hook: "upgrade", onceKey: `upgrade:${org.id}:${plugin.id}:${plugin.version}`, fromVersion, toVersion: plugin.version },
    plugin.lifecycle?.onUpgrade && ((ctx) => plugin.lifecycle!.onUpgrade!({ ...ctx, fromVersion, toVersion: plugin.version })),
  );
  await tx.pluginInstallation.update({ where: { organizationId_pluginId: { organizationId: org.id, pluginId: plugin.id } }, data: { version: plugin.version } });
}

export async function enablePlugin(organizationId: string, pluginId: string, actor: Actor, origin?: EventOrigin): Promise<TransitionResult> {
  const plugin = await getPlugin(pluginId);
  if (!plugin) return { ok: false, error: `Unknown plugin "${pluginId}". Installed: ${(await allPlugins()).map((p) => p.id).join(", ") || "none"}.` };
  return transition(organizationId, pluginId, "enable", actor, async (tx) => {
    const org = await loadOrg(tx, organizationId);
    if (!org) throw new TransitionRefused(`Unknown organization ${organizationId}.`);
    const enabledRows = await tx.pluginInstallation.findMany({ where: { organizationId, enabled: true }, select: { pluginId: true } });
    const enabled = new Set(enabledRows.map((r) => r.pluginId));
    for (const [depId, range] of Object.entries(plugin.dependencies ?? {})) {
      const dep = await getPlugin(depId);
      if (!dep) throw new TransitionRefused(`${plugin.name} needs the plugin "${depId}" (${range}), which is not installed.`);
      if (!semver.satisfies(dep.version, range)) throw new TransitionRefused(`${plugin.name} needs ${dep.name} ${range}, but ${dep.version} is installed.`);
      if (!enabled.has(depId)) throw new TransitionRefused(`Enabling ${plugin.name} needs ${dep.name} enabled first.`);
    }
    const existing = await tx.pluginInstallation.findUnique({ where: { organizationId_pluginId: { organizationId, pluginId } } });
    if (existing?.enabled) throw new TransitionRefused(`${plugin.name} is already enabled for ${org.name}.`);
    if (existing) await upgradeWithin(tx, plugin, org, existing.version, actor);
    await tx.pluginInstallation.upsert({
      where: { organizationId_pluginId: { organizationId, pluginId } },
      update: { enabled: true, enabledAt: new Date(), disabledBy: null, disabledReason: null },
      create: { organizationId, pluginId, enabled: true, version: plugin.version, enabledAt: new Date() },
    });
    // An organization that existed before the plugin was installed gets its set-up on first enable.
    await runHook(tx, plugin, org, actor, { hook: "organization_created", onceKey: `organization_created:${org.id}:${plugin.id}` }, plugin.lifecycle?.onOrganizationCreated);
    await runHook(tx, plugin, org, actor, { hook: "enabled" }, plugin.lifecycle?.onEnabled);
    // After the hooks, in the transition's transaction: emitted only if the whole transition commits.
    await emit(tx, { organization: org, actor, origin }, pluginEnabled, { organizationId: org.id, pluginId: plugin.id, name: plugin.name, version: plugin.version });
    return `${plugin.name} enabled for ${org.name}.`;
  });
}

export async function disablePlugin(organizationId: string, pluginId: string, actor: Actor, origin?: EventOrigin, consent?: DisableConsent): Promise<TransitionResult> {
  const plugin = await getPlugin(pluginId);
  if (!plugin) return { ok: false, error: `Unknown plugin "${pluginId}".` };
  const refused = protectedDisableRefusal(plugin, actor, consent);
  if (refused) return { ok: false, error: refused };
  const reason = consent?.reason?.trim() || undefined;
  return transition(organizationId, pluginId, "disable", actor, async (tx) => {
    const org = await loadOrg(tx, organizationId);
    if (!org) throw new TransitionRefused(`Unknown organization ${organizationId}.`);
    const existing = await tx.pluginInstallation.findUnique({ where: { organizationId_pluginId: { organizationId, pluginId } } });
    if (!existing?.enabled) throw new TransitionRefused(`${plugin.name} is not enabled for ${org.name}.`);
    const enabledRows = await tx.pluginInstallation.findMany({ where: { organizationId, enabled: true, pluginId: { not: pluginId } }, select: { pluginId: true } });
    const dependents: string[] = [];
    for (const { pluginId: otherId } of enabledRows) {
      const other = await getPlugin(otherId);
      if (other?.dependencies && pluginId in other.dependencies) dependents.push(other.name);
    }
    if (dependents.length) throw new TransitionRefused(`${plugin.name} cannot be disabled while ${dependents.join(", ")} ${dependents.length === 1 ? "is" : "are"} enabled (${dependents.length === 1 ? "it depends" : "they depend"} on it).`);
    // Before the plugin is marked disabled, so the plugin's own in-transaction handlers still see the
    // event (it is rolled back with the transition if anything below fails).
    await emit(tx, { organization: org, actor, origin }, pluginDisabled, { organizationId: org.id, pluginId: plugin.id, name: plugin.name, version: plugin.version, reason });
    await tx.pluginInstallation.update({
      where: { organizationId_pluginId: { organizationId, pluginId } },
      data: { enabled: false, disabledAt: new Date(), disabledBy: actorName(actor), disabledReason: reason ?? null },
    });
    await runHook(tx, plugin, org, actor, { hook: "disabled" }, plugin.lifecycle?.onDisabled);
    return `${plugin.name} disabled for ${org.name}.`;
  });
}

/**
 * Applies pending upgrades (settings migrations, then onUpgrade) for every organization whose
 * recorded version of a plugin is older than the installed one. Runs at start-up; safe to run
 * concurrently in several processes (advisory lock + onceKey).
 */
export async function syncPluginUpgrades(actor: Actor = { type: "system", name: "startup" }) {
  const plugins = await allPlugins();
  const results: { organizationId: string; pluginId: string; result: TransitionResult }[] = [];
  for (const plugin of plugins) {
    // Only where the plugin is enabled: a disabled plugin runs no code (enabling it later catches up).
    const stale = await rootDb().pluginInstallation.findMany({ where: { pluginId: plugin.id, enabled: true, version: { not: plugin.version } }, select: { organizationId: true, version: true } });
    for (const row of stale) {
      if (!semver.valid(row.version) || !semver.gt(plugin.version, row.version)) continue;
      const result = await transition(row.organizationId, plugin.id, "upgrade", actor, async (tx) => {
        const org = await loadOrg(tx, row.organizationId);
        const current = await tx.pluginInstallation.findUniqueOrThrow({ where: { organizationId_pluginId: { organizationId: row.organizationId, pluginId: plugin.id } } });
        if (org) await upgradeWithin(tx, plugin, org, current.version, actor);
        return `${plugin.name} upgraded from ${current.version} to ${plugin.version}.`;
      });
      results.push({ organizationId: row.organizationId, pluginId: plugin.id, result });
    }
  }
  return results;
}

/** For a new organization (in its creating transaction): enables the plugins marked enabledByDefault. */
export async function onOrganizationCreated(tx: TxClient, organizationId: string, actor: Actor) {
  const org = await loadOrg(tx, organizationId);
  if (!org) throw new Error(`Unknown organization ${organizationId}`);
  for (const plugin of (await allPlugins()).filter((p) => p.enabledByDefault)) {
    await tx.pluginInstallation.create({ data: { organizationId, pluginId: plugin.id, enabled: true, version: plugin.version, enabledAt: new Date() } });
    await runHook(tx, plugin, org, actor, { hook: "organization_created", onceKey: `organization_created:${org.id}:${plugin.id}` }, plugin.lifecycle?.onOrganizationCreated);
    await runHook(tx, plugin, org, actor, { hook: "enabled" }, plugin.lifecycle?.onEnabled);
    await emit(tx, { organization: org, actor, origin: { source: "system" } }, pluginEnabled, { organizationId: org.id, pluginId: plugin.id, name: plugin.name, version: plugin.version });
  }
}

const ready = globalThis as unknown as { __ritikoPluginsReady?: Promise<void> };
/** Runs every plugin's onReady once per process (a failing one is logged, the others still run). */
export function runReadyHooks(): Promise<void> {
  ready.__ritikoPluginsReady ??= (async () => {
    for (const plugin of await allPlugins()) {
      try {
        await plugin.lifecycle?.onReady?.();
        log.info("plugin.ready", { pluginId: plugin.id, version: plugin.version });
      } catch (err) {
        log.error("plugin.ready_failed", { pluginId: plugin.id, err });
      }
    }
  })();
  return ready.__ritikoPluginsReady;
}

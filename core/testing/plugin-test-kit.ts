// The plugin test kit: what a plugin's vitest tests need to exercise it against the real database
// and runtime in a few lines (see plugins/hello/hello.test.ts):
//
//   const org = await createTestOrganization();          // organization + one member per role
//   await enablePluginFor(org, "hello");                  // real enable: dependencies, hooks
//   await grant(org, "staff", { groups: ["hello.viewer"] });
//   const ctx = await org.as("staff");                    // the OrgContext a signed-in request gets
//   await emitEvent(ctx, someEvent, payload);             // in its own transaction
//   await runJobsToCompletion();                          // deliver every due outbox row now
//   const value = await readSettings(org, "hello", "greeting");
import crypto from "node:crypto";
import { loadOrgContext, type OrgContext } from "@/core/auth/context";
import { hashPassword } from "@/core/auth/password";
import type { Role } from "@/core/auth/roles";
import { rootDb } from "@/core/db/client";
import type { TxClient } from "@/core/db/tx";
import type { EventDefinition } from "@/core/events/define-event";
import { emit } from "@/core/events/emit";
import { deliverOutboxBatch } from "@/core/events/outbox";
import { disablePlugin, enablePlugin } from "@/core/plugins/lifecycle";
import { getPlugin } from "@/core/plugins/registry";
import { saveSettings, settingsAccess } from "@/core/plugins/settings/store";
import type { z } from "zod";

export const TEST_PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | undefined;

export type TestOrganization = Awaited<ReturnType<typeof createTestOrganization>>;

// Organizations this test process created. Outbox deliveries are limited to them: test files run in
// parallel against one database, and another file's rows (of plugins this process does not have
// installed) must be neither delivered nor marked skipped from here.
const testOrganizationIds = new Set<string>();

export async function createTestOrganization(name = "Test Clinic", timezone = "UTC") {
  const slug = `t-${crypto.randomUUID().slice(0, 12)}`;
  const org = await rootDb().organization.create({ data: { name, slug, timezone } });
  testOrganizationIds.add(org.id);
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await cachedHash;
  const members = {} as Record<Role, { id: string; email: string }>;
  for (const role of ["owner", "admin", "staff", "viewer"] as const) {
    const email = `${role}.${slug}@test.local`;
    const user = await rootDb().user.create({ data: { email, name: `${role} ${name}`, passwordHash } });
    await rootDb().membership.create({ data: { organizationId: org.id, userId: user.id, role } });
    members[role] = { id: user.id, email };
  }
  return {
    org,
    members,
    /** The organization context of that member, as a signed-in request would get it. */
    async as(role: Role): Promise<OrgContext> {
      const ctx = await loadOrgContext(members[role].id, org.id);
      if (!ctx) throw new Error("member has no context");
      return ctx;
    },
  };
}

const testActor = { type: "system" as const, name: "test" };

export async function enablePluginFor(org: { org: { id: string } }, pluginId: string) {
  const res = await enablePlugin(org.org.id, pluginId, testActor);
  if (!res.ok) throw new Error(res.error);
}

/** Disables a plugin as the system; a protected one (the audit log) needs a reason, given here. */
export async function disablePluginFor(org: { org: { id: string } }, pluginId: string, reason = "disabled by a test") {
  const res = await disablePlugin(org.org.id, pluginId, testActor, undefined, { reason });
  if (!res.ok) throw new Error(res.error);
}

/** Grants groups and/or single permissions to the member with that role. */
export async function grant(org: TestOrganization, role: Role, what: { groups?: string[]; permissions?: string[] }) {
  const userId = org.members[role].id;
  const organizationId = org.org.id;
  if (what.groups?.length) await rootDb().memberGroup.createMany({ data: what.groups.map((groupKey) => ({ organizationId, userId, groupKey })), skipDuplicates: true });
  if (what.permissions?.length) await rootDb().memberPermission.createMany({ data: what.permissions.map((permission) => ({ organizationId, userId, permission })), skipDuplicates: true });
}

/** Emits an event as the context's user, in its own transaction (in-transaction handlers run in it). */
export async function emitEvent<E extends EventDefinition>(ctx: OrgContext, event: E, payload: z.input<E["schema"]>) {
  await rootDb().$transaction((tx) => emit(tx as TxClient, { organization: ctx.organization, actor: { type: "user", id: ctx.user.id, name: ctx.user.name } }, event, payload));
}

/**
 * Delivers the outbox rows of the organizations created with createTestOrganization until none is
 * due. With `includeRetries`, rows waiting for a retry are made due at once, so a test does not wait
 * for the backoff. Returns how many deliveries were attempted.
 */
export async function runJobsToCompletion(opts: { includeRetries?: boolean; maxRounds?: number } = {}) {
  let attempted = 0;
  const organizationIds = [...testOrganizationIds];
  for (let round = 0; round < (opts.maxRounds ?? 50); round++) {
    if (opts.includeRetries) {
      await rootDb().eventOutbox.updateMany({ where: { status: "pending", organizationId: { in: organizationIds } }, data: { nextAttemptAt: new Date(0), lockedUntil: null } });
    }
    const res = await deliverOutboxBatch({ limit: 100, organizationIds });
    attempted += res.claimed;
    if (res.claimed === 0) break;
  }
  return attempted;
}

export async function readSettings(org: { org: { id: string } }, pluginId: string, key?: string) {
  const access = settingsAccess(pluginId, org.org.id);
  return key ? access.get(key) : access.all();
}

/**
 * Saves settings as the organization's owner would on the plugin's settings page (validated by its
 * defineSettings; keys left out keep their value): `{ ok: true, changed }` or `{ ok: false, fieldErrors }`
 * with nothing saved.
 */
export async function saveSettingsFor(org: TestOrganization, pluginId: string, input: Record<string, unknown>) {
  const manifest = await getPlugin(pluginId);
  if (!manifest) throw new Error(`plugin ${pluginId} is not installed`);
  const owner = await org.as("owner");
  return rootDb().$transaction((tx) => saveSettings(tx, { manifest, org: owner.organization, input, actorUserId: owner.user.id }));
}

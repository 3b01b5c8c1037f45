// The organization's own settings, edited by its owners and admins on /settings/organization: its
// name, time zone (dates on screens and local days of jobs and reports), currency (prices are read in
// it, never converted) and locale (how dates, numbers and money are written: core/format/locale.ts).
// Saved in one transaction with the core.organization.updated event, so the audit log records who
// changed what; a save that changes nothing writes nothing.
import type { OrgContext } from "@/core/auth/context";
import { AUDITED_TX } from "@/core/db/tx";
import { organizationUpdated } from "@/core/events/core-events";
import { emit } from "@/core/events/emit";
import { eventMeta } from "@/core/events/meta";
import { kickOutbox } from "@/core/events/outbox-signal";
import { requestOrigin } from "@/core/http/request-origin";
import type { OrganizationSettings } from "./schema";

const FIELDS = ["name", "timezone", "currency", "locale"] as const;

export type SaveResult = { ok: true; changed: (typeof FIELDS)[number][] };

/** Saves the settings of the caller's organization (ctx decides which: no id is taken from the input). */
export async function saveOrganizationSettings(ctx: OrgContext, input: OrganizationSettings): Promise<SaveResult> {
  const id = ctx.organization.id;
  const meta = eventMeta(ctx, await requestOrigin("form"));
  const changed = await ctx.db.$transaction(async (tx) => {
    // Read under a row lock: two saves at once each see the other's result as "before".
    const [current] = await tx.$queryRaw<Array<OrganizationSettings>>`
      SELECT name, timezone, currency, locale FROM organizations WHERE id = ${id}::uuid FOR UPDATE`;
    if (!current) throw new Error(`organization ${id} vanished while its settings were saved`);
    const diff = FIELDS.filter((f) => current[f].trim() !== input[f]);
    if (diff.length === 0) return diff;
    await tx.organization.update({ where: { id }, data: Object.fromEntries(diff.map((f) => [f, input[f]])) });
    await emit(tx, meta, organizationUpdated, {
      organizationId: id,
      changed: diff,
      before: Object.fromEntries(diff.map((f) => [f, current[f].trim()])),
      after: Object.fromEntries(diff.map((f) => [f, input[f]])),
    });
    return diff;
  }, AUDITED_TX);
  if (changed.length > 0) kickOutbox();
  return { ok: true, changed };
}

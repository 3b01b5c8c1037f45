// The viewer's filter, from URL parameters (validated: a bad value is reported, not silently widened)
// to one SQL WHERE pinned to the caller's organization. Shared by the table, the export and the
// record history, so what is exported is exactly what is shown.
import { z } from "zod";
import { Prisma } from "@/core/db/client";
import { isUuid } from "@/core/db/ids";
import { first, type RawSearchParams } from "@/core/lists/list-params";
import { zonedLocalToUtc } from "@/core/time/zoned";
import { AUDIT_ACTIONS } from "../chain/types";

export const TARGET_TYPES = ["core.patient", "core.appointment", "inventory.item", "plugin", "settings", "session", "member", "api_token"] as const;
/** A canonical uuid (8-4-4-4-12 hex): anything else never reaches a ::uuid cast (which would throw). */
const day = z.iso.date("Use a date like 2026-12-01");

export const auditFilterSchema = z
  .object({
    actor: z.string().trim().max(200).optional(),
    targetType: z.enum(TARGET_TYPES, "Unknown target type").optional(),
    target: z.string().trim().max(200).optional(),
    action: z.enum(AUDIT_ACTIONS, "Unknown action").optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date must be on or before the end date", path: ["from"] });
export type AuditFilter = z.output<typeof auditFilterSchema>;

export type ParsedFilter = { filter: AuditFilter; errors: Record<string, string> };

/** URL parameters -> filter; invalid parameters are dropped from the filter and reported by name. */
export function parseAuditFilter(raw: RawSearchParams): ParsedFilter {
  const input: Record<string, string | undefined> = {};
  for (const key of ["actor", "targetType", "target", "action", "from", "to"]) {
    const v = first(raw[key])?.trim();
    if (v) input[key] = v;
  }
  const parsed = auditFilterSchema.safeParse(input);
  if (parsed.success) return { filter: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "_")] ??= issue.message;
  const clean = { ...input };
  for (const key of Object.keys(errors)) delete clean[key];
  if (errors.from) delete clean.to; // a reversed range keeps neither end
  return { filter: auditFilterSchema.parse(clean), errors };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE over audit_entries (alias e); from/to are whole days in the organization's time zone. */
export function auditWhereSql(organizationId: string, f: AuditFilter, timeZone: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`e."organizationId" = ${organizationId}::uuid`];
  if (f.actor) {
    parts.push(
      isUuid(f.actor)
        ? Prisma.sql`(e."actorId" = ${f.actor.toLowerCase()} OR e."actorUserId" = ${f.actor}::uuid)`
        : Prisma.sql`e."actorLabel" ILIKE ${`%${escapeLike(f.actor)}%`}`,
    );
  }
  if (f.targetType) parts.push(Prisma.sql`e."targetType" = ${f.targetType}`);
  if (f.target) {
    parts.push(isUuid(f.target) ? Prisma.sql`e."targetId" = ${f.target.toLowerCase()}` : Prisma.sql`e."targetLabel" ILIKE ${`%${escapeLike(f.target)}%`}`);
  }
  if (f.action) parts.push(Prisma.sql`e.action = ${f.action}`);
  if (f.from) parts.push(Prisma.sql`e.at >= ${zonedLocalToUtc(`${f.from}T00:00`, timeZone)}`);
  if (f.to) {
    const next = new Date(`${f.to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    parts.push(Prisma.sql`e.at < ${zonedLocalToUtc(`${next.toISOString().slice(0, 10)}T00:00`, timeZone)}`);
  }
  return Prisma.join(parts, " AND ");
}

export function filterToParams(f: AuditFilter): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, String(v));
  return p;
}

// The gaps of the audit trail: each time the audit log itself was disabled, from that entry (who, why)
// to the entry of its next enabling — nothing done in between was recorded. Read from the chain, so a
// gap cannot be hidden without breaking it.
import { rootDb } from "@/core/db/client";

export type AuditGap = { from: string; to: string | null; by: string; reason: string | null };

export async function auditGaps(organizationId: string): Promise<AuditGap[]> {
  const rows = await rootDb().$queryRaw<Array<{ from: Date; to: Date | null; by: string; changes: unknown }>>`
    SELECT d.at AS "from", d."actorLabel" AS by, d.changes,
           (SELECT e.at FROM audit_entries e
             WHERE e."organizationId" = d."organizationId" AND e.seq > d.seq
               AND e.action = 'plugin_enabled' AND e."targetType" = 'plugin' AND e."targetId" = 'audit'
             ORDER BY e.seq LIMIT 1) AS "to"
    FROM audit_entries d
    WHERE d."organizationId" = ${organizationId}::uuid AND d.action = 'plugin_disabled' AND d."targetType" = 'plugin' AND d."targetId" = 'audit'
    ORDER BY d.seq DESC
    LIMIT 50`;
  return rows.map((r) => {
    const changes = Array.isArray(r.changes) ? (r.changes as Array<{ field?: string; after?: unknown }>) : [];
    const reason = changes.find((c) => c.field === "reason")?.after;
    return { from: r.from.toISOString(), to: r.to?.toISOString() ?? null, by: r.by, reason: typeof reason === "string" ? reason : null };
  });
}

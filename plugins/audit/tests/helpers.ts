// Shared by the audit plugin's tests: an organization with the plugin enabled, its entries as stored,
// and items inserted in one statement (fixtures for bulk writes, not a write path under test).
import { rootDb } from "@/core/db/client";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { verifyChain } from "../chain/verify";
import type { FieldChange } from "../chain/types";

export type StoredEntry = {
  seq: number; action: string; actorType: string; actorId: string | null; actorLabel: string; actorUserId: string | null;
  targetType: string; targetId: string | null; targetLabel: string | null; changes: FieldChange[];
  source: string | null; requestId: string | null; ip: string | null; importId: string | null; eventId: string | null;
};

export async function auditClinic(name = "Audit Clinic", plugins: string[] = []) {
  const org = await createTestOrganization(name);
  await enablePluginFor(org, "audit");
  for (const p of plugins) await enablePluginFor(org, p);
  return org;
}

export async function entriesOf(organizationId: string, where: { targetType?: string; action?: string } = {}): Promise<StoredEntry[]> {
  const rows = await rootDb().$queryRaw<Array<StoredEntry & { seq: bigint }>>`
    SELECT seq, action, "actorType", "actorId", "actorLabel", "actorUserId"::text AS "actorUserId", "targetType", "targetId", "targetLabel", changes,
           source, "requestId", ip, "importId", "eventId"::text AS "eventId"
    FROM audit_entries WHERE "organizationId" = ${organizationId}::uuid ORDER BY seq`;
  return rows
    .map((r) => ({ ...r, seq: Number(r.seq) }))
    .filter((r) => (!where.targetType || r.targetType === where.targetType) && (!where.action || r.action === where.action));
}

export async function expectIntact(organizationId: string) {
  const res = await verifyChain(organizationId);
  if (!res.ok) throw new Error(`chain broken: ${res.message}`);
  return res;
}

/** n items in one INSERT (sku ITEM-000001...), all in stock. */
export async function seedItems(organizationId: string, n: number, prefix = "ITEM") {
  await rootDb().$executeRaw`
    INSERT INTO inventory_items (id, "organizationId", name, sku, quantity, unit, price, "reorderThreshold", "inStock", "updatedAt")
    SELECT gen_random_uuid(), ${organizationId}::uuid, 'Item ' || g, ${prefix} || '-' || lpad(g::text, 6, '0'), 50, 'box', 1.50, 5, true, now()
    FROM generate_series(1, ${n}) g`;
  return rootDb().inventoryItem.findMany({ where: { organizationId }, select: { id: true, sku: true }, orderBy: { sku: "asc" } });
}

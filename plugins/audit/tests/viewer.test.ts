// The viewer's reads: filters (actor, target type, target, action, date range — validated), paging in
// the database, the record history, the CSV export over real HTTP (streamed, formula-escaped,
// permission-checked), the verify CLI, and organization isolation of all of them.
import "@/app/_plugins/runtime";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/core/api-tokens/tokens";
import { createPatient, updatePatient } from "@/core/patients/mutations";
import { apiClient, startApiServer, type ApiServer } from "@/tests/api/http-server";
import { patientData } from "@/tests/helpers/fixtures";
import { rootDb } from "@/core/db/client";
import { exportFileName } from "../export";
import { entryPageRequest, getEntry, listEntries, recordHistory } from "../queries/entries";
import { parseAuditFilter } from "../queries/filters";
import { auditClinic } from "./helpers";

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

async function clinicWithPatients(name: string) {
  const org = await auditClinic(name);
  const staff = await org.as("staff");
  const admin = await org.as("admin");
  const data = patientData({ firstName: "=HYPERLINK(\"http://x\")", lastName: name.split(" ")[0]! });
  const p = await createPatient(staff, data);
  if (!p.ok) throw new Error(p.error);
  await updatePatient(admin, p.data.id, { ...data, phone: "+1 555 0111" });
  const q = await createPatient(staff, patientData({ firstName: "Other" }));
  if (!q.ok) throw new Error(q.error);
  return { org, patientId: p.data.id, otherId: q.data.id, staff, admin };
}

/** A page of the viewer as its URL asks (`raw`: filters, and `after`/`before`/`last` for the page). */
const list = (orgId: string, raw: Record<string, string>, opts: { pageSize: number; dir: "asc" | "desc" } = { pageSize: 50, dir: "desc" }) =>
  listEntries(orgId, "UTC", parseAuditFilter(raw).filter, { ...opts, request: entryPageRequest(raw, opts.dir) });

describe("filters", () => {
  it("filters by actor, target type, target, action and date range, newest first, paged", async () => {
    const c = await clinicWithPatients("Filter Clinic");
    const all = await list(c.org.org.id, {});
    expect(all.rows.map((r) => r.seq)).toEqual([4, 3, 2, 1]);
    expect((await list(c.org.org.id, { actor: c.admin.user.name })).rows.map((r) => r.action)).toEqual(["updated"]);
    expect((await list(c.org.org.id, { actor: c.staff.user.id })).rows.map((r) => r.seq)).toEqual([4, 2]);
    expect((await list(c.org.org.id, { targetType: "plugin" })).rows.map((r) => r.action)).toEqual(["plugin_enabled"]);
    expect((await list(c.org.org.id, { target: c.patientId })).rows.map((r) => r.seq)).toEqual([3, 2]);
    expect((await list(c.org.org.id, { target: "other" })).rows.map((r) => r.targetId)).toEqual([c.otherId]);
    expect((await list(c.org.org.id, { action: "created", targetType: "core.patient" })).paging.count).toEqual({ value: 2, exact: true });
    const today = new Date().toISOString().slice(0, 10);
    expect((await list(c.org.org.id, { from: today, to: today })).paging.count.value).toBe(4);
    expect((await list(c.org.org.id, { from: "2000-01-01", to: "2000-01-31" })).paging.count.value).toBe(0);
    // Keyset pages by seq: oldest first, three a page; "Next" then "Previous" and the last page.
    const page1 = await list(c.org.org.id, {}, { pageSize: 3, dir: "asc" });
    expect(page1.rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    const page2 = await list(c.org.org.id, { after: page1.paging.next! }, { pageSize: 3, dir: "asc" });
    expect(page2.rows.map((r) => r.seq)).toEqual([4]);
    expect(page2.paging).toMatchObject({ start: 4, next: null });
    expect((await list(c.org.org.id, { before: page2.paging.previous! }, { pageSize: 3, dir: "asc" })).rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect((await list(c.org.org.id, { last: "1" }, { pageSize: 3, dir: "desc" })).rows.map((r) => r.seq)).toEqual([3, 2, 1]);
    // A newest-first cursor in an oldest-first list is another ordering's: the first page.
    const newest = await list(c.org.org.id, {}, { pageSize: 2, dir: "desc" });
    expect((await list(c.org.org.id, { after: newest.paging.next! }, { pageSize: 2, dir: "asc" })).rows.map((r) => r.seq)).toEqual([1, 2]);
  });

  it("reports invalid filters by name instead of widening or failing", () => {
    expect(parseAuditFilter({ from: "2026-12-05", to: "2026-12-01" })).toEqual({ filter: {}, errors: { from: "The start date must be on or before the end date" } });
    expect(parseAuditFilter({ action: "hacked", from: "yesterday", actor: "Dana" }).errors).toMatchObject({ action: "Unknown action", from: expect.stringContaining("2026-12-01") });
    expect(parseAuditFilter({ action: "hacked", actor: "Dana" }).filter).toEqual({ actor: "Dana" });
  });
});

describe("organization isolation", () => {
  it("never shows another organization's entries in the list, an entry, a history or the export", async () => {
    const a = await clinicWithPatients("Alpha Clinic");
    const b = await clinicWithPatients("Beta Clinic");
    const bEntry = (await list(b.org.org.id, {})).rows[0]!;
    expect(await getEntry(a.org.org.id, bEntry.id)).toBeNull();
    expect(await getEntry(b.org.org.id, bEntry.id)).not.toBeNull();
    expect((await list(a.org.org.id, { target: b.patientId })).paging.count.value).toBe(0);
    expect(await recordHistory(a.org.org.id, "core.patient", b.patientId)).toEqual({ rows: [], total: 0 });
    const hist = await recordHistory(b.org.org.id, "core.patient", b.patientId);
    expect(hist.rows.map((r) => r.action)).toEqual(["updated", "created"]);

    const token = await createApiToken(await a.org.as("owner"), { name: "export", expiresIn: "30" });
    if (!token.ok) throw new Error(token.error);
    const res = await fetch(`${server.url}/api/v1/audit/entries.csv?target=${b.patientId}`, { headers: { authorization: `Bearer ${token.token}` } });
    expect(res.status).toBe(200);
    expect((await res.text()).trim().split("\r\n")).toHaveLength(1); // the header only
  });
});

describe("export", () => {
  it("streams the current filter as CSV with formula cells escaped; needs audit.export", async () => {
    const c = await clinicWithPatients("Export Clinic");
    const owner = await createApiToken(await c.org.as("owner"), { name: "export", expiresIn: "30" });
    const viewer = await createApiToken(await c.org.as("viewer"), { name: "no export", expiresIn: "30" });
    if (!owner.ok || !viewer.ok) throw new Error("token");
    const res = await fetch(`${server.url}/api/v1/audit/entries.csv?targetType=core.patient&action=created`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="audit-.*\.csv"/);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("seq,time,actor type,actor,actor id,action,target type,target id,target,changes,source,request id,ip,import id,hash");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2,/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"") Export`);
    const bad = await apiClient(server.url, owner.token)("GET", "/api/v1/audit/entries.csv?from=2026-12-05&to=2026-12-01");
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain("from: The start date must be on or before the end date");
    expect((await apiClient(server.url, viewer.token)("GET", "/api/v1/audit/entries.csv")).status).toBe(403);
  });
});

describe("entry ids", () => {
  it("answers 'not found' (the page's 404), never a failed ::uuid cast, for ids that are not canonical uuids", async () => {
    const c = await clinicWithPatients("Entry Id Clinic");
    const entry = (await list(c.org.org.id, {})).rows[0]!;
    expect((await getEntry(c.org.org.id, entry.id.toUpperCase()))?.id).toBe(entry.id);
    for (const id of [entry.id.replace(/-/g, "").padEnd(36, "0"), "0".repeat(36), "-".repeat(36), `${entry.id.slice(0, 35)}-`, "", "x"]) {
      expect(await getEntry(c.org.org.id, id)).toBeNull();
    }
  });
});

describe("export file name", () => {
  it("puts only [a-z0-9._-] of the organization slug into Content-Disposition, else audit-<date>.csv", async () => {
    expect(exportFileName("north-clinic", new Date("2026-12-01T10:00:00Z"))).toBe("audit-north-clinic-2026-12-01.csv");
    expect(exportFileName('Ünï "x";\r\nSet-Cookie: a=b', new Date("2026-12-01T10:00:00Z"))).toBe("audit-n-x-set-cookie-a-b-2026-12-01.csv");
    expect(exportFileName('""', new Date("2026-12-01T10:00:00Z"))).toBe("audit-2026-12-01.csv");

    const c = await clinicWithPatients("Slug Clinic");
    await rootDb().organization.update({ where: { id: c.org.org.id }, data: { slug: `evil"; filename=x.exe ${c.org.org.id}` } });
    const token = await createApiToken(await c.org.as("owner"), { name: "export", expiresIn: "30" });
    if (!token.ok) throw new Error(token.error);
    const res = await fetch(`${server.url}/api/v1/audit/entries.csv`, { headers: { authorization: `Bearer ${token.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="audit-evil-filename-x.exe-${c.org.org.id}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    await res.text();
  });
});

describe("npm run ritiko -- audit verify", () => {
  // Two CLI processes, each booting tsx and the plugin registry: over 7 s each on a loaded CI box.
  it("says intact (exit 0), then names the broken entry (exit 1)", async () => {
    const c = await clinicWithPatients("Cli Audit Clinic");
    const cli = () => spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/ritiko.ts", "audit", "verify", "--org", c.org.org.slug], { encoding: "utf8", env: process.env, timeout: 60_000 });
    const ok = cli();
    expect({ code: ok.status, out: ok.stdout }).toEqual({ code: 0, out: "Audit chain of Cli Audit Clinic is intact: 4 entries verified.\n" });
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query("BEGIN");
      await admin.query("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_update_delete");
      await admin.query(`UPDATE audit_entries SET changes = '[]' WHERE "organizationId" = $1 AND seq = 3`, [c.org.org.id]);
      await admin.query("ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_update_delete");
      await admin.query("COMMIT");
    } finally {
      await admin.end();
    }
    const broken = cli();
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain("BROKEN at entry 3: Content hash mismatch at entry 3");
  }, 180_000);
});

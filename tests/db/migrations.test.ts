// The committed migrations produce exactly the schema in prisma/schema/*.prisma (no drift), and demo
// seeding gives what the README promises.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { DEMO_ORGS, demoEmail, MULTI_ORG_EMAIL, seedDemoData } from "@/scripts/lib/seed-demo";

describe("database schema", () => {
  const diff = (...args: string[]) =>
    spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "diff", "--from-config-datasource", ...args, "--exit-code"], { encoding: "utf8", env: process.env });

  // Two runs of Prisma's schema engine (wasm) in child processes: ~10 s on a quiet box, over 30 s on a
  // loaded CI box (a loaded run timed out here at vitest's default).
  it("has no drift between prisma/schema/*.prisma and prisma/migrations", { timeout: 180_000 }, () => {
    // Positive control first: the comparison must see the migrated tables at all (an engine that
    // cannot read the database would otherwise report "no difference" for anything).
    const control = diff("--to-empty");
    expect(control.status, control.stdout + control.stderr).toBe(2);
    // exit code 0: empty diff; 2: the database (migrated from prisma/migrations) differs from the schema.
    const res = diff("--to-schema", "prisma/schema");
    expect(res.status, res.stdout + res.stderr).toBe(0);
  });
});

describe("demo data", () => {
  it("seeds two organizations with one user per role, 200 patients and 400 appointments each, idempotently", async () => {
    await seedDemoData(process.env.DATABASE_URL!);
    await seedDemoData(process.env.DATABASE_URL!); // a second run adds nothing
    for (const o of DEMO_ORGS) {
      const org = await rootDb().organization.findUniqueOrThrow({ where: { slug: o.slug }, include: { memberships: { include: { user: true } } } });
      expect(await rootDb().patient.count({ where: { organizationId: org.id } })).toBe(200);
      expect(await rootDb().appointment.count({ where: { organizationId: org.id } })).toBe(400);
      const roles = Object.fromEntries(org.memberships.map((m) => [m.user.email, m.role]));
      for (const role of ["owner", "admin", "staff", "viewer"] as const) expect(roles[demoEmail(o.slug, role)]).toBe(role);
      expect(roles[MULTI_ORG_EMAIL]).toBeDefined();
    }
  });
});

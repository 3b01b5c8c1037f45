// The committed migrations produce exactly the schema in prisma/schema.prisma (no drift), and demo
// seeding gives what the README promises.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { DEMO_ORGS, demoEmail, MULTI_ORG_EMAIL, seedDemoData } from "@/scripts/lib/seed-demo";

describe("database schema", () => {
  it("has no drift between prisma/schema.prisma and prisma/migrations", () => {
    const diff = () =>
      spawnSync(process.execPath, ["scripts/prisma.mjs", "migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"], {
        encoding: "utf8",
        env: process.env,
      });
    let res = diff();
    // The WebAssembly schema engine very rarely traps ("RuntimeError: unreachable") under heavy CPU
    // load. That is an engine crash (exit 1), not drift (exit 2): run the comparison once more.
    if (res.status === 1 && /RuntimeError: unreachable|panic/.test(res.stderr + res.stdout)) res = diff();
    // exit code 0: empty diff; 2: the database (migrated from prisma/migrations) differs from the schema.
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

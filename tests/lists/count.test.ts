// The pager's count (core/lists/count.ts): exact while a LIMITed count stays under the limit; above it
// an estimate — never below the limit — from a sample of the table when the sample holds enough
// matches, else the planner's; scoped by the caller's WHERE like every list. And how it is shown:
// exact counts as they are, estimates rounded and said to be "about".
import { describe, expect, it } from "vitest";
import { formatCount } from "@/components/data-table/count-format";
import { Prisma, rootDb } from "@/core/db/client";
import { countMatching, plannerEstimate, sampledEstimate, type ListSource } from "@/core/lists/count";
import { createOrganization, patientData } from "@/tests/helpers/fixtures";

async function clinicWithPatients(n: number) {
  const a = await createOrganization();
  await rootDb().patient.createMany({
    data: Array.from({ length: n }, (_, i) => ({ ...patientData({ medicalRecordNumber: `CNT-${i}` }), dateOfBirth: new Date(Date.UTC(1960 + i, 0, 1)), organizationId: a.org.id })),
  });
  return a.org.id;
}

const patientsOf = (organizationId: string, extra = Prisma.empty): ListSource => ({
  table: "patients",
  alias: "p",
  where: Prisma.sql`p."organizationId" = ${organizationId}::uuid ${extra}`,
});

describe("countMatching", () => {
  it("counts exactly up to the limit and estimates above it, per organization", async () => {
    const small = await clinicWithPatients(3);
    const medium = await clinicWithPatients(40);
    await rootDb().$executeRawUnsafe("ANALYZE patients");

    expect(await countMatching(patientsOf(small), 10)).toEqual({ value: 3, exact: true });
    expect(await countMatching(patientsOf(medium), 40)).toEqual({ value: 40, exact: true });
    // An organization with nothing matching is an exact zero, not an estimate.
    expect(await countMatching(patientsOf(medium, Prisma.sql`AND p."firstName" = 'nobody-has-this-name'`), 10)).toEqual({ value: 0, exact: true });
    // Above the limit: an estimate, never below limit + 1.
    const above = await countMatching(patientsOf(medium), 10);
    expect(above.exact).toBe(false);
    expect(above.value).toBeGreaterThanOrEqual(11);
  });

  // A table of our own, so its size and layout are known: 60,000 rows, organization A's 40,000
  // spread over every page, B's 120 together on the last pages.
  it("estimates from a sample when the matches are spread, from the planner when they are clustered", async () => {
    const table = `count_sample_${Date.now().toString(36)}`;
    const db = rootDb();
    await db.$executeRawUnsafe(`CREATE TABLE ${table} ("organizationId" uuid NOT NULL, n int NOT NULL, low boolean NOT NULL)`);
    try {
      const a = crypto.randomUUID();
      const b = crypto.randomUUID();
      const c = crypto.randomUUID();
      await db.$executeRawUnsafe(
        `INSERT INTO ${table} SELECT CASE WHEN g % 3 = 0 THEN '${c}'::uuid ELSE '${a}'::uuid END, g, g % 7 = 0 FROM generate_series(1, 60000) g`,
      );
      await db.$executeRawUnsafe(`INSERT INTO ${table} SELECT '${b}'::uuid, g, false FROM generate_series(1, 120) g`);
      await db.$executeRawUnsafe(`ANALYZE ${table}`);
      const of = (org: string, extra = Prisma.empty): ListSource => ({ table, alias: "t", where: Prisma.sql`t."organizationId" = ${org}::uuid ${extra}` });

      // 40,000 rows of A over 60,120: a third of the table sampled, scaled back — near the truth.
      const all = await countMatching(of(a));
      expect(all.exact).toBe(false);
      expect(Math.abs(all.value - 40_000) / 40_000).toBeLessThan(0.15);
      // A filter with an expression the planner has no statistics for (it assumes 0.5 % for
      // `n % 2 = 1`): A's low rows with odd n are 60,000 × 2/3 × 1/7 × 1/2 ≈ 2,857. The planner is
      // off by far more than the sample.
      const oddLow = Prisma.sql`AND t.low AND t.n % 2 = 1`;
      const low = await countMatching(of(a, oddLow), 1_000);
      expect(low.exact).toBe(false);
      expect(Math.abs(low.value - 2_857) / 2_857).toBeLessThan(0.25);
      expect(Math.abs((await plannerEstimate(of(a, oddLow))) - 2_857) / 2_857).toBeGreaterThan(0.5);

      // B's 120 rows on two pages: too clustered to scale a partial sample, so the planner's number.
      expect(await sampledEstimate(of(b))).toBeNull();
      expect(await countMatching(of(b), 100)).toEqual({ value: Math.max(101, await plannerEstimate(of(b))), exact: false });
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE ${table}`);
    }
  });
});

describe("formatCount", () => {
  it("shows exact counts as they are and rounds estimates to two significant digits", () => {
    expect(formatCount({ value: 25, exact: true })).toBe("25");
    expect(formatCount({ value: 998_734, exact: true })).toBe("998,734");
    expect(formatCount({ value: 998_734, exact: false })).toBe("about 1,000,000");
    expect(formatCount({ value: 58_312, exact: false })).toBe("about 58,000");
    expect(formatCount({ value: 10_001, exact: false })).toBe("about 10,000");
    expect(formatCount({ value: 7, exact: false })).toBe("about 7");
  });
});

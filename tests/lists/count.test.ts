// The pager's count (core/lists/count.ts): exact while a LIMITed count stays under the limit, the
// planner's estimate — never below the limit — once it does, and scoped by the caller's WHERE like
// every list. And how it is shown: exact counts as they are, estimates rounded and said to be "about".
import { describe, expect, it } from "vitest";
import { formatCount } from "@/components/data-table/count-format";
import { Prisma, rootDb } from "@/core/db/client";
import { countMatching, estimateRows } from "@/core/lists/count";
import { createOrganization, patientData } from "@/tests/helpers/fixtures";

async function clinicWithPatients(n: number) {
  const a = await createOrganization();
  await rootDb().patient.createMany({
    data: Array.from({ length: n }, (_, i) => ({ ...patientData({ medicalRecordNumber: `CNT-${i}` }), dateOfBirth: new Date(Date.UTC(1960 + i, 0, 1)), organizationId: a.org.id })),
  });
  return a.org.id;
}

const patientsOf = (organizationId: string) => Prisma.sql`FROM patients p WHERE p."organizationId" = ${organizationId}::uuid`;

describe("countMatching", () => {
  it("counts exactly up to the limit and estimates above it, per organization", async () => {
    const small = await clinicWithPatients(3);
    const large = await clinicWithPatients(40);
    await rootDb().$executeRawUnsafe("ANALYZE patients");

    expect(await countMatching(patientsOf(small), 10)).toEqual({ value: 3, exact: true });
    expect(await countMatching(patientsOf(large), 40)).toEqual({ value: 40, exact: true });
    const estimated = await countMatching(patientsOf(large), 10);
    expect(estimated.exact).toBe(false);
    expect(estimated.value).toBeGreaterThanOrEqual(11);
    // The estimate is the planner's for the same clause, floored at limit + 1.
    expect(estimated.value).toBe(Math.max(11, await estimateRows(patientsOf(large))));
    // An organization with nothing matching is an exact zero, not an estimate.
    expect(await countMatching(Prisma.sql`${patientsOf(large)} AND p."firstName" = 'nobody-has-this-name'`, 10)).toEqual({ value: 0, exact: true });
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

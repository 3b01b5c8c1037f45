// Test fixtures against the real database: a fresh organization with one member per role, and the
// organization context each member would get from a signed-in request.
import crypto from "node:crypto";
import { loadOrgContext, type OrgContext } from "@/core/auth/context";
import { hashPassword } from "@/core/auth/password";
import type { Role } from "@/core/auth/roles";
import { rootDb } from "@/core/db/client";

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery staple";

export async function createOrganization(name = "Test Clinic", timezone = "UTC") {
  const slug = `t-${crypto.randomUUID().slice(0, 12)}`;
  const org = await rootDb().organization.create({ data: { name, slug, timezone } });
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
    async as(role: Role): Promise<OrgContext> {
      const ctx = await loadOrgContext(members[role].id, org.id);
      if (!ctx) throw new Error("member has no context");
      return ctx;
    },
  };
}

export function patientData(overrides: Partial<{ firstName: string; lastName: string; medicalRecordNumber: string; dateOfBirth: string }> = {}) {
  return {
    firstName: "Ada",
    lastName: "Lovelace",
    dateOfBirth: "1980-12-10",
    medicalRecordNumber: `MRN-${crypto.randomUUID().slice(0, 8)}`,
    phone: null,
    email: null,
    address: null,
    notes: null,
    ...overrides,
  };
}

// Core tests use the same fixtures plugin authors get from the plugin test kit.
import crypto from "node:crypto";
import { createTestOrganization, TEST_PASSWORD } from "@/core/testing/plugin-test-kit";

export { TEST_PASSWORD };
export const createOrganization = createTestOrganization;

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

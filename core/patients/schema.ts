// The patient form/action contract, shared by the browser form (inline errors) and the server action.
import { z } from "zod";

const optionalText = (max: number) =>
  z.string().trim().max(max, `Must be at most ${max} characters`).transform((v) => (v === "" ? null : v)).nullable().optional();

export const patientInputSchema = z.object({
  firstName: z.string().trim().min(1, "First name is required").max(100, "Must be at most 100 characters"),
  lastName: z.string().trim().min(1, "Last name is required").max(100, "Must be at most 100 characters"),
  dateOfBirth: z.iso
    .date("Enter a valid date (YYYY-MM-DD)")
    .refine((d) => d <= new Date().toISOString().slice(0, 10), "Date of birth cannot be in the future")
    .refine((d) => d >= "1900-01-01", "Date of birth must be after 1900-01-01"),
  medicalRecordNumber: z
    .string()
    .trim()
    .min(1, "Medical record number is required")
    .max(40, "Must be at most 40 characters")
    .regex(/^[A-Za-z0-9-]+$/, "Use letters, digits and dashes only"),
  phone: z
    .string()
    .trim()
    .max(40, "Must be at most 40 characters")
    .refine((v) => v === "" || /^[+0-9 ()./-]{5,}$/.test(v), "Enter a valid phone number")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  email: z
    .string()
    .trim()
    .max(254)
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address")
    .transform((v) => (v === "" ? null : v.toLowerCase()))
    .nullable()
    .optional(),
  address: optionalText(500),
  notes: optionalText(5000),
});

export type PatientInput = z.input<typeof patientInputSchema>;
export type PatientData = z.output<typeof patientInputSchema>;

export const PATIENT_SORTS = ["name", "dateOfBirth", "medicalRecordNumber", "createdAt"] as const;
export type PatientSort = (typeof PATIENT_SORTS)[number];

/** The patient list's "Visits" filter (client-safe: used by the table's filter control too). */
export const VISIT_FILTERS = { upcoming: "With an upcoming visit", none: "Without any appointment" } as const;
export type VisitFilter = keyof typeof VISIT_FILTERS;

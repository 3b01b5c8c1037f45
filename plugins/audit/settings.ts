// Audit settings. maskedPatientFields / maskedAppointmentFields: patient and appointment fields whose
// values are never written to the log — an entry still says the field changed, with "•••" for the
// values (notes by default: free text is where clinical detail ends up). Applied by the appending
// statement (chain/append.ts), which reads these keys from plugin_settings.
import { z } from "zod";
import { defineSettings } from "@/core/plugins/settings/schema";

export const MASKABLE_PATIENT_FIELDS = ["firstName", "lastName", "dateOfBirth", "medicalRecordNumber", "phone", "email", "address", "notes"] as const;

export const MASKABLE_APPOINTMENT_FIELDS = ["provider", "status", "startsAt", "endsAt", "notes"] as const;

export const auditSettings = defineSettings({
  fields: {
    maskedPatientFields: {
      type: "json",
      default: ["notes"],
      schema: z.array(z.enum(MASKABLE_PATIENT_FIELDS, `Choose among: ${MASKABLE_PATIENT_FIELDS.join(", ")}`)).max(MASKABLE_PATIENT_FIELDS.length),
      label: "Masked patient fields",
      help: `Patient fields recorded as "•••" (the entry still shows that the field changed). A JSON list of: ${MASKABLE_PATIENT_FIELDS.join(", ")}.`,
      category: "Redaction",
    },
    maskedAppointmentFields: {
      type: "json",
      default: ["notes"],
      schema: z.array(z.enum(MASKABLE_APPOINTMENT_FIELDS, `Choose among: ${MASKABLE_APPOINTMENT_FIELDS.join(", ")}`)).max(MASKABLE_APPOINTMENT_FIELDS.length),
      label: "Masked appointment fields",
      help: `Appointment fields recorded as "•••" (the entry still shows that the field changed). A JSON list of: ${MASKABLE_APPOINTMENT_FIELDS.join(", ")}.`,
      category: "Redaction",
    },
  },
});

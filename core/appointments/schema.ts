// The appointment form/action contract. Times arrive as local date-time strings from the form plus
// the browser's UTC offset, so the server stores the instant the user meant.
import { z } from "zod";

export const APPOINTMENT_STATUSES = ["scheduled", "completed", "cancelled"] as const;
export type AppointmentStatusValue = (typeof APPOINTMENT_STATUSES)[number];
export const STATUS_LABELS: Record<AppointmentStatusValue, string> = {
  scheduled: "Scheduled",
  completed: "Completed",
  cancelled: "Cancelled",
};

const instant = (label: string) =>
  z.iso.datetime({ offset: true, local: false, message: `Enter a valid ${label}` });

export const appointmentInputSchema = z
  .object({
    patientId: z.uuid("Choose a patient"),
    startsAt: instant("start time"),
    endsAt: instant("end time"),
    provider: z.string().trim().min(1, "Provider is required").max(120, "Must be at most 120 characters"),
    status: z.enum(APPOINTMENT_STATUSES, "Choose a status"),
    notes: z.string().trim().max(5000, "Must be at most 5000 characters").transform((v) => (v === "" ? null : v)).nullable().optional(),
  })
  .refine((a) => new Date(a.endsAt) > new Date(a.startsAt), { path: ["endsAt"], message: "End time must be after the start time" })
  .refine((a) => new Date(a.endsAt).getTime() - new Date(a.startsAt).getTime() <= 24 * 3600_000, {
    path: ["endsAt"],
    message: "An appointment cannot last longer than 24 hours",
  });

export type AppointmentInput = z.input<typeof appointmentInputSchema>;
export type AppointmentData = z.output<typeof appointmentInputSchema>;

export const APPOINTMENT_SORTS = ["startsAt", "patient", "provider", "status"] as const;
export type AppointmentSort = (typeof APPOINTMENT_SORTS)[number];

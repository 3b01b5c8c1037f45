import type { BadgeVariant } from "@/components/ui/badge";
import type { AppointmentStatusValue } from "@/core/appointments/schema";

export function statusVariant(status: AppointmentStatusValue): BadgeVariant {
  return status === "scheduled" ? "info" : status === "completed" ? "success" : "neutral";
}

// Bulk writes on appointments. Each is ONE SQL statement however many rows it touches, and emits the
// same core events as the single-record writes (one per affected row, through emitMany: one
// validation pass, one outbox insert). All or nothing: a failure — including a plugin's
// in-transaction handler refusing — rolls back every row and queues no event.
import { z } from "zod";
import type { OrgContext } from "@/core/auth/context";
import { invalid, type ActionResult } from "@/core/actions/result";
import { appointmentUpdated } from "@/core/events/core-events";
import { emitMany } from "@/core/events/emit";
import { eventMeta } from "@/core/events/meta";
import { requestOrigin } from "@/core/http/request-origin";
import { kickOutbox } from "@/core/events/outbox-signal";
import { appointmentRecord, updated, type AppointmentRow } from "@/core/events/record-changes";
import { appointmentColumns, unprefix } from "@/core/events/record-sql";
import { APPOINTMENT_STATUSES, type AppointmentStatusValue } from "./schema";

/** Most rows one bulk call may change (the selection of a list page, or "all matching" later). */
export const BULK_LIMIT = 10_000;

const bulkStatusInput = z.object({
  ids: z.array(z.uuid("Unknown appointment")).min(1, "Select at least one appointment").max(BULK_LIMIT, `At most ${BULK_LIMIT} appointments at once`),
  status: z.enum(APPOINTMENT_STATUSES, "Choose a status"),
});

/**
 * Sets the status of the given appointments of the caller's organization. Ids of other organizations,
 * unknown ids and appointments already in that status are left alone (and emit nothing). Returns the
 * number of appointments changed.
 */
export async function bulkUpdateAppointmentStatus(
  ctx: OrgContext,
  ids: readonly string[],
  status: AppointmentStatusValue,
): Promise<ActionResult<{ updated: number }>> {
  const input = bulkStatusInput.safeParse({ ids: [...new Set(ids)], status });
  if (!input.success) return invalid(input.error);
  const organizationId = ctx.organization.id;

  const meta = eventMeta(ctx, await requestOrigin("bulk"));
  const updatedCount = await ctx.db.$transaction(
    async (tx) => {
      // Raw SQL is not scoped by ctx.db: the organization id is bound from the context. The CTE locks
      // the organization's matching rows and keeps their old values; the UPDATE joins them by primary
      // key and returns old and new side by side — before-values and write in one statement.
      // MATERIALIZED, and no second organization filter on `a` (the join on id already pins each row):
      // with stale statistics right after a large insert, that extra filter made the planner re-run
      // the locking read once per row (quadratic); this way it is read once and each row found by key.
      const rows = await tx.$queryRaw<Record<string, unknown>[]>`
        WITH old AS MATERIALIZED (
          SELECT * FROM appointments
          WHERE "organizationId" = ${organizationId}::uuid AND id = ANY(${input.data.ids}::uuid[])
            AND status <> ${input.data.status}::"AppointmentStatus"
          FOR UPDATE
        )
        UPDATE appointments AS a
        SET status = ${input.data.status}::"AppointmentStatus", "updatedAt" = now()
        FROM old WHERE a.id = old.id
        RETURNING ${appointmentColumns("old", "before.")}, ${appointmentColumns("a", "after.")}`;
      const events = rows
        .map((r) => updated(appointmentRecord(unprefix<AppointmentRow>(r, "before.")), appointmentRecord(unprefix<AppointmentRow>(r, "after."))))
        .sort((x, y) => (x.id < y.id ? -1 : 1));
      await emitMany(tx, meta, appointmentUpdated, events);
      return rows.length;
    },
    // Handlers run per row inside this transaction: allow more than Prisma's 5 s default.
    { timeout: 60_000, maxWait: 10_000 },
  );
  kickOutbox();
  return { ok: true, data: { updated: updatedCount }, message: `${updatedCount} appointment${updatedCount === 1 ? "" : "s"} updated.` };
}

// Payload validation with errors that say which event and which field, so a plugin author (or a core
// developer) sees "core.patient.updated: after.firstName: expected string" instead of a bare ZodError.
import type { z } from "zod";
import type { EventDefinition } from "./define-event";

export class EventPayloadError extends Error {
  override readonly name = "EventPayloadError";
  constructor(
    readonly eventName: string,
    /** Each problem as "<path>: <message>"; the path starts with "[i]" for the i-th payload of emitMany. */
    readonly problems: string[],
  ) {
    super(`Invalid payload for event "${eventName}": ${problems.slice(0, 5).join("; ")}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ""}`);
  }
}

function describe(issues: z.core.$ZodIssue[], prefix: string): string[] {
  return issues.map((i) => {
    const path = i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
    const where = `${prefix}${path}`.replace(/^\./, "") || "(payload)";
    return `${where}: ${i.message}`;
  });
}

/** Validates one payload and returns the schema's output. Throws EventPayloadError. */
export function validatePayload<E extends EventDefinition>(event: E, payload: unknown): z.output<E["schema"]> {
  const r = event.schema.safeParse(payload);
  if (!r.success) throw new EventPayloadError(event.name, describe(r.error.issues, ""));
  return r.data as z.output<E["schema"]>;
}

/**
 * Validates every payload in one pass and returns the outputs in order. All problems are collected
 * (up to a bound) before throwing, so a bad bulk write reports several rows at once, not one per retry.
 */
export function validatePayloads<E extends EventDefinition>(event: E, payloads: readonly unknown[]): z.output<E["schema"]>[] {
  const out: z.output<E["schema"]>[] = new Array(payloads.length);
  const problems: string[] = [];
  for (let i = 0; i < payloads.length; i++) {
    const r = event.schema.safeParse(payloads[i]);
    if (r.success) out[i] = r.data as z.output<E["schema"]>;
    else if (problems.length < 20) problems.push(...describe(r.error.issues, `[${i}]`));
  }
  if (problems.length) throw new EventPayloadError(event.name, problems);
  return out;
}

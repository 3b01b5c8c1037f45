// What the Jobs page says a running run is doing (core/jobs/activity.ts, core/jobs/status.ts), from the
// app's record alone: executing, between steps, sleeping or waiting — or waiting to resume, with since
// when, when nothing has happened for too long or a call never answered.
import { describe, expect, it } from "vitest";
import { IDLE_STALL_MS, runActivity } from "@/core/jobs/activity";
import { stallAfterMs } from "@/core/jobs/stall";
import { activityExplanation, activityLabel as label } from "@/core/jobs/status";
import { translatorFor } from "@/core/i18n/translate";

// The page's words in English (and Spanish where said): the same catalogue the page reads.
const en = translatorFor("en", "jobs");
const es = translatorFor("es", "jobs");
const activityLabel = (a: Parameters<typeof label>[0]) => label(a, en);
const explain = (a: Parameters<typeof activityExplanation>[0], zone: string) => activityExplanation(a, zone, en);

const now = Date.parse("2026-12-06T13:10:00.000Z");
const ago = (ms: number) => new Date(now - ms);

describe("run activity", () => {
  it("is executing while a call is in flight, and stalled once it has run longer than any step may", () => {
    expect(runActivity({ lastSeenAt: ago(1_000), inFlightSince: ago(1_000), waiting: null }, now)).toEqual({ kind: "executing", since: ago(1_000).toISOString() });
    const lost = runActivity({ lastSeenAt: ago(stallAfterMs() + 1_000), inFlightSince: ago(stallAfterMs() + 1_000), waiting: null }, now);
    expect(lost).toEqual({ kind: "stalled", reason: "unanswered", since: ago(stallAfterMs() + 1_000).toISOString() });
    expect(activityLabel(lost)).toBe("Waiting to resume");
    expect(explain(lost, "UTC")).toMatch(/^its call started at \d\d:\d\d:\d\d never answered; the job runner retries it$/);
  });

  it("is between steps for a moment, and waiting to resume after IDLE_STALL_MS without a call", () => {
    expect(runActivity({ lastSeenAt: ago(IDLE_STALL_MS - 1_000), inFlightSince: null, waiting: null }, now).kind).toBe("between-steps");
    const idle = runActivity({ lastSeenAt: ago(IDLE_STALL_MS + 1_000), inFlightSince: null, waiting: null }, now);
    expect(idle.kind).toBe("stalled");
    expect(activityLabel(idle)).toBe("Waiting to resume");
    // In the organization's time zone: 13:09:44 UTC is 15:09:44 in Helsinki.
    expect(explain(idle, "Europe/Helsinki")).toBe("nothing has run since 15:09:44; the job runner retries it");
    expect(activityExplanation(idle, "Europe/Helsinki", es)).toBe("no se ha ejecutado nada desde las 15:09:44; el ejecutor de tareas lo reintenta");
    expect(label(idle, es)).toBe("Esperando para reanudar");
  });

  it("is sleeping or waiting however long it takes, never stalled", () => {
    const napping = runActivity({ lastSeenAt: ago(3_600_000), inFlightSince: null, waiting: { type: "sleep", step: "settle" } }, now);
    expect(napping).toEqual({ kind: "waiting", type: "sleep", step: "settle" });
    expect(activityLabel(napping)).toBe("Sleeping");
    expect(explain(napping, "UTC")).toBe("at step “settle”");
    expect(activityLabel({ kind: "waiting", type: "waitForEvent", step: "approval" })).toBe("Waiting for an event");
    expect(activityLabel({ kind: "executing", since: ago(0).toISOString() })).toBe("Running");
  });
});

import { describe, expect, it } from "vitest";
import { formatDateTime, formatTime, utcToZonedLocal, zonedDayBounds, zonedLocalToUtc } from "@/core/time/zoned";

describe("organization time zones", () => {
  it("converts wall-clock times to instants across daylight-saving changes", () => {
    expect(zonedLocalToUtc("2026-01-15T09:30", "America/New_York")!.toISOString()).toBe("2026-01-15T14:30:00.000Z");
    expect(zonedLocalToUtc("2026-07-15T09:30", "America/New_York")!.toISOString()).toBe("2026-07-15T13:30:00.000Z");
    expect(zonedLocalToUtc("2026-03-29T12:00", "Europe/London")!.toISOString()).toBe("2026-03-29T11:00:00.000Z");
    expect(zonedLocalToUtc("2026-07-15T09:30", "UTC")!.toISOString()).toBe("2026-07-15T09:30:00.000Z");
    expect(zonedLocalToUtc("2026-13-45T99:00", "UTC")).toBeNull();
    expect(zonedLocalToUtc("tomorrow", "UTC")).toBeNull();
  });

  it("round-trips instants back to the wall clock", () => {
    for (const tz of ["America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Sydney"]) {
      expect(utcToZonedLocal(zonedLocalToUtc("2026-11-02T08:15", tz)!, tz)).toBe("2026-11-02T08:15");
    }
  });

  it("computes 'today' in the organization's zone, not the server's", () => {
    const now = new Date("2026-11-25T03:00:00Z"); // still Nov 24 in New York
    const { start, end } = zonedDayBounds("America/New_York", now);
    expect(start.toISOString()).toBe("2026-11-24T05:00:00.000Z");
    expect(end.toISOString()).toBe("2026-11-25T05:00:00.000Z");
  });

  it("formats each instant in the zone and style asked for, however the calls interleave (formatters are reused)", () => {
    const at = "2026-07-15T13:30:00.000Z";
    for (let i = 0; i < 3; i++) {
      expect(formatDateTime(at, "America/New_York")).toBe("Jul 15, 2026, 9:30 AM");
      expect(formatDateTime(at, "Europe/Berlin")).toBe("Jul 15, 2026, 3:30 PM");
      expect(formatDateTime(at, "Europe/Berlin", { timeStyle: "medium" })).toBe("Jul 15, 2026, 3:30:00 PM");
      expect(formatTime(at, "Asia/Tokyo")).toBe("10:30 PM");
      expect(utcToZonedLocal(at, "Asia/Tokyo")).toBe("2026-07-15T22:30");
    }
    expect(() => formatDateTime(at, "Mars/Olympus")).toThrow(RangeError);
  });
});

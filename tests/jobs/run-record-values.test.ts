// What the run-record middleware keeps of an error (inngest/run-records/middleware.ts): never a throw
// of its own inside the job's call, whatever the job threw.
import { describe, expect, it } from "vitest";
import { serializeError } from "@/inngest/run-records/middleware";

describe("serializeError", () => {
  it("keeps an Error's name, message and the start of its stack", () => {
    const err = new TypeError("the scale was busy");
    err.stack = `TypeError: the scale was busy\n${"    at frame\n".repeat(500)}`;
    const kept = serializeError(err);
    expect(kept).toMatchObject({ name: "TypeError", message: "the scale was busy" });
    expect(kept.stack!.length).toBe(2_000);
  });

  it("writes thrown strings and plain values as the message, and survives values JSON cannot write", () => {
    expect(serializeError("closed")).toEqual({ name: "Error", message: "closed" });
    expect(serializeError({ code: 42 })).toEqual({ name: "Error", message: '{"code":42}' });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(serializeError(circular)).toEqual({ name: "Error", message: "[object Object]" });
    expect(serializeError(10n)).toEqual({ name: "Error", message: "10" });
    expect(serializeError(undefined)).toEqual({ name: "Error", message: "undefined" });
  });
});

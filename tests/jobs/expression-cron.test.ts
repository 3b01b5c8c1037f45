// Pure parts of the embedded executor: the `if` expression evaluator and cron time computation.
import { describe, expect, it } from "vitest";
import { matches, nextCronTime, parseCron, parseExpression, valueOf, ExpressionSyntaxError } from "@/inngest/executor";

const ev = (data: Record<string, unknown>, name = "app/thing") => ({ event: { id: "e1", name, data, ts: 0 } });
const m = (src: string, scope: Parameters<typeof matches>[1]) => matches(parseExpression(src), scope);

describe("if expressions", () => {
  it("compares strings, numbers, bools and null", () => {
    const s = ev({ plan: "pro", amount: 150, trial: false, note: null, nested: { deep: { v: "x" } }, list: ["a", "b"] });
    expect(m("event.data.plan == 'pro'", s)).toBe(true);
    expect(m('event.data.plan == "pro"', s)).toBe(true);
    expect(m("event.data.plan != 'pro'", s)).toBe(false);
    expect(m("event.data.amount > 100 && event.data.amount <= 150", s)).toBe(true);
    expect(m("event.data.amount >= 151 || event.data.amount < 0", s)).toBe(false);
    expect(m("event.data.amount == 150.0", s)).toBe(true);
    expect(m("event.data.trial == false && !event.data.trial", s)).toBe(true);
    expect(m("event.data.note == null", s)).toBe(true);
    expect(m("event.data.nested.deep.v == 'x'", s)).toBe(true);
    expect(m("event.data['nested'].deep['v'] == 'x' && event.data.list[1] == 'b'", s)).toBe(true);
    expect(m("event.name == 'app/thing'", s)).toBe(true);
    expect(m("!(event.data.plan == 'free' || event.data.amount < 10) && true", s)).toBe(true);
    expect(m("event.data.amount > -5", s)).toBe(true);
    expect(m("'b' > 'a'", s)).toBe(true);
  });

  it("tolerates missing keys: they read as null, and comparisons with them are false (never throws)", () => {
    const s = ev({ plan: "pro" });
    expect(m("event.data.missing == 'x'", s)).toBe(false);
    expect(m("event.data.missing != 'x'", s)).toBe(false);
    expect(m("event.data.missing.deeper.still > 3", s)).toBe(false);
    expect(m("event.data.plan.length == 3", s)).toBe(false);
    expect(m("async.data.id == event.data.plan", s)).toBe(false);
    expect(m("event.data.missing == 'x' || event.data.plan == 'pro'", s)).toBe(true);
    expect(m("event.data.plan > 3", s)).toBe(false);
    expect(matches(parseExpression("event.data.x == 1"), {})).toBe(false);
    expect(valueOf(parseExpression("event.data.missing"), s)).toBeUndefined();
    expect(valueOf(parseExpression("event.data.plan"), s)).toBe("pro");
  });

  it("evaluates async (the incoming event) against event (the run's own)", () => {
    const scope = { event: { data: { orderId: "o1" } }, async: { name: "order/cancelled", data: { orderId: "o1" } } };
    expect(m("async.data.orderId == event.data.orderId", scope)).toBe(true);
    expect(m("async.data.orderId == event.data.orderId && async.name == 'order/other'", scope)).toBe(false);
  });

  it("rejects what it does not support, at parse time", () => {
    for (const bad of ["event.data.x ==", "event.data.x = 'a'", "foo.bar == 1", "event.data.x == 'a", "(event.data.x == 1", "size(event.data) > 1", "event.data.x.startsWith('a')", "", "1 < 2 < 3", "event.data.x == 1 ;"]) {
      expect(() => parseExpression(bad), bad).toThrow(ExpressionSyntaxError);
    }
  });
});

describe("cron", () => {
  it("parses 5-field crons with TZ, ranges, steps, lists and names", () => {
    const c = parseCron("TZ=Europe/Berlin */15 9-17 * JAN,jul MON-FRI");
    expect(c.tz).toBe("Europe/Berlin");
    expect([...c.minute]).toEqual([0, 15, 30, 45]);
    expect([...c.month]).toEqual([1, 7]);
    expect([...c.dow]).toEqual([1, 2, 3, 4, 5]);
    expect(() => parseCron("* * * *")).toThrow(/5 fields/);
    expect(() => parseCron("TZ=Mars/Olympus 0 0 * * *")).toThrow(/time zone/);
    expect(() => parseCron("61 * * * *")).toThrow(/out of range/);
  });

  it("computes UTC crons", () => {
    expect(nextCronTime("0 0 * * *", new Date("2026-03-10T12:00:00Z")).toISOString()).toBe("2026-03-11T00:00:00.000Z");
    expect(nextCronTime("*/5 * * * *", new Date("2026-03-10T12:03:20Z")).toISOString()).toBe("2026-03-10T12:05:00.000Z");
    expect(nextCronTime("0 12 * * 1", new Date("2026-03-10T12:00:00Z")).toISOString()).toBe("2026-03-16T12:00:00.000Z");
    // Day-of-month and day-of-week both restricted: either matches (Vixie cron).
    expect(nextCronTime("0 0 13 * 5", new Date("2026-03-01T00:00:00Z")).toISOString()).toBe("2026-03-06T00:00:00.000Z");
    expect(nextCronTime("0 0 29 2 *", new Date("2026-03-01T00:00:00Z")).toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });

  it("keeps Europe/Berlin midnight across DST changes", () => {
    const cron = "TZ=Europe/Berlin 0 0 * * *";
    // Spring forward on 2026-03-29 (02:00 CET -> 03:00 CEST).
    expect(nextCronTime(cron, new Date("2026-03-28T12:00:00Z")).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(nextCronTime(cron, new Date("2026-03-28T23:00:00Z")).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    // Fall back on 2026-10-25 (03:00 CEST -> 02:00 CET).
    expect(nextCronTime(cron, new Date("2026-10-24T22:00:00Z")).toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(nextCronTime(cron, new Date("2026-10-25T23:00:00Z")).toISOString()).toBe("2026-10-26T23:00:00.000Z");
  });

  it("handles wall times in a DST gap and overlap", () => {
    // 02:30 does not exist in Berlin on 2026-03-29: it fires at 03:30 CEST (01:30Z), like Go's time.Date.
    expect(nextCronTime("TZ=Europe/Berlin 30 2 * * *", new Date("2026-03-28T12:00:00Z")).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // 02:30 happens twice on 2026-10-25: fires once, at the first (CEST, 00:30Z), then on the next day.
    const first = nextCronTime("TZ=Europe/Berlin 30 2 * * *", new Date("2026-10-24T12:00:00Z"));
    expect(first.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(nextCronTime("TZ=Europe/Berlin 30 2 * * *", first).toISOString()).toBe("2026-10-26T01:30:00.000Z");
  });
});

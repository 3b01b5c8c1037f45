// The outbox dispatcher: delivery once, retries with backoff, final failure, skipping handlers of
// plugins that are gone or disabled, lease fencing, concurrent dispatchers, and the in-process loop.
// Every deliverOutboxBatch call is restricted to this file's organizations: test files run in
// parallel against one database, and another file's rows are not ours to deliver.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { rootDb } from "@/core/db/client";
import { defineEvent } from "@/core/events/define-event";
import { emit, type EmitMeta } from "@/core/events/emit";
import { deliverOutboxBatch, type DeliverOptions } from "@/core/events/outbox";
import { retryDelayMs } from "@/core/events/outbox-backoff";
import { isOutboxDispatcherRunning, kickOutbox, startOutboxDispatcher, stopOutboxDispatcher } from "@/core/events/outbox-dispatcher";
import { afterCommit, definePlugin, type EventHandlerContext } from "@/core/plugins/types";
import { createOrganization } from "../helpers/fixtures";
import { installPlugins, setPluginEnabled } from "./helpers";
import { until } from "@/tests/helpers/wait";

const pinged = defineEvent("fixture.pinged", z.object({ n: z.number().int(), mode: z.enum(["ok", "fail", "slow"]).default("ok") }));

const delivered: { eventId: string; n: number; ctx: Omit<EventHandlerContext, "settings" | "origin"> }[] = [];
let onHandle: ((eventId: string) => Promise<void> | void) | undefined;

const sink = definePlugin({
  id: "sink", name: "Sink", version: "1.0.0", description: "", author: "t",
  handlers: {
    durable: [
      afterCommit({
        id: "record",
        event: pinged,
        retries: 2,
        handle: async (p, { organization, actor, eventId }) => {
          await onHandle?.(eventId);
          if (p.mode === "fail") throw new Error(`cannot handle ${p.n}`);
          delivered.push({ eventId, n: p.n, ctx: { organization, actor, eventId } });
        },
      }),
    ],
  },
});
// Installed while the rows are written; the test then "uninstalls" it by re-registering without it.
const gone = definePlugin({
  id: "gone", name: "Gone", version: "1.0.0", description: "", author: "t",
  handlers: { durable: [afterCommit({ id: "h", event: pinged, handle: () => {} })] },
});

beforeAll(() => installPlugins(sink));
afterEach(() => {
  onHandle = undefined;
  delivered.length = 0;
});

async function setup(plugins = ["sink"]) {
  const a = await createOrganization();
  for (const id of plugins) await setPluginEnabled(a.org.id, id);
  const meta: EmitMeta = { organization: a.org, actor: { type: "user", id: a.members.staff.id, name: "Sam" } };
  const send = (payloads: z.input<typeof pinged.schema>[]) =>
    rootDb().$transaction(async (tx) => {
      const ids: string[] = [];
      for (const p of payloads) ids.push((await emit(tx, meta, pinged, p)).eventId);
      return ids;
    });
  const deliver = (opts: DeliverOptions = {}) => deliverOutboxBatch({ ...opts, organizationIds: [a.org.id] });
  const rows = () => rootDb().eventOutbox.findMany({ where: { organizationId: a.org.id }, orderBy: { id: "asc" } });
  /** Makes every pending row due now, as if its backoff had elapsed. */
  const fastForward = () => rootDb().eventOutbox.updateMany({ where: { organizationId: a.org.id, status: "pending" }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
  return { ...a, meta, send, deliver, rows, fastForward };
}

describe("deliverOutboxBatch", () => {
  it("delivers each committed event once, with its organization, actor and event id", async () => {
    const t = await setup();
    const [e1, e2] = await t.send([{ n: 1 }, { n: 2 }]);
    expect(await t.deliver()).toMatchObject({ claimed: 2, delivered: 2, retried: 0, failed: 0, skipped: 0 });
    expect(delivered.map((d) => [d.eventId, d.n])).toEqual([[e1, 1], [e2, 2]]);
    expect(delivered[0]!.ctx).toEqual({ organization: { id: t.org.id, name: t.org.name, slug: t.org.slug, timezone: t.org.timezone, currency: t.org.currency, locale: t.org.locale }, actor: t.meta.actor, eventId: e1 });
    expect((await t.rows()).map((r) => [r.status, r.attempts, r.lockedUntil, r.deliveredAt !== null])).toEqual([
      ["delivered", 1, null, true],
      ["delivered", 1, null, true],
    ]);
    // Nothing left: a second batch claims nothing and delivers nothing again.
    expect(await t.deliver()).toMatchObject({ claimed: 0, delivered: 0 });
    expect(delivered).toHaveLength(2);
  });

  it("retries a failing handler with backoff, then marks it failed after maxAttempts (retries + 1)", async () => {
    const t = await setup();
    await t.send([{ n: 7, mode: "fail" }]);
    const before = Date.now();
    expect(await t.deliver()).toMatchObject({ claimed: 1, retried: 1 });
    let [row] = await t.rows();
    expect(row).toMatchObject({ status: "pending", attempts: 1, maxAttempts: 3, lockedUntil: null, lastError: "Error: cannot handle 7" });
    // First retry after 10 s ± 20 %.
    const wait = row!.nextAttemptAt.getTime() - before;
    expect(wait).toBeGreaterThan(7_500);
    expect(wait).toBeLessThan(12_500);
    // Not due yet: not claimed.
    expect(await t.deliver()).toMatchObject({ claimed: 0 });

    await t.fastForward();
    expect(await t.deliver()).toMatchObject({ retried: 1 });
    [row] = await t.rows();
    expect(row!.attempts).toBe(2);
    expect(row!.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(20_000); // second retry: 30 s ± 20 %

    await t.fastForward();
    expect(await t.deliver()).toMatchObject({ failed: 1 });
    [row] = await t.rows();
    expect(row).toMatchObject({ status: "failed", attempts: 3, lockedUntil: null, deliveredAt: null, lastError: "Error: cannot handle 7" });
    await t.fastForward();
    expect(await t.deliver()).toMatchObject({ claimed: 0 }); // failed rows stay failed
  });

  it("skips the handler of a plugin disabled for the organization, or no longer installed, with the reason", async () => {
    installPlugins(sink, gone);
    const t = await setup(["sink", "gone"]);
    await t.send([{ n: 1 }]);
    await setPluginEnabled(t.org.id, "sink", false);
    installPlugins(sink); // "gone" is uninstalled before delivery
    expect(await t.deliver()).toMatchObject({ claimed: 2, delivered: 0, skipped: 2 });
    expect(delivered).toEqual([]);
    expect((await t.rows()).map((r) => [r.handlerKey, r.status, r.lastError])).toEqual([
      ["gone:h", "skipped", 'Plugin "gone" is not installed'],
      ["sink:record", "skipped", 'Plugin "sink" is not enabled for the organization'],
    ]);
  });

  it("fails a row at once when its stored payload no longer matches the event schema", async () => {
    const t = await setup();
    await t.send([{ n: 1 }]);
    await rootDb().eventOutbox.updateMany({ where: { organizationId: t.org.id }, data: { payload: { n: "one" } } });
    expect(await t.deliver()).toMatchObject({ failed: 1 });
    const [row] = await t.rows();
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.lastError).toMatch(/^Invalid payload for event "fixture\.pinged": n: .*schema changed/);
  });

  it("leaves leased rows alone, reclaims them when the lease has expired, and does not record over someone else's lease", async () => {
    const t = await setup();
    await t.send([{ n: 1 }]);
    // Another dispatcher holds the lease: not ours to claim.
    await rootDb().eventOutbox.updateMany({ where: { organizationId: t.org.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    expect(await t.deliver()).toMatchObject({ claimed: 0 });
    // Its process died: once the lease has expired the row is delivered (at least once).
    await rootDb().eventOutbox.updateMany({ where: { organizationId: t.org.id }, data: { lockedUntil: new Date(Date.now() - 1) } });
    // While our handler runs, our lease "expires" and another dispatcher re-claims the row.
    onHandle = async () => {
      await rootDb().eventOutbox.updateMany({ where: { organizationId: t.org.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    };
    expect(await t.deliver()).toMatchObject({ claimed: 1, delivered: 0, leaseLost: 1 });
    // The other dispatcher's claim is untouched: it records its own outcome.
    expect((await t.rows())[0]).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("times a hung handler out as a failed attempt", async () => {
    const t = await setup();
    await t.send([{ n: 1 }]);
    // Never settles (so it cannot record a late delivery into another test).
    onHandle = () => new Promise<void>(() => {});
    expect(await t.deliver({ handlerTimeoutMs: 100, leaseMs: 20_000 })).toMatchObject({ retried: 1 });
    expect((await t.rows())[0]!.lastError).toMatch(/Timed out after 100 ms/);
  });

  it("skips a row another claim is locking right now, without waiting for it", async () => {
    const t = await setup();
    const [first] = await t.send([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const row = (await t.rows()).find((r) => r.eventId === first)!;
    // Another dispatcher is in the middle of claiming `row`: its transaction holds the row lock.
    let release!: () => void;
    let lockTaken!: () => void;
    const taken = new Promise<void>((r) => (lockTaken = r));
    const holder = rootDb().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM event_outbox WHERE id = ${row.id} FOR UPDATE`;
        lockTaken();
        await new Promise<void>((r) => (release = r));
      },
      { timeout: 5_000 },
    );
    await taken;
    try {
      expect(await t.deliver()).toMatchObject({ claimed: 2, delivered: 2 });
      expect((await t.rows()).find((r) => r.id === row.id)).toMatchObject({ status: "pending", attempts: 0, lockedUntil: null });
    } finally {
      release();
      await holder;
    }
    expect(await t.deliver()).toMatchObject({ claimed: 1, delivered: 1 });
    expect(delivered.map((d) => d.n).sort()).toEqual([1, 2, 3]);
  });

  it("never delivers a row twice when dispatchers run concurrently", async () => {
    const t = await setup();
    const ids = await t.send(Array.from({ length: 120 }, (_, n) => ({ n })));
    onHandle = () => new Promise<void>((resolve) => setTimeout(resolve, 2)); // interleave the dispatchers
    const run = async () => {
      for (;;) {
        const c = await t.deliver({ limit: 7, concurrency: 2 });
        if (c.claimed === 0) return;
      }
    };
    await Promise.all([run(), run(), run()]);
    const seen = delivered.map((d) => d.eventId);
    expect(seen).toHaveLength(120);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect((await t.rows()).every((r) => r.status === "delivered" && r.attempts === 1)).toBe(true);
  });
});

describe("retryDelayMs", () => {
  it("follows 10 s, 30 s, 2 min, 10 min, 1 h with ±20 % jitter", () => {
    const mid = (n: number) => retryDelayMs(n, () => 0.5);
    expect([1, 2, 3, 4, 5, 9].map(mid)).toEqual([10_000, 30_000, 120_000, 600_000, 3_600_000, 3_600_000]);
    expect(retryDelayMs(1, () => 0)).toBe(8_000);
    expect(retryDelayMs(1, () => 1)).toBe(12_000);
  });
});

describe("the in-process dispatcher", () => {
  it("starts once, delivers right after a kick, and stops", async () => {
    const t = await setup();
    // A poll interval far longer than the test: only the kick can explain a prompt delivery.
    const handle = startOutboxDispatcher({ pollMs: 60_000, batch: { organizationIds: [t.org.id] } });
    try {
      expect(startOutboxDispatcher()).toBe(handle);
      expect(isOutboxDispatcherRunning()).toBe(true);
      // The first (empty) round must be over: an event sent before it would be delivered by it.
      await until("the dispatcher's first round", () => handle.rounds() >= 1, 10_000);
      const [eventId] = await t.send([{ n: 42 }]);
      kickOutbox();
      await expect.poll(() => delivered.map((d) => d.eventId), { timeout: 5_000, interval: 20 }).toEqual([eventId]);
    } finally {
      await stopOutboxDispatcher();
    }
    expect(isOutboxDispatcherRunning()).toBe(false);
  });
});

// emit / emitMany: validation, in-transaction handlers (same transaction, veto), and the outbox rows
// that are written with the change — and only when the change commits.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { rootDb } from "@/core/db/client";
import { patientCreated } from "@/core/events/core-events";
import { defineEvent } from "@/core/events/define-event";
import { emit, emitMany, EventHandlerError, EventPayloadError, isEventHandlerError, type EmitMeta } from "@/core/events/emit";
import { createPatient } from "@/core/patients/mutations";
import { afterCommit, definePlugin, onEvent, type Actor } from "@/core/plugins/types";
import { createOrganization, patientData } from "../helpers/fixtures";
import { counting, installPlugins, setPluginEnabled } from "./helpers";

const noteAdded = defineEvent(
  "fixture.note_added",
  z.object({ patientId: z.uuid(), text: z.string().min(1), count: z.number().int().default(1) }),
);
const nobodyListens = defineEvent("fixture.unheard", z.object({ n: z.number() }));

const calls: string[] = [];
const batches: { eventIds: string[]; texts: string[] }[] = [];
const seenInside: { committedElsewhere: boolean; actor: Actor; eventId: string }[] = [];

// Registered out of order on purpose: handlers must run in plugin-id order.
const zeta = definePlugin({
  id: "zeta", name: "Zeta", version: "1.0.0", description: "", author: "t",
  handlers: {
    inTransaction: [onEvent({ event: noteAdded, handle: (p) => void calls.push(`zeta:${p.text}`) })],
    durable: [afterCommit({ id: "mirror", event: noteAdded, retries: 2, handle: () => {} })],
  },
});
const alpha = definePlugin({
  id: "alpha", name: "Alpha", version: "1.0.0", description: "", author: "t",
  handlers: {
    inTransaction: [
      onEvent({
        event: noteAdded,
        handle: (p) => void calls.push(`alpha:${p.text}:${p.count}`),
        handleMany: (events) => void batches.push({ eventIds: events.map((e) => e.eventId), texts: events.map((e) => e.payload.text) }),
      }),
      onEvent({
        event: patientCreated,
        handle: async (p, { tx, actor, eventId }) => {
          // The new patient is visible in the handler's transaction but not yet to anybody else...
          const elsewhere = await rootDb().patient.findUnique({ where: { id: p.id } });
          seenInside.push({ committedElsewhere: elsewhere !== null, actor, eventId });
          // ...and what the handler writes commits (or rolls back) together with it.
          await tx.patient.update({ where: { id: p.id }, data: { notes: "checked by alpha" } });
        },
      }),
    ],
    durable: [afterCommit({ id: "notify", event: noteAdded, handle: () => {} }), afterCommit({ id: "welcome", event: patientCreated, handle: () => {} })],
  },
});
const veto = definePlugin({
  id: "veto", name: "Veto", version: "1.0.0", description: "", author: "t",
  handlers: {
    inTransaction: [
      onEvent({
        event: patientCreated,
        handle: (p) => {
          if (p.after.firstName === "Forbidden") throw new Error("this name is not allowed");
        },
      }),
    ],
  },
});
const off = definePlugin({
  id: "off", name: "Off", version: "1.0.0", description: "", author: "t",
  handlers: {
    inTransaction: [onEvent({ event: noteAdded, handle: () => void calls.push("off") })],
    durable: [afterCommit({ id: "never", event: noteAdded, handle: () => {} })],
  },
});

beforeAll(() => installPlugins(zeta, veto, off, alpha));

async function org(enabled: string[] = ["alpha", "zeta", "veto"]) {
  const a = await createOrganization();
  for (const id of enabled) await setPluginEnabled(a.org.id, id);
  await setPluginEnabled(a.org.id, "off", false);
  const meta: EmitMeta = { organization: a.org, actor: { type: "system", name: "test" } };
  return { ...a, meta };
}

const outboxOf = (organizationId: string) =>
  rootDb().eventOutbox.findMany({ where: { organizationId }, orderBy: [{ eventId: "asc" }, { handlerKey: "asc" }] });

describe("emit", () => {
  it("type-checks and validates the payload, naming the event and the field; nothing is written", async () => {
    const { org: o, meta } = await org();
    const err = await rootDb()
      .$transaction((tx) =>
        // @ts-expect-error text must be a string: emitting is type-checked against the schema
        emit(tx, meta, noteAdded, { patientId: "not-a-uuid", text: 42 }),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EventPayloadError);
    expect((err as Error).message).toMatch(/^Invalid payload for event "fixture\.note_added": patientId: .*; text: /);
    expect(calls).toEqual([]);
    expect(await outboxOf(o.id)).toEqual([]);
  });

  it("runs in-transaction handlers of enabled plugins in plugin-id order and queues one row per durable handler", async () => {
    calls.length = 0;
    const { org: o, meta } = await org();
    const patientId = crypto.randomUUID();
    const { eventId } = await rootDb().$transaction((tx) => emit(tx, meta, noteAdded, { patientId, text: "hi" }));
    // "off" is installed but disabled for the organization: neither of its handlers counts.
    expect(calls).toEqual(["alpha:hi:1", "zeta:hi"]);
    const rows = await outboxOf(o.id);
    expect(rows.map((r) => [r.handlerKey, r.maxAttempts, r.status, r.attempts])).toEqual([
      ["alpha:notify", 5, "pending", 0],
      ["zeta:mirror", 3, "pending", 0],
    ]);
    // The stored payload is the validated one (defaults applied), with the event id and actor.
    expect(rows[0]).toMatchObject({ eventId, eventName: "fixture.note_added", payload: { patientId, text: "hi", count: 1 }, actor: meta.actor });
  });

  it("writes outbox rows only when the transaction commits: a rolled-back change queues nothing", async () => {
    const { org: o, meta } = await org();
    let insideCount = -1;
    await expect(
      rootDb().$transaction(async (tx) => {
        const { eventId } = await emit(tx, meta, noteAdded, { patientId: crypto.randomUUID(), text: "doomed" });
        insideCount = await tx.eventOutbox.count({ where: { eventId } });
        throw new Error("the change fails after emitting");
      }),
    ).rejects.toThrow("the change fails after emitting");
    expect(insideCount).toBe(2); // written inside the transaction...
    expect(await outboxOf(o.id)).toEqual([]); // ...and gone with it
  });

  it("refuses to run outside a transaction", async () => {
    const { meta } = await org();
    await expect(emit(rootDb(), meta, noteAdded, { patientId: crypto.randomUUID(), text: "loose" })).rejects.toThrow(/needs the transaction of the change/);
    expect(calls).not.toContain("alpha:loose:1");
  });

  it("costs no statement at all when no enabled plugin listens", async () => {
    const { meta } = await org();
    const log: string[] = [];
    await rootDb().$transaction((tx) => emit(counting(tx, log), meta, nobodyListens, { n: 1 }));
    expect(log).toEqual([]);
  });
});

describe("core writes with in-transaction handlers", () => {
  it("runs the handler inside the write's transaction: it sees the uncommitted row and its writes commit with it", async () => {
    seenInside.length = 0;
    const a = await org();
    const ctx = await a.as("staff");
    const res = await createPatient(ctx, patientData({ firstName: "Grace" }));
    if (!res.ok) throw new Error(res.error);
    expect(seenInside).toEqual([{ committedElsewhere: false, actor: { type: "user", id: ctx.user.id, name: ctx.user.name }, eventId: expect.any(String) }]);
    expect((await rootDb().patient.findUniqueOrThrow({ where: { id: res.data.id } })).notes).toBe("checked by alpha");
    const rows = await outboxOf(a.org.id);
    expect(rows.map((r) => [r.handlerKey, r.eventId])).toEqual([["alpha:welcome", seenInside[0]!.eventId]]);
  });

  it("a handler that throws aborts the change: no patient, no handler writes, no outbox row", async () => {
    const a = await org();
    const ctx = await a.as("staff");
    const mrn = "VETO-1";
    const err = await createPatient(ctx, patientData({ firstName: "Forbidden", medicalRecordNumber: mrn })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EventHandlerError);
    expect(err).toMatchObject({ pluginId: "veto", eventName: "core.patient.created" });
    expect((err as Error).message).toMatch(/this name is not allowed/);
    expect(await rootDb().patient.count({ where: { organizationId: a.org.id, medicalRecordNumber: mrn } })).toBe(0);
    expect(await outboxOf(a.org.id)).toEqual([]);
  });

  it("recognizes a plugin's refusal thrown by another copy of the events module (the production API router calls the build's handlers)", () => {
    // What the build's own EventHandlerError class looks like from outside it: same name and fields, another class.
    class BundledEventHandlerError extends Error {
      override readonly name = "EventHandlerError";
      constructor(readonly pluginId: string, readonly eventName: string, override readonly cause: unknown) {
        super("refused");
      }
    }
    expect(isEventHandlerError(new EventHandlerError("veto", "core.patient.created", new Error("no")))).toBe(true);
    expect(isEventHandlerError(new BundledEventHandlerError("veto", "core.patient.created", new Error("no")))).toBe(true);
    expect(isEventHandlerError(Object.assign(new Error("x"), { name: "EventHandlerError" }))).toBe(false);
    expect(isEventHandlerError({ name: "EventHandlerError", pluginId: "veto", eventName: "e" })).toBe(false);
    expect(isEventHandlerError(new Error("database down"))).toBe(false);
  });

  it("does not call handlers of plugins not enabled for the organization", async () => {
    seenInside.length = 0;
    const a = await org(["zeta"]);
    const res = await createPatient(await a.as("staff"), patientData({ firstName: "Forbidden" }));
    expect(res.ok).toBe(true);
    expect(seenInside).toEqual([]);
    expect(await outboxOf(a.org.id)).toEqual([]);
  });
});

describe("emitMany", () => {
  it("validates every payload in one pass before anything runs, reporting the bad rows by index", async () => {
    calls.length = 0;
    batches.length = 0;
    const { org: o, meta } = await org();
    const payloads = [{ patientId: crypto.randomUUID(), text: "ok" }, { patientId: crypto.randomUUID(), text: "" }, { patientId: "x", text: "ok" }];
    const err = await rootDb().$transaction((tx) => emitMany(tx, meta, noteAdded, payloads)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EventPayloadError);
    expect((err as EventPayloadError).problems.map((p) => p.split(":")[0])).toEqual(["[1].text", "[2].patientId"]);
    expect(calls).toEqual([]);
    expect(batches).toEqual([]);
    expect(await outboxOf(o.id)).toEqual([]);
  });

  it("calls handleMany once, handle once per payload, and inserts all outbox rows in one statement", async () => {
    calls.length = 0;
    batches.length = 0;
    const { org: o, meta } = await org();
    const payloads = Array.from({ length: 300 }, (_, i) => ({ patientId: crypto.randomUUID(), text: `n${i}` }));
    const log: string[] = [];
    const { eventIds } = await rootDb().$transaction((tx) => emitMany(counting(tx, log), meta, noteAdded, payloads));
    expect(eventIds).toHaveLength(300);
    expect(new Set(eventIds).size).toBe(300);
    // alpha has handleMany: one call with every event, in order; zeta has only handle: 300 calls.
    expect(batches).toEqual([{ eventIds, texts: payloads.map((p) => p.text) }]);
    expect(calls).toEqual(payloads.map((p) => `zeta:${p.text}`));
    // One read of the enabled plugins, one INSERT for 600 outbox rows.
    expect(log).toEqual(["pluginInstallation.findMany", "$executeRaw INSERT"]);
    const rows = await outboxOf(o.id);
    expect(rows).toHaveLength(600);
    expect(rows.find((r) => r.eventId === eventIds[7] && r.handlerKey === "zeta:mirror")).toMatchObject({
      eventName: "fixture.note_added", payload: { ...payloads[7], count: 1 }, actor: meta.actor, maxAttempts: 3, status: "pending",
    });
  });
});

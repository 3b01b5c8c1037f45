// Plugins meet through exported events only (issue 19): a subscriber declares the part of another
// plugin's event it reads (subscribedEvent), and this checks every such declaration of the installed
// plugins against what the producer's manifest exports — so inventory renaming a field the audit log
// reads fails here. The checker itself is shown to catch each kind of mismatch.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEvent, subscribedEvent } from "@/core/events/define-event";
import { contractProblems, eventContractProblems } from "@/core/plugins/event-contracts";
import { allPlugins } from "@/core/plugins/registry";
import { definePlugin, onEvent } from "@/core/plugins/types";

const producer = defineEvent("shop.order.placed", z.object({ id: z.uuid(), total: z.number().int(), note: z.string().optional(), customer: z.object({ name: z.string() }) }));
const manifest = (id: string, extra: object) => definePlugin({ id, name: id, version: "1.0.0", description: "", author: "", ...extra });

describe("cross-plugin event contracts", () => {
  it("every installed plugin's subscription to another plugin's event fits what that plugin exports", async () => {
    const plugins = await allPlugins();
    const subscriptions = plugins.flatMap((p) => [...(p.handlers?.inTransaction ?? []), ...(p.handlers?.durable ?? [])]).filter((h) => "subscribed" in h.event);
    expect(subscriptions.map((h) => h.event.name)).toEqual(expect.arrayContaining(["inventory.item.created", "inventory.stock.adjusted"]));
    expect(eventContractProblems(plugins)).toEqual([]);
  });

  it("names a field the producer does not carry, one it may leave out, and one of another type — nested ones too", () => {
    const reader = subscribedEvent("shop.order.placed", z.object({ id: z.uuid(), totl: z.number(), note: z.string(), total: z.string(), customer: z.object({ email: z.string() }) }));
    expect(contractProblems(reader, producer)).toEqual([
      `reads "totl", which shop.order.placed does not carry`,
      `needs "note", which shop.order.placed may leave out`,
      `reads "total" as string, but shop.order.placed sends number`,
      `reads "customer.email", which shop.order.placed does not carry`,
    ]);
    expect(contractProblems(subscribedEvent("shop.order.placed", z.object({ total: z.number(), note: z.string().optional(), customer: z.looseObject({ name: z.string() }) })), producer)).toEqual([]);
  });

  it("reports a subscription to an event its (installed) producer does not export, and leaves one to an absent plugin inert", () => {
    const listener = (name: string) => manifest("listener", { handlers: { inTransaction: [onEvent({ event: subscribedEvent(name, z.object({})), handle: () => undefined })] } });
    const shop = manifest("shop", { events: { producer } });
    expect(eventContractProblems([shop, listener("shop.order.cancelled")])).toEqual(["listener subscribes to shop.order.cancelled, which the shop plugin does not export"]);
    expect(eventContractProblems([shop, listener("shop.order.placed")])).toEqual([]);
    expect(eventContractProblems([listener("warehouse.item.moved")])).toEqual([]);
    // A dashed plugin id names its events in snake case: "clinic-notes" exports clinic_notes.* and is found by it.
    const notes = manifest("clinic-notes", { events: { created: defineEvent("clinic_notes.record_created", z.object({ recordId: z.uuid() })) } });
    const reader = manifest("listener", { handlers: { inTransaction: [onEvent({ event: subscribedEvent("clinic_notes.record_created", z.object({ name: z.string() })), handle: () => undefined })] } });
    expect(eventContractProblems([notes, reader])).toEqual([`listener subscribes to clinic_notes.record_created: reads "name", which clinic_notes.record_created does not carry`]);
    expect(eventContractProblems([notes, listener("clinic_notes.record_deleted")])).toEqual(["listener subscribes to clinic_notes.record_deleted, which the clinic-notes plugin does not export"]);
  });
});

// events.ts (a typed event other plugins may subscribe to) and a test of emission and delivery.
import type { Template } from "./types";

export const event: Template = (n) => [
  {
    path: "events.ts",
    content: `// ${n.title}'s events. Names are "<plugin id in snake case>.<what happened>". Another plugin subscribes
// with subscribedEvent("${n.snake}.record_created", <the fields it reads>) — never by importing this file.
import { z } from "zod";
import { defineEvent } from "@/core/events/define-event";

/** A record was created (emitted in the record's own transaction: it exists exactly when the record does). */
export const recordCreated = defineEvent("${n.snake}.record_created", z.object({ recordId: z.uuid(), name: z.string().min(1) }));
`,
  },
  {
    path: "tests/events.test.ts",
    content: `// ${n.snake}.record_created: emitted with the record, delivered after commit to the plugin's durable
// handler; a payload the schema refuses throws and nothing is written.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { createTestOrganization, emitEvent, enablePluginFor, runJobsToCompletion } from "@/core/testing/plugin-test-kit";
import { recordCreated } from "../events";
import { createRecord } from "../records";

describe("${n.snake}.record_created", () => {
  it("is emitted with each new record and delivered after commit", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "${n.id}");
    const record = await createRecord(await org.as("owner"), { name: "Evening check", note: "" });
    const outbox = () => rootDb().eventOutbox.findMany({ where: { organizationId: org.org.id, eventName: "${n.snake}.record_created" } });
    expect((await outbox()).map((o) => [o.status, (o.payload as { recordId: string }).recordId])).toEqual([["pending", record.id]]);
    await runJobsToCompletion();
    expect((await outbox()).map((o) => o.status)).toEqual(["delivered"]);
  });

  it("refuses a payload its schema does not accept, naming the field", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "${n.id}");
    const err = await emitEvent(await org.as("owner"), recordCreated, { recordId: "not-a-uuid", name: "x" }).catch((e: unknown) => e);
    expect(String(err)).toContain("recordId");
    expect(await rootDb().eventOutbox.count({ where: { organizationId: org.org.id, eventName: "${n.snake}.record_created" } })).toBe(0);
  });
});
`,
  },
];

// The Inngest client of Ritiko and the events its jobs are triggered by.
//
// Configuration comes only from the environment (the SDK reads these variables itself):
//   INNGEST_EVENT_KEY    key the app sends events with (Inngest Cloud, or self-hosted `inngest start`).
//   INNGEST_SIGNING_KEY  key Inngest signs its calls to /api/inngest with; the SDK rejects unsigned
//                        calls (cloud mode, the SDK's default).
//   INNGEST_BASE_URL     where Inngest lives, for a self-hosted `inngest start` (e.g. http://inngest:8288);
//                        unset = Inngest Cloud.
// When none is set, `npm run dev` / `npm start` start the embedded executor (inngest/executor) and set
// all three for the app: INNGEST_BASE_URL = the executor on loopback, random signing and event keys —
// the same cloud mode, with signature checks, as against a self-hosted `inngest start`.
//   INNGEST_DEV=<url>    dev mode (no signature checks at all): only for running the executor by hand;
//                        /api/inngest must then be reachable on loopback only (see proxy.ts).
//
// Every job event carries the organization it concerns (`organizationId`), so runs can be attributed
// to a tenant (the run records of the Jobs page are kept per organization).
import { eventType, Inngest } from "inngest";
import { z } from "zod";
import { RunRecorder } from "./run-records/middleware";

const organizationId = z.uuid();

/**
 * "Outbox rows were written and committed: deliver them soon." A hint only: the deliver-outbox job
 * delivers every due row (of all organizations), and a cron also runs it every minute.
 */
export const outboxKick = eventType("ritiko/outbox.kick", {
  schema: z.object({ organizationId }),
});

export const events = { outboxKick } as const;

// RunRecorder keeps the app's own record of every run for the Jobs page, on any Inngest.
export const inngest = new Inngest({ id: "ritiko", middleware: [RunRecorder] });

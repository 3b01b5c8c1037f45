// The nightly check's Inngest functions (logic and its reasons in nightly-check.ts):
//   inventory-nightly-fan-out  cron every 15 minutes (UTC; midnight is found per organization in SQL):
//                              claims the organizations whose local night has just begun and sends
//                              one nightly-check event each, in chunks, each chunk its own steps;
//   inventory-nightly-check    one organization's check: limited to one at a time per organization,
//                              once per organization and local date (idempotency key and a
//                              deterministic event id), cancelled when the plugin is disabled.
import { cron, eventType, type InngestFunction } from "inngest";
import { perOrganization, pluginJobId, skipUnlessEnabled } from "@/core/jobs/plugin-jobs";
import { inngest } from "@/inngest/client";
import { cancelOnDisable } from "./job-events";
import {
  CLAIM_CHUNK,
  checkKeyOf,
  claimDueChecks,
  completeCheck,
  findNightlyReport,
  isReport,
  nightlyCheckData,
  sendNightlySummary,
  type DueCheck,
} from "./nightly-check";

export const nightlyCheckRequested = eventType("inventory/nightly-check.requested", { schema: nightlyCheckData });

/** The event of one organization's check; its id makes a second send of the same night a no-op. */
export function nightlyCheckEvent(check: DueCheck) {
  const checkKey = checkKeyOf(check);
  return nightlyCheckRequested.create({ ...check, checkKey }, { id: `inventory-nightly-check:${checkKey}` });
}

export const NIGHTLY_FAN_OUT_CRON = "*/15 * * * *";

export const nightlyFanOut = inngest.createFunction(
  { id: pluginJobId("inventory", "nightly-fan-out"), name: "Inventory: start the nightly checks", triggers: [cron(NIGHTLY_FAN_OUT_CRON)] },
  async ({ step, runId }) => {
    let organizations = 0;
    for (let chunk = 0; ; chunk++) {
      // "Now" is read inside the step, so a replay sees the instant the claim was made.
      const claimed = await step.run(`claim-${chunk}`, () => claimDueChecks(new Date(), `${runId}:${chunk}`, CLAIM_CHUNK));
      if (claimed.length) await step.sendEvent(`send-${chunk}`, claimed.map(nightlyCheckEvent));
      organizations += claimed.length;
      if (claimed.length < CLAIM_CHUNK) break;
    }
    return { organizations };
  },
);

export const nightlyCheck = inngest.createFunction(
  {
    id: pluginJobId("inventory", "nightly-check"),
    name: "Inventory: nightly stock check",
    concurrency: perOrganization(1),
    idempotency: "event.data.checkKey",
    cancelOn: cancelOnDisable,
    triggers: [nightlyCheckRequested],
  },
  async ({ event, step }) => {
    const check = { organizationId: event.data.organizationId, localDate: event.data.localDate };
    const skipped = await step.run("check-enabled", () => skipUnlessEnabled("inventory", check.organizationId));
    if (skipped) return skipped;
    const outcome = await step.run("find", () => findNightlyReport(check.organizationId, check.localDate));
    if (!isReport(outcome)) {
      await step.run("record", () => completeCheck(check, { status: "skipped", lowStock: null, expiring: null, mailMessageId: null }));
      return outcome;
    }
    const mail = await step.run("send-summary", () => sendNightlySummary(outcome));
    const found = { lowStock: outcome.lowStock?.total ?? null, expiring: outcome.expiring?.total ?? null };
    await step.run("record", () => completeCheck(check, { status: "completed", ...found, mailMessageId: mail.mailId }));
    return { localDate: check.localDate, ...found, mail: mail.sent, mailId: mail.mailId };
  },
);

export const nightlyJobs: InngestFunction.Any[] = [nightlyFanOut, nightlyCheck];

// `npm run bench:i18n` — what a server-side translation costs per call: a fresh next-intl translator
// each time (what translatorFor did first: every page's sidebar, every server action) against the kept
// one translatorFor hands out now (core/i18n/translate.ts). Prints µs per call, 3 rounds each.
import "@/app/_plugins/runtime";
import { createTranslator } from "next-intl";
import { messagesFor } from "@/core/i18n/messages";
import type { CoreMessages } from "@/core/i18n/messages/en";
import { translatorFor } from "@/core/i18n/translate";

const N = 20_000;

function perCall(run: (i: number) => string): number {
  const start = performance.now();
  let length = 0;
  for (let i = 0; i < N; i++) length += run(i).length;
  if (length === 0) throw new Error("nothing was translated");
  return ((performance.now() - start) / N) * 1000;
}

for (let round = 1; round <= 3; round++) {
  const fresh = perCall((i) => createTranslator<CoreMessages, "dashboard">({ locale: "es", messages: messagesFor("es") as CoreMessages, namespace: "dashboard" })("patientsHint", { count: i }));
  const kept = perCall((i) => translatorFor("es", "dashboard")("patientsHint", { count: i }));
  console.log(`round ${round}: fresh translator per call ${fresh.toFixed(1)} µs · translatorFor (kept) ${kept.toFixed(1)} µs`);
}

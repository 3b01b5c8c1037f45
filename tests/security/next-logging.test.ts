// Issue 15.7: `next dev` logged server-action arguments (a secret setting's plaintext, patient fields)
// and request URLs with their queries. The development server's logging of request data stays off;
// what the production server and the app log is checked for planted canaries by log-canaries.spec.ts.
import { expect, it } from "vitest";
import nextConfig from "@/next.config";

it("the Next development server logs no server-action arguments, request URLs or browser console", () => {
  expect(nextConfig.logging).toEqual({ serverFunctions: false, incomingRequests: false, browserToTerminal: false });
});

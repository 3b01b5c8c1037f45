// Signed mode: the app's SDK client in cloud mode with a signing key (as with INNGEST_SIGNING_KEY), the
// embedded executor signing every sync and call with the same key. The SDK refuses anything unsigned or
// wrongly signed, and the executor refuses answers whose signature does not hold.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson, signatureHeader, verifySignature } from "@/inngest/executor/signature";
import { runOfEvent, startHarness, waitForRun, type Harness } from "./harness";

const signingKey = `signkey-test-${randomBytes(32).toString("hex")}`;
const eventKey = `evt-${randomUUID()}`;
let h: Harness;

beforeAll(async () => {
  h = await startHarness(
    "signed",
    (inngest) => [
      inngest.createFunction({ id: "signed-steps", triggers: [{ event: "test/signed" }] }, async ({ event, step }) => {
        const a = await step.run("a", () => `a:${event.data.key}`);
        await step.sleep("pause", "100ms");
        return { a };
      }),
    ],
    { signingKey, eventKey },
  );
});

afterAll(async () => {
  await h?.close();
});

describe("signed requests", () => {
  it("syncs and runs a function in cloud mode, every request signed and every answer verified", async () => {
    expect(h.inngest.mode).toBe("cloud");
    const key = randomUUID();
    const { ids } = await h.inngest.send({ name: "test/signed", data: { key } });
    const runId = await runOfEvent(h, "signed-steps", ids[0]!);
    const run = await waitForRun(runId);
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ a: `a:${key}` });
    const exchanges = [...h.transcript.filter((x) => x.method === "PUT"), ...h.callsOf(runId)];
    expect(exchanges.length).toBeGreaterThanOrEqual(3);
    for (const x of exchanges) {
      expect(verifySignature(x.requestHeaders["x-inngest-signature"] ?? null, canonicalJson(x.requestBody), signingKey)).toBeNull();
      expect(x.responseHeaders["x-inngest-signature"]).toMatch(/^t=\d+&s=[0-9a-f]{64}$/);
    }
    // In cloud mode the SDK reports that it authenticated the executor with the signing key.
    const sync = h.transcript.find((x) => x.method === "PUT")!;
    const hash = createHash("sha256").update(Buffer.from(signingKey.replace(/^signkey-test-/, ""), "hex")).digest("hex");
    expect(sync.responseBody).toMatchObject({ inspection: { authentication_succeeded: true, mode: "cloud", signing_key_hash: hash.slice(0, 12) } });
  });

  it("the SDK refuses a call signed with another key", async () => {
    const sync = h.transcript.find((x) => x.method === "PUT")!;
    const body = canonicalJson({ url: sync.url.toString() });
    const res = await fetch(sync.url, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band", "x-inngest-signature": signatureHeader(body, `signkey-test-${randomBytes(32).toString("hex")}`) },
      body,
    });
    expect(res.status).toBe(401);
  });

  it("the event API accepts only the configured event key", async () => {
    const res = await fetch(`${h.executor.url}/e/wrong-key`, { method: "POST", body: JSON.stringify({ name: "test/signed", data: { key: "x" } }) });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ status: 401, error: "Unknown event key" });
  });

  it("signatures follow Inngest's scheme: HMAC-SHA256 of the canonical body and timestamp, key prefix stripped", () => {
    const now = Date.UTC(2026, 11, 1, 12, 0, 0);
    const header = signatureHeader(canonicalJson({ b: 1, a: [true, null, "x"] }), "signkey-prod-abc123", now);
    expect(header).toMatch(/^t=1796126400&s=[0-9a-f]{64}$/);
    expect(canonicalJson({ b: 1, a: [true, null, "x"] })).toBe('{"a":[true,null,"x"],"b":1}');
    expect(verifySignature(header, '{"a":[true,null,"x"],"b":1}', "signkey-other-abc123", now)).toBeNull();
    expect(verifySignature(header, '{"a":[true,null,"x"],"b":2}', "signkey-prod-abc123", now)).toBe("wrong X-Inngest-Signature");
    expect(verifySignature(header, '{"a":[true,null,"x"],"b":1}', "signkey-prod-abc123", now + 6 * 60_000)).toBe("X-Inngest-Signature has expired");
  });
});

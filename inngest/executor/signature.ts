// Inngest request signing, so the embedded executor can drive an app in cloud mode (INNGEST_SIGNING_KEY
// set), where the SDK refuses unsigned calls. As the SDK verifies it (InngestCommHandler, helpers/net):
//   X-Inngest-Signature: t=<unix seconds>&s=<hex HMAC-SHA256(key without "signkey-<env>-", body + t)>
// where the request body is the JSON canonicalization (RFC 8785) of the parsed body — we send the
// canonical text itself, so what is signed is exactly what is sent. The SDK signs its answers the same
// way over the raw response text; an answer with a missing or wrong signature is refused (an impostor
// on the app's port cannot feed results into runs).
import { createHmac, timingSafeEqual } from "node:crypto";
import { HEADER_SIGNATURE } from "./protocol";

/** Answers older than this are refused, as the SDK refuses requests (5 minutes). */
const MAX_SKEW_S = 5 * 60;

export function stripKeyPrefix(signingKey: string): string {
  return signingKey.replace(/^signkey-[\w]+-/, "");
}

export function sign(text: string, signingKey: string, ts: number): string {
  return createHmac("sha256", stripKeyPrefix(signingKey)).update(text + String(ts)).digest("hex");
}

/** RFC 8785 JSON canonicalization for values produced by JSON.parse. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function signatureHeader(text: string, signingKey: string, now = Date.now()): string {
  const ts = Math.floor(now / 1000);
  return `t=${ts}&s=${sign(text, signingKey, ts)}`;
}

/** Checks an X-Inngest-Signature over `text`; returns the reason when it does not hold. */
export function verifySignature(header: string | null, text: string, signingKey: string, now = Date.now()): string | null {
  if (!header) return "no X-Inngest-Signature";
  const params = new URLSearchParams(header);
  const ts = Number(params.get("t"));
  const given = params.get("s") ?? "";
  if (!Number.isFinite(ts) || !given) return "malformed X-Inngest-Signature";
  if (Math.abs(now / 1000 - ts) > MAX_SKEW_S) return "X-Inngest-Signature has expired";
  const expected = Buffer.from(sign(text, signingKey, ts), "hex");
  const actual = Buffer.from(given, "hex");
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? null : "wrong X-Inngest-Signature";
}

/**
 * A fetch that signs every request body and verifies successful answers (200 and 206; errors are not
 * signed by the SDK and are handled as failures anyway). A refused answer surfaces as a thrown error,
 * which the step loop treats like a network failure (retried).
 */
export function signingFetch(signingKey: string, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const raw = typeof init?.body === "string" ? init.body : "";
    const text = raw ? canonicalJson(JSON.parse(raw)) : "";
    const headers = new Headers(init?.headers);
    headers.set(HEADER_SIGNATURE, signatureHeader(text, signingKey));
    const res = await base(input, { ...init, headers, ...(raw ? { body: text } : {}) });
    if (res.status !== 200 && res.status !== 206) return res;
    const body = await res.text();
    const problem = verifySignature(res.headers.get(HEADER_SIGNATURE), body, signingKey);
    if (problem) throw new Error(`The app's answer was refused: ${problem} (is INNGEST_SIGNING_KEY the same for the app and the executor?)`);
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}

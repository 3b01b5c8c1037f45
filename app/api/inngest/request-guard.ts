// What /api/inngest refuses before the Inngest SDK sees a request (issue 15.6):
// - a body that is not JSON (PUT, or POST with a step to run): the SDK would throw on it and answer
//   500; it is a client error, answered 400;
// - in cloud mode, an unsigned PUT: the SDK reads it as "register me out of band" and calls the
//   Inngest API's register endpoint with the URL it derives from the request, so anyone could make
//   the app (re)register on demand, with a Host of their choosing. Registration happens from the run
//   command's executor (an in-band sync, signed) or from Inngest itself (signed); an unsigned or
//   wrongly signed PUT is answered 401. The signature is checked here with the SDK's own scheme
//   (inngest/executor/signature.ts), against INNGEST_SIGNING_KEY and INNGEST_SIGNING_KEY_FALLBACK.
// Step calls (POST) are checked by the SDK, which refuses an unsigned one in cloud mode.
import { canonicalJson, verifySignature } from "@/inngest/executor/signature";
import { HEADER_SIGNATURE } from "@/inngest/executor/protocol";

const problem = (status: number, code: string, message: string) => Response.json({ error: { code, message } }, { status });

export async function refuseBadInngestRequest(req: Request, mode: "cloud" | "dev"): Promise<Response | null> {
  if (req.method !== "PUT" && req.method !== "POST") return null;
  const text = await req.clone().text();
  let body: unknown = undefined;
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      return problem(400, "bad_request", "The request body is not JSON.");
    }
  }
  const url = new URL(req.url);
  if (req.method === "POST" && url.searchParams.has("fnId") && (body === undefined || body === null || typeof body !== "object")) {
    return problem(400, "bad_request", "A step call needs a JSON object body.");
  }
  if (req.method === "PUT" && mode === "cloud") {
    const keys = [process.env.INNGEST_SIGNING_KEY, process.env.INNGEST_SIGNING_KEY_FALLBACK].filter((k): k is string => !!k);
    const signature = req.headers.get(HEADER_SIGNATURE);
    // What the SDK signs and checks: the canonical JSON of the parsed body ("" without one).
    const signed = body === undefined ? "" : canonicalJson(body);
    if (!signature || !keys.some((key) => verifySignature(signature, signed, key) === null)) {
      return problem(401, "unauthenticated", "Registration needs a request signed with the signing key (X-Inngest-Signature).");
    }
  }
  return null;
}

// The Inngest serve endpoint: Inngest (Cloud, self-hosted `inngest start`, or the embedded executor)
// syncs the app's functions with PUT and runs their steps with POST. Public in proxy.ts: in cloud mode
// the SDK checks every request's signature (INNGEST_SIGNING_KEY); in dev mode (INNGEST_DEV) it checks
// nothing, so the app must then only be reachable on loopback; as a second guard, in dev mode with
// RITIKO_EXECUTOR_TOKEN set every request must carry it (inngest/executor/token.ts). In cloud mode —
// also the embedded executor's, which signs its calls (scripts/lib/boot.ts) — signatures decide.
// Bodies that are not JSON and unsigned registrations never reach the SDK (request-guard.ts).
import "@/app/_plugins/runtime";
import type { NextRequest } from "next/server";
import { serve } from "inngest/next";
import { pluginJobs } from "@/app/_plugins/jobs.generated";
import { inngest } from "@/inngest/client";
import { EXECUTOR_TOKEN_HEADER, executorTokenMatches } from "@/inngest/executor/token";
import { functions } from "@/inngest/functions";
import { refuseBadInngestRequest } from "./request-guard";

export const dynamic = "force-dynamic";

// Core's functions and every plugin's (plugins/<id>/jobs.ts, collected by `npm run plugins:generate`).
const handlers = serve({ client: inngest, functions: [...functions, ...Object.values(pluginJobs).flat()] });
type Handler = (req: NextRequest, ctx: unknown) => Promise<Response>;

function guarded(handler: Handler): Handler {
  return async (req, ctx) => {
    const token = process.env.RITIKO_EXECUTOR_TOKEN;
    if (token && inngest.mode === "dev" && !executorTokenMatches(token, req.headers.get(EXECUTOR_TOKEN_HEADER))) {
      return Response.json({ error: { code: "unauthenticated", message: "Missing or wrong executor token." } }, { status: 401 });
    }
    const refused = await refuseBadInngestRequest(req, inngest.mode === "cloud" ? "cloud" : "dev");
    return refused ?? handler(req, ctx);
  };
}

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
export const PUT = guarded(handlers.PUT);

// The app's calls to its Inngest's REST API — the same requests whichever Inngest runs the jobs:
// Inngest Cloud (api.inngest.com), a self-hosted `inngest start`, or the embedded executor, which
// serves the same endpoint (inngest/executor/cancellations.ts). Where it is, from the environment the
// SDK reads too: INNGEST_API_BASE_URL, else INNGEST_BASE_URL (self-hosted; the embedded executor, set
// by `npm run dev` / `npm start`), else INNGEST_DEV when it is a URL, else Inngest Cloud. Authenticated
// with the signing key, as Inngest's REST API requires.
import { z } from "zod";

const CLOUD_API = "https://api.inngest.com";
const TIMEOUT_MS = 15_000;

type Env = Record<string, string | undefined>;

export function inngestApiBaseUrl(env: Env = process.env): string {
  const dev = env.INNGEST_DEV && /^https?:\/\//.test(env.INNGEST_DEV) ? env.INNGEST_DEV : undefined;
  return (env.INNGEST_API_BASE_URL || env.INNGEST_BASE_URL || dev || CLOUD_API).replace(/\/+$/, "");
}

export class JobBackendError extends Error {}

const cancellationAnswer = z.object({ id: z.string() }).loose();

/**
 * Cancels the runs of `functionId` (the id in code) triggered by the event `eventId` — one run, as
 * each event starts one run of a function — through Inngest's bulk cancellation endpoint: a window of
 * start times from the event's time to a minute from now, narrowed by `event.id`.
 */
export async function cancelRunsOfEvent(
  run: { appId: string; functionId: string; eventId: string; eventTs: Date | null; startedAt: Date },
  env: Env = process.env,
): Promise<{ cancellationId: string }> {
  const from = new Date((run.eventTs ?? run.startedAt).getTime() - 60_000);
  const body = {
    app_id: run.appId,
    function_id: run.functionId,
    started_after: from.toISOString(),
    started_before: new Date(Date.now() + 60_000).toISOString(),
    if: `event.id == ${JSON.stringify(run.eventId)}`,
  };
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (env.INNGEST_SIGNING_KEY) headers.authorization = `Bearer ${env.INNGEST_SIGNING_KEY}`;
  let res: Response;
  try {
    res = await fetch(`${inngestApiBaseUrl(env)}/v1/cancellations`, { method: "POST", headers, body: JSON.stringify(body), signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    throw new JobBackendError(`The job runner could not be reached (${(err as Error).message}). Nothing was cancelled; try again.`);
  }
  const text = await res.text();
  if (!res.ok) {
    throw new JobBackendError(`The job runner refused the cancellation (HTTP ${res.status}: ${text.slice(0, 300)}). Nothing was cancelled.`);
  }
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // reported below with the text itself
  }
  const parsed = cancellationAnswer.safeParse(json);
  if (!parsed.success) throw new JobBackendError(`The job runner answered the cancellation with something unexpected: ${text.slice(0, 300)}`);
  return { cancellationId: parsed.data.id };
}

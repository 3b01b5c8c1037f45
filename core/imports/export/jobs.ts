// The background export job ("core-export"): one step running runExport (run.ts). Retried twice; when
// it still fails, onFailure marks the export failed with the reason, shown on /exports/<id>.
// At most two exports at a time per organization, so one member's huge export never starves the rest.
import type { Inngest, InngestFunction } from "inngest";
import { perOrganization } from "@/core/jobs/plugin-jobs";
import { inngest } from "@/inngest/client";
import { errorText } from "@/core/imports/engine/context";
import { exportRequested } from "./events";
import { failExport, runExport } from "./run";

type FailureEvent = { event: { data: { event: { data: { organizationId: string; exportId: string } } } }; error: unknown };

export function createExportFunctions(client: Inngest): InngestFunction.Any[] {
  const run = client.createFunction(
    {
      id: "core-export",
      name: "Export",
      concurrency: perOrganization(2),
      retries: 2,
      triggers: [exportRequested],
      onFailure: async ({ event, error }: FailureEvent) => {
        const { organizationId, exportId } = event.data.event.data;
        await failExport(organizationId, exportId, `The export failed: ${errorText(error)}`);
      },
    },
    async ({ event, step }) => step.run("export", () => runExport(event.data.organizationId, event.data.exportId)),
  );
  return [run];
}

export const exportFunctions = createExportFunctions(inngest);

// `npm run ritiko -- audit verify --org <slug> [--json]`: walks the organization's chain in seq order
// (chain/verify.ts) and names the first broken entry. Exit 0 when intact, 1 when broken, 2 for usage.
import { rootDb } from "@/core/db/client";
import type { CliCommand } from "@/core/plugins/types";
import { verifyChain } from "./chain/verify";

export const auditCli: CliCommand[] = [
  {
    command: "audit verify",
    description: "check an organization's audit hash chain: --org <slug> [--json]",
    run: async ({ flags }) => {
      const slug = flags.org;
      if (typeof slug !== "string") {
        process.stderr.write("Usage: npm run ritiko -- audit verify --org <organization slug> [--json]\n");
        return 2;
      }
      const org = await rootDb().organization.findUnique({ where: { slug }, select: { id: true, name: true } });
      if (!org) {
        process.stderr.write(`Unknown organization "${slug}".\n`);
        return 2;
      }
      const result = await verifyChain(org.id);
      if (flags.json === true) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else if (result.ok) process.stdout.write(`Audit chain of ${org.name} is intact: ${result.entries} entries verified.\n`);
      else process.stdout.write(`Audit chain of ${org.name} is BROKEN at entry ${result.seq}: ${result.message} (${result.entries} entries before it verified.)\n`);
      return result.ok ? 0 : 1;
    },
  },
];

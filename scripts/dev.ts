// `npm run dev`: Ritiko on http://localhost:3000 with an embedded PostgreSQL unless DATABASE_URL is set.
// Regenerates the plugin glue first, so a plugin author's new pages and routes are picked up.
import { pluginWarnings, writeGenerated } from "./generate-plugins";
import { boot } from "./lib/boot";

const written = writeGenerated();
if (written.length) process.stdout.write(`Plugin glue regenerated:\n${written.map((w) => `  ${w}`).join("\n")}\n`);
if (written.some((w) => w.startsWith("prisma/schema/"))) {
  process.stdout.write("A plugin's models changed: `npm run ritiko -- plugin migrate <id> --name <what_changed>` writes the migration and regenerates the Prisma client.\n");
}
// A model without a migration would fail at its first query ("relation does not exist"): say so now.
for (const w of pluginWarnings()) process.stderr.write(`warning: ${w}\n`);
await boot(["dev"]);

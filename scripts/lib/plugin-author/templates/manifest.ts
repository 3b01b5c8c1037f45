// plugin.ts and permissions.ts: always written. The manifest lists each chosen contribution.
import type { Template } from "./types";

export const manifest: Template = (n, has) => {
  const imports = [
    has("event") ? `import { log } from "@/core/log";` : null,
    `import { ${has("event") ? "afterCommit, " : ""}definePlugin } from "@/core/plugins/types";`,
    has("api") ? `import { ${n.camel}Api } from "./api";` : null,
    has("event") ? `import { recordCreated } from "./events";` : null,
    has("import") ? `import { ${n.camel}RecordsImport } from "./imports";` : null,
    `import { ${n.constant}_PERMISSIONS } from "./permissions";`,
    has("setting") ? `import { ${n.camel}Settings } from "./settings";` : null,
  ].filter(Boolean);
  const P = `${n.constant}_PERMISSIONS`;
  const parts = [
    `  id: "${n.id}",`,
    `  name: "${n.title}",`,
    `  version: "0.1.0",`,
    `  description: "${n.title}: describe what the plugin does for a clinic.",`,
    `  author: "Your name",`,
    `  permissions: [`,
    `    { key: ${P}.view, label: "View ${n.title.toLowerCase()}" },`,
    `    { key: ${P}.manage, label: "Manage ${n.title.toLowerCase()}" },`,
    `  ],`,
    `  // Owners hold every permission; give other roles a group on the Members page.`,
    `  groups: [`,
    `    { key: "${n.id}.viewer", label: "${n.title} viewer", permissions: [${P}.view] },`,
    `    { key: "${n.id}.manager", label: "${n.title} manager", permissions: [${P}.view, ${P}.manage] },`,
    `  ],`,
  ];
  if (has("setting")) parts.push(`  settings: ${n.camel}Settings,`);
  if (has("event")) {
    parts.push(
      `  events: { recordCreated },`,
      `  handlers: {`,
      `    // After the record's transaction commits, with retries (core/events/outbox.ts): call a webhook,`,
      `    // send a mail... An \`inTransaction\` handler would run inside the transaction instead.`,
      `    durable: [`,
      `      afterCommit({`,
      `        id: "log-record-created",`,
      `        event: recordCreated,`,
      `        handle: async (payload, { organization }) => log.info("${n.snake}.record_created", { organizationId: organization.id, recordId: payload.recordId }),`,
      `      }),`,
      `    ],`,
      `  },`,
    );
  }
  if (has("menu")) parts.push(`  menu: [{ label: "${n.title}", href: "/${n.id}", icon: "Sparkles", order: 60, permission: ${P}.view }],`);
  if (has("widget")) parts.push(`  widgets: [{ id: "summary", zone: "dashboard.side", priority: 20, permission: ${P}.view, component: () => import("./widgets/summary-widget") }],`);
  if (has("page")) parts.push(`  pages: [{ path: "", title: "${n.title}", permission: ${P}.view, component: () => import("./pages/${n.id}-page") }],`);
  if (has("api")) parts.push(`  api: ${n.camel}Api,`);
  if (has("import")) parts.push(`  imports: [${n.camel}RecordsImport],`);
  return [
    {
      path: "plugin.ts",
      content: `// The ${n.title} plugin's manifest: what it adds to Ritiko (docs/plugins.md explains each field).
${imports.join("\n")}

export default definePlugin({
${parts.join("\n")}
});
`,
    },
    {
      path: "permissions.ts",
      content: `// The ${n.title} plugin's permissions: keys are "<plugin id>.<what>".
export const ${P} = {
  view: "${n.id}.view",
  manage: "${n.id}.manage",
} as const;
`,
    },
    {
      path: "tests/manifest.test.ts",
      content: `// The manifest as the runtime sees it: registered, and its groups grant what they say.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { hasPermission } from "@/core/plugins/permissions";
import { getPlugin } from "@/core/plugins/registry";
import { createTestOrganization, enablePluginFor, grant } from "@/core/testing/plugin-test-kit";
import { ${P} } from "../permissions";

describe("the ${n.title} plugin", () => {
  it("is installed, and its groups grant its permissions", async () => {
    expect((await getPlugin("${n.id}"))?.name).toBe("${n.title}");
    const org = await createTestOrganization();
    await enablePluginFor(org, "${n.id}");
    expect(await hasPermission(await org.as("owner"), ${P}.manage)).toBe(true);
    expect(await hasPermission(await org.as("staff"), ${P}.view)).toBe(false);
    await grant(org, "staff", { groups: ["${n.id}.viewer"] });
    const staff = await org.as("staff");
    expect([await hasPermission(staff, ${P}.view), await hasPermission(staff, ${P}.manage)]).toEqual([true, false]);
  });
});
`,
    },
  ];
};

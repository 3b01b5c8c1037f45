// The menu entry lives in the manifest (manifest.ts); this is its test with the test kit's menuLabels.
import type { Template } from "./types";

export const menu: Template = (n) => [
  {
    path: "tests/menu.test.ts",
    content: `// The sidebar entry: shown to members who may view the page, only where the plugin is enabled.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { createTestOrganization, disablePluginFor, enablePluginFor, grant } from "@/core/testing/plugin-test-kit";
import { menuLabels } from "@/tests/kit/menu";

describe("the ${n.title} menu entry", () => {
  it("appears for members with ${n.id}.view while the plugin is enabled", async () => {
    const org = await createTestOrganization();
    expect(await menuLabels(org, "owner")).not.toContain("${n.title}");
    await enablePluginFor(org, "${n.id}");
    expect(await menuLabels(org, "owner")).toContain("${n.title}");
    expect(await menuLabels(org, "viewer")).not.toContain("${n.title}");
    await grant(org, "viewer", { groups: ["${n.id}.viewer"] });
    expect(await menuLabels(org, "viewer")).toContain("${n.title}");
    await disablePluginFor(org, "${n.id}");
    expect(await menuLabels(org, "owner")).not.toContain("${n.title}");
  });
});
`,
  },
];

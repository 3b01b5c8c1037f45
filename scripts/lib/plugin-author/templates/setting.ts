// settings.ts (two fields, read typed with typedSettings) and a test of defaults and validation.
import type { Template } from "./types";

export const setting: Template = (n) => [
  {
    path: "settings.ts",
    content: `// ${n.title}'s settings, per organization, on the Plugins page (owners and admins). Read them typed:
// typedSettings(${n.camel}Settings, settingsAccess("${n.id}", organizationId)).get("heading").
import { defineSettings } from "@/core/plugins/settings/schema";

export const ${n.camel}Settings = defineSettings({
  fields: {
    heading: { type: "text", default: "${n.title}", label: "Page heading", help: "Shown at the top of the ${n.title} page.", maxLength: 60, category: "General" },
    showNotes: { type: "boolean", default: true, label: "Show notes", help: "Show each record's note on the page.", category: "General" },
  },
});
`,
  },
  {
    path: "tests/settings.test.ts",
    content: `// Settings: defaults until saved; a value the schema refuses is not saved, and the error names the field.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { createTestOrganization, enablePluginFor, readSettings, saveSettingsFor } from "@/core/testing/plugin-test-kit";

describe("${n.title} settings", () => {
  it("start at their defaults, save a valid value and refuse an invalid one", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "${n.id}");
    expect(await readSettings(org, "${n.id}", "heading")).toBe("${n.title}");
    const save = (input: Record<string, unknown>) => saveSettingsFor(org, "${n.id}", input);

    expect(await save({ heading: "Front desk" })).toMatchObject({ ok: true });
    expect(await readSettings(org, "${n.id}", "heading")).toBe("Front desk");
    const refused = await save({ heading: "x".repeat(61) });
    expect(refused.ok).toBe(false);
    expect(Object.keys(refused.ok ? {} : refused.fieldErrors)).toEqual(["heading"]);
    expect(await readSettings(org, "${n.id}", "heading")).toBe("Front desk");
  });
});
`,
  },
];

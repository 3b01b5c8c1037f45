// widgets/summary-widget.tsx on the dashboard, and its test rendered with the test kit.
import type { Template } from "./types";

export const widget: Template = (n, has) => {
  const model = has("model");
  const link = has("page") ? `\n        <Link href="/${n.id}" className="text-primary hover:underline">\n          {t("widget.open")}\n        </Link>` : "";
  return [
    {
      path: "widgets/summary-widget.tsx",
      content: `// ${n.title} on the dashboard (zone dashboard.side): ${model ? "how many records the organization has" : "a summary"}.
${has("page") ? `import Link from "next/link";\n` : ""}import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { pluginTranslator } from "@/core/i18n/translate";
import type { WidgetProps } from "@/core/plugins/types";
import type { ${n.pascal}Messages } from "../messages";
${model ? `import { countRecords } from "../records";\n` : ""}
export default async function SummaryWidget({ ctx }: WidgetProps) {
  const t = pluginTranslator<${n.pascal}Messages>(ctx, "${n.id}");
${model ? "  const count = await countRecords(ctx);" : `  const name = ctx.organization.name;`}
  return (
    <Card aria-label={t("widget.label")}>
      <CardHeader>
        <CardTitle as="h3">${n.title}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-1 text-sm">
        ${model ? `<p>\n          <span className="text-2xl font-semibold tabular-nums">{count}</span> {t("widget.records", { count })}\n        </p>` : `<p>{t("widget.on", { name })}</p>`}${link}
      </CardContent>
    </Card>
  );
}
`,
    },
    {
      path: "tests/widget.test.ts",
      content: `// The dashboard widget rendered as the member sees it (tests/kit/page.tsx renderWidget).
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { renderWidget } from "@/tests/kit/page";
${model ? `import { createRecord } from "../records";\n` : ""}import SummaryWidget from "../widgets/summary-widget";

describe("the ${n.title} widget", () => {
  it("${model ? "counts the organization's records" : "names the organization"}", async () => {
    const org = await createTestOrganization("Widget Clinic");
    await enablePluginFor(org, "${n.id}");
    const ctx = await org.as("owner");
${model ? `    expect(await renderWidget(SummaryWidget, { ctx })).toContain(">0</span> records");\n    await createRecord(ctx, { name: "One", note: "" });\n    expect(await renderWidget(SummaryWidget, { ctx })).toContain(">1</span> record<");` : `    expect(await renderWidget(SummaryWidget, { ctx })).toContain("Widget Clinic");`}
  });
});
`,
    },
  ];
};

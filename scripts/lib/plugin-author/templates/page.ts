// pages/<id>-page.tsx (a server component) and a test that renders it per role with the test kit.
import type { Template } from "./types";

export const page: Template = (n, has) => {
  const model = has("model");
  const settings = has("setting");
  const imports = [
    `import { Card, CardContent } from "@/components/ui/card";`,
    `import { EmptyState } from "@/components/ui/empty-state";`,
    `import { PageHeader } from "@/components/ui/page-header";`,
    settings ? `import { typedSettings } from "@/core/plugins/settings/schema";\nimport { settingsAccess } from "@/core/plugins/settings/store";` : null,
    model ? `import { orgFormat } from "@/core/format/org-format";` : null,
    `import { pluginTranslator } from "@/core/i18n/translate";`,
    `import type { PageProps } from "@/core/plugins/types";`,
    model ? `import { listRecords } from "../records";` : null,
    `import type { ${n.pascal}Messages } from "../messages";`,
    settings ? `import { ${n.camel}Settings } from "../settings";` : null,
  ].filter(Boolean);
  const heading = settings ? "heading" : `"${n.title}"`;
  const loads = [
    settings ? `typedSettings(${n.camel}Settings, settingsAccess("${n.id}", ctx.organization.id))` : null,
  ];
  const body = model
    ? `records.length === 0 ? (
            <EmptyState title={t("page.emptyTitle")} description={t("page.emptyText")} />
          ) : (
            <ul className="divide-y divide-border" aria-label={t("page.records")}>
              {records.map((r) => (
                <li key={r.id} className="flex justify-between gap-4 py-2.5">
                  <span>
                    <span className="font-medium">{r.name}</span>
                    {showNotes && r.note ? <span className="block text-sm text-muted-foreground">{r.note}</span> : null}
                  </span>
                  <span className="text-sm text-muted-foreground">{fmt.dateTime(r.createdAt)}</span>
                </li>
              ))}
            </ul>
          )`
    : `<EmptyState title={t("page.emptyTitle")} description={t("page.emptyText")} />`;
  const setup = [
    `  const t = pluginTranslator<${n.pascal}Messages>(ctx, "${n.id}");`,
    model ? `  const fmt = orgFormat(ctx.organization);` : null,
    settings ? `  const settings = ${loads[0]};` : null,
    model
      ? `  const [heading, showNotes, records] = await Promise.all([${settings ? `settings.get("heading"), settings.get("showNotes")` : `"${n.title}", true`}, listRecords(ctx)]);`
      : settings
        ? `  const heading = await settings.get("heading");`
        : null,
  ].filter(Boolean);
  return [
    {
      path: `pages/${n.id}-page.tsx`,
      content: `// /${n.id}: ${model ? "the organization's records, newest first" : "the plugin's page"}. A server component: it reads with the member's context.
${imports.join("\n")}

export default async function ${n.pascal}Page({ ctx }: PageProps) {
${setup.join("\n")}
  return (
    <div className="grid gap-6">
      <PageHeader title={${model || settings ? "heading" : heading}} description={t("page.description")} />
      <Card>
        <CardContent className="pt-6">
          {${body}}
        </CardContent>
      </Card>
    </div>
  );
}
`.replace(/\{<EmptyState([^]*?)\/>\}/, "<EmptyState$1/>"),
    },
    {
      path: "tests/page.test.ts",
      content: `// The page as members get it (tests/kit/page.tsx): rendered for those with ${n.id}.view (in the
// member's language), 403 for others, 404 where the plugin is disabled.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { createTestOrganization, enablePluginFor, grant } from "@/core/testing/plugin-test-kit";
import { renderPage } from "@/tests/kit/page";
${model ? `import { createRecord } from "../records";\n` : ""}
describe("the ${n.title} page", () => {
  it("shows ${model ? "the organization's records" : "its heading"} to members allowed to view, and no one else", async () => {
    const org = await createTestOrganization();
    await enablePluginFor(org, "${n.id}");
${model ? `    await createRecord(await org.as("owner"), { name: "Morning check", note: "Fridge at 4 °C" });\n` : ""}    const ownerCtx = await org.as("owner");
    const owner = await renderPage(ownerCtx, "/${n.id}");
    expect(owner.status).toBe(200);
    expect(owner.html).toContain("${n.title}");
${model ? `    expect(owner.html).toContain("Morning check");\n` : ""}    // A member who chose Spanish reads the page's words from messages.ts.
    const spanish = await renderPage({ ...ownerCtx, user: { ...ownerCtx.user, language: "es" } }, "/${n.id}");
    expect(spanish.html).toContain(${model ? `'aria-label="Registros"'` : `"Aún no hay nada aquí"`});

    expect((await renderPage(await org.as("staff"), "/${n.id}")).status).toBe(403);
    await grant(org, "staff", { groups: ["${n.id}.viewer"] });
    expect((await renderPage(await org.as("staff"), "/${n.id}")).status).toBe(200);

    const other = await createTestOrganization("No ${n.title} Clinic");
    expect((await renderPage(await other.as("owner"), "/${n.id}")).status).toBe(404);
  });
});
`,
    },
  ];
};

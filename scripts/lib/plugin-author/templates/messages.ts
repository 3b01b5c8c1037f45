// messages.ts: always written, so a new plugin's pages start in every language the admin speaks (the
// conventions of plugins/hello/messages.ts). English is complete; Spanish is typed complete against it
// (a missing key fails tsc); the manifest's own words (name, description, permissions, groups, menu,
// page title) are translated through `labels`, keyed by the English the manifest gives. The plugin's
// title is the author's word and stays as written in both languages until they translate it.
import type { Template } from "./types";

/** The catalogue's sections as source text, English and Spanish, for the chosen contributions. */
function sections(n: Parameters<Template>[0], has: Parameters<Template>[1]): { en: string[]; es: string[] } {
  const en: string[] = [];
  const es: string[] = [];
  if (has("page")) {
    const model = has("model");
    const via = `POST /api/v1/${n.id}/records${has("import") ? " or a CSV import" : ""}`;
    const viaEs = `POST /api/v1/${n.id}/records${has("import") ? " o una importación CSV" : ""}`;
    en.push(`  page: {
    description: ${JSON.stringify(`${n.title}: scaffolded by npm run ritiko -- plugin new.`)},
    emptyTitle: ${JSON.stringify(model ? "No records yet" : "Nothing here yet")},
    emptyText: ${JSON.stringify(model ? `Add one with ${via}.` : `This page is plugins/${n.id}/pages/${n.id}-page.tsx: make it yours.`)},${model ? `\n    records: "Records",` : ""}
  },`);
    es.push(`  page: {
    description: ${JSON.stringify(`${n.title}: generado con npm run ritiko -- plugin new.`)},
    emptyTitle: ${JSON.stringify(model ? "Aún no hay registros" : "Aún no hay nada aquí")},
    emptyText: ${JSON.stringify(model ? `Añade uno con ${viaEs}.` : `Esta página es plugins/${n.id}/pages/${n.id}-page.tsx: hazla tuya.`)},${model ? `\n    records: "Registros",` : ""}
  },`);
  }
  if (has("widget")) {
    en.push(`  widget: {
    label: ${JSON.stringify(`${n.title} widget`)},
    ${has("model") ? `records: "{count, plural, one {record} other {records}}",` : `on: ${JSON.stringify(`${n.title} is on for {name}.`)},`}${has("page") ? `\n    open: ${JSON.stringify(`Open ${n.title}`)},` : ""}
  },`);
    es.push(`  widget: {
    label: ${JSON.stringify(`Widget de ${n.title}`)},
    ${has("model") ? `records: "{count, plural, one {registro} other {registros}}",` : `on: ${JSON.stringify(`${n.title} está activado para {name}.`)},`}${has("page") ? `\n    open: ${JSON.stringify(`Abrir ${n.title}`)},` : ""}
  },`);
  }
  return { en, es };
}

const block = (lines: string[]) => (lines.length ? `{\n${lines.join("\n")}\n}` : "{}");

export const messages: Template = (n, has) => {
  const { en, es } = sections(n, has);
  const lower = n.title.toLowerCase();
  const labels: Array<[string, string]> = [
    [n.title, n.title],
    [`${n.title}: describe what the plugin does for a clinic.`, `${n.title}: describe lo que el complemento hace por una clínica.`],
    [`View ${lower}`, `Ver ${lower}`],
    [`Manage ${lower}`, `Gestionar ${lower}`],
    [`${n.title} viewer`, `Lector de ${n.title}`],
    [`${n.title} manager`, `Gestor de ${n.title}`],
  ];
  return [
    {
      path: "messages.ts",
      content: `// ${n.title}'s UI text (docs/plugins.md "The plugin's words in every language"): English
// complete, Spanish typed complete against it, and the manifest's words in Spanish for the sidebar, the
// Plugins and Members pages. Pages and widgets read it with pluginTranslator<${n.pascal}Messages>(ctx, "${n.id}").
import type { PluginCatalogues, Translation } from "@/core/i18n/catalogue";

const en = ${block(en)};

const es = ${block(es)} satisfies Translation<typeof en>;

export type ${n.pascal}Messages = typeof en;

export const messages: PluginCatalogues<${n.pascal}Messages> = {
  en,
  es,
  labels: {
    es: {
${labels.map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)},`).join("\n")}
    },
  },
};
`,
    },
  ];
};

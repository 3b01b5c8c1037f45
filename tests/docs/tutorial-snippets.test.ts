// The tutorials cannot rot: every ts/tsx block has an up-to-date copy in docs/tutorials/checked/ (which
// `npm run typecheck` and `npm run lint` compile with the code), every file a page names exists, and
// each section of the advanced-features tutorial shows code and a step to try it.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { snippetFiles, staleSnippets } from "@/scripts/docs-snippets";

const PAGE = "docs/tutorials/advanced-plugin-features.md";

describe("docs/tutorials", () => {
  it("have an up-to-date checked copy of every code block (npm run docs:snippets)", () => {
    expect(snippetFiles().length).toBeGreaterThanOrEqual(12);
    expect(staleSnippets()).toEqual([]);
  });

  it("name only files that exist", () => {
    for (const page of fs.readdirSync("docs/tutorials").filter((f) => f.endsWith(".md"))) {
      const text = fs.readFileSync(`docs/tutorials/${page}`, "utf8");
      const named = [...text.matchAll(/`((?:plugins|core|scripts|tests|app|components|docs)\/[\w./-]+)`/g)].map((m) => m[1]!);
      expect(named.length).toBeGreaterThan(0);
      expect(named.filter((p) => !fs.existsSync(p)), `${page} names files that do not exist`).toEqual([]);
    }
  });

  it("walk through each of the original tutorial's features with code and a step to try", () => {
    const text = fs.readFileSync(PAGE, "utf8");
    const sections = text.split(/^## \d+\. /m).slice(1);
    expect(sections.map((s) => s.split("\n")[0])).toEqual([
      "Model signals → typed events and in-transaction handlers",
      "Custom signals → `defineEvent`, and other plugins' events by name",
      "Lifecycle hooks: ready, organization created, enabled, disabled, upgraded",
      "Admin views → pages",
      "Admin URLs → menu entries",
      "Admin actions → bulk server actions",
      "Celery tasks and periodic tasks → Inngest functions and crons",
      "Settings migrations",
      "Template tags → components",
      "DRF viewsets → API routes",
      "External services → the Shopify sync job, with rate limits",
      "Event-driven design",
    ]);
    for (const s of sections) {
      expect(s, s.split("\n")[0]).toMatch(/^```tsx?$/m);
      expect(s, s.split("\n")[0]).toContain("**Try it:**");
      expect(s, s.split("\n")[0]).toMatch(/Real code: `plugins\//);
    }
  });
});

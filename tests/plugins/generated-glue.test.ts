// The committed generated glue (registry, route shims, plugin schema copies) matches plugins/.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { discoverPlugins, generatedFiles, staleFiles, writeGenerated } from "@/scripts/generate-plugins";

describe("generated plugin glue", () => {
  it("is up to date with plugins/ (run `npm run plugins:generate` when this fails)", () => {
    expect(staleFiles()).toEqual([]);
  });

  it("lists every plugin folder lazily in the registry and gives each its page and API shims", () => {
    const ids = discoverPlugins();
    expect(ids).toContain("hello");
    const files = generatedFiles().map((f) => f.path);
    for (const id of ids) {
      expect(files).toContain(`app/(admin)/${id}/[[...path]]/page.tsx`);
      expect(files).toContain(`app/api/v1/${id}/[...path]/route.ts`);
    }
    const registry = generatedFiles().find((f) => f.path === "app/_plugins/registry.generated.ts")!.content;
    expect(registry).toContain(`"hello": () => import("@/plugins/hello/plugin")`);
  });

  it("detects stale, missing and orphaned files, and regenerates them", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ritiko-glue-"));
    try {
      fs.mkdirSync(path.join(root, "plugins/alpha"), { recursive: true });
      fs.writeFileSync(path.join(root, "plugins/alpha/plugin.ts"), "export default {}");
      fs.writeFileSync(path.join(root, "plugins/alpha/models.prisma"), "model AlphaThing { id String @id }\n");
      expect(staleFiles(root).sort()).toEqual(
        [
          "app/(admin)/alpha/[[...path]]/page.tsx",
          "app/_plugins/jobs.generated.ts",
          "app/_plugins/messages.generated.ts",
          "app/_plugins/registry.generated.ts",
          "app/api/v1/alpha/[...path]/route.ts",
          "prisma/schema/plugin-alpha.prisma",
        ].sort(),
      );
      writeGenerated(root);
      expect(staleFiles(root)).toEqual([]);
      fs.writeFileSync(path.join(root, "plugins/alpha/models.prisma"), "model AlphaThing { id String @id\n name String }\n");
      expect(staleFiles(root)).toEqual(["prisma/schema/plugin-alpha.prisma"]);
      writeGenerated(root);
      // A plugin that gains jobs.ts must be served by /api/inngest: the jobs glue goes stale.
      fs.writeFileSync(path.join(root, "plugins/alpha/jobs.ts"), "export const functions = [];\n");
      expect(staleFiles(root)).toEqual(["app/_plugins/jobs.generated.ts"]);
      writeGenerated(root);
      expect(fs.readFileSync(path.join(root, "app/_plugins/jobs.generated.ts"), "utf8")).toContain('import { functions as alphaJobs } from "@/plugins/alpha/jobs";');
      // A plugin that gains messages.ts has its UI text registered: the messages glue goes stale.
      fs.writeFileSync(path.join(root, "plugins/alpha/messages.ts"), "export const messages = { en: {} };\n");
      expect(staleFiles(root)).toEqual(["app/_plugins/messages.generated.ts"]);
      writeGenerated(root);
      expect(fs.readFileSync(path.join(root, "app/_plugins/messages.generated.ts"), "utf8")).toContain('import { messages as alphaMessages } from "@/plugins/alpha/messages";');
      // Removing the plugin leaves orphaned shims until regenerated.
      fs.rmSync(path.join(root, "plugins/alpha"), { recursive: true });
      writeGenerated(root);
      expect(fs.existsSync(path.join(root, "app/(admin)/alpha"))).toBe(false);
      expect(fs.existsSync(path.join(root, "prisma/schema/plugin-alpha.prisma"))).toBe(false);
      expect(staleFiles(root)).toEqual([]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("refuses plugin ids that collide with core routes or are malformed", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ritiko-glue-"));
    try {
      fs.mkdirSync(path.join(root, "plugins/patients"), { recursive: true });
      fs.writeFileSync(path.join(root, "plugins/patients/plugin.ts"), "");
      expect(() => discoverPlugins(root)).toThrow(/core URL segment/);
      fs.rmSync(path.join(root, "plugins/patients"), { recursive: true });
      fs.mkdirSync(path.join(root, "plugins/Bad_Name"), { recursive: true });
      fs.writeFileSync(path.join(root, "plugins/Bad_Name/plugin.ts"), "");
      expect(() => discoverPlugins(root)).toThrow(/lower-case/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

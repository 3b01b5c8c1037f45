// The plugin author's commands (scripts/lib/plugin-author): `plugin new` refuses bad or clashing ids
// and unknown contributions without writing anything; `plugin migrate` writes a plugin's migration
// from its models.prisma through the offline schema engine and a throw-away shadow database, refuses
// a diff that touches other tables, and writes nothing when nothing changed. The real scaffold runs in
// a copy of plugins/ and prisma/ inside .data/ (so Prisma and its config resolve from this checkout).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pluginWarnings } from "@/scripts/generate-plugins";
import { dropsIn, migratePlugin, nextTimestamp, pluginEnums, pluginTables, safeComments, touchedTables } from "@/scripts/lib/plugin-author/migrate";
import { newPlugin } from "@/scripts/lib/plugin-author/new-plugin";
import { resolveContributions } from "@/scripts/lib/plugin-author/templates";

function cli(...args: string[]) {
  const res = spawnSync(process.execPath, ["--import", "tsx", "scripts/ritiko.ts", ...args], { encoding: "utf8", env: process.env, timeout: 120_000 });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

const sandboxes: string[] = [];
// Inside the checkout (so Prisma and its config resolve from its node_modules), in the ignored .data/.
fs.mkdirSync(".data", { recursive: true });
afterAll(() => {
  for (const s of sandboxes) fs.rmSync(s, { recursive: true, force: true });
});

/** A copy of what the author's commands read and write: plugins/, prisma/, the Prisma config and CLI wrapper. */
function sandbox(): string {
  const root = fs.mkdtempSync(path.resolve(".data/author-test-"));
  sandboxes.push(root);
  for (const p of ["plugins", "prisma", "scripts/prisma.mjs", "scripts/prisma-schema-engine.mjs", "prisma.config.ts"]) fs.cpSync(p, path.join(root, p), { recursive: true });
  return root;
}

describe("npm run ritiko -- plugin new: refusals", () => {
  it.each([
    [["Bad"], /"Bad" is not a valid plugin id/],
    [["x--y"], /not a valid plugin id/],
    [["api"], /core URL segment/],
    [["hello"], /plugins\/hello already exists/],
    [["desk-notes", "--with", "page,teleport"], /Unknown contribution "teleport": choose from page, setting, model/],
    [[], /Name the plugin/],
  ])("plugin new %j: exit 2, says why, writes nothing", (args, message) => {
    const before = fs.readdirSync("plugins").sort();
    const res = cli("plugin", "new", ...args);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(message);
    expect(fs.readdirSync("plugins").sort()).toEqual(before);
  });

  it("adds what a contribution needs and says so", () => {
    expect(resolveContributions(["menu", "api"])).toEqual({ contributions: ["page", "model", "api", "menu"], added: [{ added: "page", by: "menu" }, { added: "model", by: "api" }] });
  });
});

describe("plugin migrate: the pieces", () => {
  it("knows a plugin's tables, what a script touches, and keeps comments the offline engine can split", () => {
    const prisma = `model A {\n  id String @id\n  @@map("a_rows")\n}\nmodel B {\n  id String @id\n}\nenum Color {\n  red\n}\nenum Size {\n  s\n  @@map("size_kind")\n}\n`;
    expect([pluginTables(prisma), pluginEnums(prisma)]).toEqual([["a_rows", "B"], ["Color", "size_kind"]]);
    expect(touchedTables(`CREATE TYPE "Color" AS ENUM ('red');\nALTER TYPE "size_kind" ADD VALUE 'm';\nDROP TYPE "Old";`)).toEqual(["type Color", "type size_kind", "type Old"]);
    expect(touchedTables(`CREATE TABLE "a" (x int);\nALTER TABLE "b" ADD COLUMN y int;\nCREATE INDEX "c_idx" ON "c"("x");\nDROP INDEX "d_x_idx";`)).toEqual(["a", "b", "c", "index d_x_idx"]);
    expect(safeComments("-- it's a; test\nSELECT 'a;b';")).toBe("-- its a test\nSELECT 'a;b';");
    // What the CLI warns about: data a migration deletes.
    expect(dropsIn(`DROP TABLE "x_records";\nALTER TABLE "x_items" DROP COLUMN "note",\nDROP COLUMN IF EXISTS "tag", ADD COLUMN "y" int;\nDROP INDEX "x_items_a_idx";`)).toEqual(["table x_records", "column x_items.note", "column x_items.tag"]);
    expect(dropsIn(`CREATE TABLE "a" (x int);`)).toEqual([]);
  });

  it("names a migration after the newest one, even when that one is dated in the future", () => {
    const dir = fs.mkdtempSync(path.resolve(".data/stamp-"));
    sandboxes.push(dir);
    fs.mkdirSync(path.join(dir, "20301231235900_future"));
    expect(nextTimestamp(dir, new Date("2026-12-07T10:00:00Z"))).toBe("20310101000000");
    expect(nextTimestamp(path.join(dir, "none"), new Date("2026-12-07T10:00:00Z"))).toBe("20261207100000");
  });
});

describe("plugins:generate and npm run dev warnings", () => {
  it("name a folder with models but no manifest, and a plugin table no migration creates", () => {
    const root = fs.mkdtempSync(path.resolve(".data/warn-"));
    sandboxes.push(root);
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write("plugins/loose/models.prisma", "model Loose {\n  id String @id\n}\n");
    write("plugins/desk/plugin.ts", "export default {};\n");
    write("plugins/desk/models.prisma", `model DeskNote {\n  id String @id\n  @@map("desk_notes")\n}\nmodel DeskTag {\n  id String @id\n  @@map("desk_tags")\n}\n`);
    write("prisma/migrations/20260101000000_plugin_desk_init/migration.sql", `CREATE TABLE "desk_notes" (id text);\n`);
    expect(pluginWarnings(root)).toEqual([
      `plugins/desk: no migration creates the table "desk_tags" (model DeskTag): run \`npm run ritiko -- plugin migrate desk --name init\`.`,
      "plugins/loose has models.prisma but no plugin.ts: its models are not part of the schema until the folder has a manifest.",
    ]);
    expect(pluginWarnings(process.cwd())).toEqual([]);
  });
});

describe("plugin new + plugin migrate on a copy of the schema", () => {
  it("scaffolds a plugin with a model and its first migration; later model changes become their own migration; foreign changes are refused", async () => {
    const root = sandbox();
    const made = await newPlugin(root, "desk-notes", ["model", "api"]);
    expect(made.contributions).toEqual(["model", "api"]);
    expect(made.migration).toMatch(/^prisma\/migrations\/\d{14}_plugin_desk_notes_init\/migration\.sql$/);
    const init = fs.readFileSync(path.join(root, made.migration!), "utf8");
    expect(init).toContain(`CREATE TABLE "desk_notes_records"`);
    expect(touchedTables(init).every((t) => t === "desk_notes_records")).toBe(true);
    expect(fs.existsSync(path.join(root, "prisma/schema/plugin-desk-notes.prisma"))).toBe(true);
    expect(fs.existsSync(path.join(root, "app/api/v1/desk-notes/[...path]/route.ts"))).toBe(true);

    expect((await migratePlugin(root, "desk-notes", "nothing")).written).toBeNull();

    const models = path.join(root, "plugins/desk-notes/models.prisma");
    fs.writeFileSync(models, fs.readFileSync(models, "utf8").replace("  note           String   @default(\"\")", "  note           String   @default(\"\")\n  dueOn          DateTime? @db.Date"));
    const added = await migratePlugin(root, "desk-notes", "add_due_on");
    expect(added.written).toMatch(/_plugin_desk_notes_add_due_on\/migration\.sql$/);
    expect(added.sql).toContain(`ALTER TABLE "desk_notes_records" ADD COLUMN     "dueOn" DATE`);

    // A model and an enum of the plugin's own, added, then removed: both migrations are the plugin's.
    const tagged = `\nenum DeskTagColor {\n  red\n  blue\n}\n\nmodel DeskTag {\n  id             String       @id @db.Uuid\n  organizationId String       @db.Uuid\n  color          DeskTagColor\n\n  @@map("desk_notes_tags")\n}\n`;
    const withoutTags = fs.readFileSync(models, "utf8");
    fs.writeFileSync(models, withoutTags + tagged);
    const tags = await migratePlugin(root, "desk-notes", "add_tags");
    expect(tags.sql).toMatch(/CREATE TYPE "DeskTagColor"[\s\S]*CREATE TABLE "desk_notes_tags"/);
    fs.writeFileSync(models, withoutTags);
    const dropped = await migratePlugin(root, "desk-notes", "drop_tags");
    expect(dropped.sql).toMatch(/DROP TABLE "desk_notes_tags"[\s\S]*DROP TYPE "DeskTagColor"/);
    expect(added.written! > made.migration!).toBe(true);

    const core = path.join(root, "prisma/schema/core.prisma");
    fs.writeFileSync(core, fs.readFileSync(core, "utf8").replace(/(model Patient \{\n)/, "$1  nickname String?\n"));
    fs.writeFileSync(models, fs.readFileSync(models, "utf8").replace("  dueOn", "  doneOn         DateTime? @db.Date\n  dueOn"));
    const migrationsBefore = fs.readdirSync(path.join(root, "prisma/migrations")).sort();
    await expect(migratePlugin(root, "desk-notes", "add_done_on")).rejects.toThrow(/changes outside plugin "desk-notes" \(patients\)/);
    expect(fs.readdirSync(path.join(root, "prisma/migrations")).sort()).toEqual(migrationsBefore);

    // With core's change still pending, a new plugin with a model cannot get its migration: nothing of it stays.
    await expect(newPlugin(root, "front-desk", ["model"])).rejects.toThrow(/changes outside plugin "front-desk"[\s\S]*Nothing was created/);
    expect(fs.existsSync(path.join(root, "plugins/front-desk"))).toBe(false);
    expect(fs.existsSync(path.join(root, "prisma/schema/plugin-front-desk.prisma"))).toBe(false);
    expect(fs.existsSync(path.join(root, "app/(admin)/front-desk"))).toBe(false);
  }, 240_000);
});

// `npm run ritiko -- plugin migrate <id> --name <name>`: the migration for what changed in
// plugins/<id>/models.prisma since the committed migrations, written where `npm run dev` and
// `npm start` apply it (prisma/migrations/<timestamp>_plugin_<id>_<name>/migration.sql).
//
// How: the plugin glue is regenerated (the models are copied into prisma/schema/plugin-<id>.prisma),
// then Prisma Migrate diffs the migrations folder (replayed into a throw-away embedded PostgreSQL, the
// "shadow database") against the whole schema folder, through the offline schema engine
// (scripts/prisma.mjs). The diff must touch only the plugin's own tables: a pending change of core or
// of another plugin is refused, naming the tables, so one plugin's migration never carries another's.
// Nothing is written when the diff is empty or refused.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../free-port";
import { startEmbeddedDb } from "../embedded-db";
import { writeGenerated } from "../../generate-plugins";
import { AuthorError } from "./errors";

export type MigrateResult = { written: string | null; sql: string; message: string; drops?: string[] };

/**
 * What a migration script deletes data with: dropped tables and columns. The migration is still written
 * (renaming or removing a model is a real change), but the CLI says so loudly: applied, it deletes rows.
 */
export function dropsIn(sql: string): string[] {
  const found: string[] = [];
  for (const m of sql.matchAll(/\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?"([^"]+)"/gi)) found.push(`table ${m[1]!}`);
  for (const m of sql.matchAll(/\bALTER\s+TABLE\s+"([^"]+)"([^;]*)/gi)) {
    for (const c of m[2]!.matchAll(/\bDROP\s+COLUMN\s+(?:IF\s+EXISTS\s+)?"([^"]+)"/gi)) found.push(`column ${m[1]!}.${c[1]!}`);
  }
  return found;
}

/** The plugin's tables: each model's @@map name, else the model name (Prisma's default). */
export function pluginTables(modelsPrisma: string): string[] {
  return mappedNames(modelsPrisma, "model");
}

/** The plugin's enum types (PostgreSQL types of the same name, or their @@map name). */
export function pluginEnums(modelsPrisma: string): string[] {
  return mappedNames(modelsPrisma, "enum");
}

function mappedNames(prisma: string, kind: "model" | "enum"): string[] {
  const names: string[] = [];
  for (const m of prisma.matchAll(new RegExp(`^${kind}\\s+(\\w+)\\s*\\{([\\s\\S]*?)^\\}`, "gm"))) {
    const mapped = /@@map\(\s*"([^"]+)"\s*\)/.exec(m[2]!);
    names.push(mapped ? mapped[1]! : m[1]!);
  }
  return names;
}

/** Tables a migration script touches (CREATE/ALTER/DROP TABLE, CREATE/DROP INDEX ... ON, foreign keys' targets excluded). */
export function touchedTables(sql: string): string[] {
  const found = new Set<string>();
  for (const m of sql.matchAll(/\b(?:CREATE|ALTER|DROP)\s+TABLE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?"([^"]+)"/gi)) found.add(m[1]!);
  for (const m of sql.matchAll(/\bINDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?"[^"]+"\s+ON\s+"([^"]+)"/gi)) found.add(m[1]!);
  // DROP INDEX names no table: Prisma names indexes "<table>_<columns>_idx/key", so the prefix tells.
  for (const m of sql.matchAll(/\bDROP\s+INDEX\s+"([^"]+)"/gi)) found.add(`index ${m[1]!}`);
  for (const m of sql.matchAll(/\b(?:CREATE|ALTER|DROP)\s+TYPE\s+(?:IF\s+EXISTS\s+)?"([^"]+)"/gi)) found.add(`type ${m[1]!}`);
  return [...found];
}

/** 20261207141000: after `now` and after the newest committed migration, so it applies last. */
export function nextTimestamp(migrationsDir: string, now = new Date()): string {
  const stamp = (d: Date) => d.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const newest = fs.existsSync(migrationsDir) ? fs.readdirSync(migrationsDir).filter((d) => /^\d{14}_/.test(d)).sort().at(-1)?.slice(0, 14) : undefined;
  const candidate = stamp(now);
  if (!newest || candidate > newest) return candidate;
  const n = newest;
  const next = new Date(Date.UTC(+n.slice(0, 4), +n.slice(4, 6) - 1, +n.slice(6, 8), +n.slice(8, 10), +n.slice(10, 12), +n.slice(12, 14)) + 60_000);
  return stamp(next);
}

/**
 * Our offline migrate path runs migration.sql through the wasm engine, which splits statements itself
 * and trips over `;` and `'` inside comments: comments keep their words without those characters.
 */
export function safeComments(sql: string): string {
  return sql.replace(/^(\s*--.*)$/gm, (line) => line.replace(/[;']/g, ""));
}

export async function migratePlugin(root: string, id: string, name: string, opts: { now?: Date } = {}): Promise<MigrateResult> {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new AuthorError(`--name "${name}": use lower-case letters, digits and underscores, starting with a letter (e.g. add_due_date).`);
  const models = path.join(root, "plugins", id, "models.prisma");
  if (!fs.existsSync(path.join(root, "plugins", id, "plugin.ts"))) throw new AuthorError(`No plugin "${id}": plugins/${id}/plugin.ts does not exist.`);
  if (!fs.existsSync(models)) throw new AuthorError(`plugins/${id} has no models.prisma: there is nothing to migrate.`);
  // Its own: what models.prisma declares now, and what the schema's copy of it declared before this run
  // (a model or enum the author removed is dropped by this migration, and is still the plugin's).
  const copy = path.join(root, "prisma", "schema", `plugin-${id}.prisma`);
  const sources = [fs.readFileSync(models, "utf8"), fs.existsSync(copy) ? fs.readFileSync(copy, "utf8") : ""];
  const own = new Set(sources.flatMap(pluginTables));
  const ownTypes = new Set(sources.flatMap(pluginEnums));
  writeGenerated(root);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ritiko-shadow-"));
  const db = await startEmbeddedDb({ dataDir, port: await freePort(), persistent: false, quiet: true });
  let sql: string;
  try {
    await db.ensureDatabase("shadow");
    const res = spawnSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema", "--script"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, SHADOW_DATABASE_URL: db.urlFor("shadow"), DATABASE_URL: process.env.DATABASE_URL ?? db.urlFor("postgres") },
    });
    if (res.status !== 0) throw new AuthorError(`Prisma could not diff the schema (exit ${res.status}):\n${res.stderr || res.stdout}`);
    sql = res.stdout.split("\n").filter((l) => !l.startsWith("Loaded Prisma config")).join("\n").trim();
  } finally {
    await db.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (!/\b(CREATE|ALTER|DROP)\b/i.test(sql)) return { written: null, sql: "", message: `No changes in plugins/${id}/models.prisma since the last migration: nothing written.` };

  const foreign = touchedTables(sql).filter((t) => {
    if (t.startsWith("index ")) return ![...own].some((table) => t.slice(6).startsWith(`${table}_`));
    if (t.startsWith("type ")) return !ownTypes.has(t.slice(5));
    return !own.has(t);
  });
  if (foreign.length) {
    throw new AuthorError(
      `The schema has changes outside plugin "${id}" (${foreign.join(", ")}): a plugin's migration may only change its own tables (${[...own].join(", ") || "none"}). ` +
        `Create the migration for those changes first, or undo them.\n\n${sql}`,
    );
  }
  const folder = `${nextTimestamp(path.join(root, "prisma/migrations"), opts.now)}_plugin_${id.replace(/-/g, "_")}_${name}`;
  const file = path.join(root, "prisma/migrations", folder, "migration.sql");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `-- Plugin ${id}: ${name} (written by npm run ritiko -- plugin migrate)\n${safeComments(sql)}\n`);
  const drops = dropsIn(sql);
  return { written: path.relative(root, file), sql, drops, message: `Wrote prisma/migrations/${folder}/migration.sql (applied by npm run dev and npm start).` };
}

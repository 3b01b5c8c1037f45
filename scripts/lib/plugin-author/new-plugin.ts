// `npm run ritiko -- plugin new <id> [--with page,setting,model,api,job,widget,menu,event,import]`:
// writes plugins/<id>/ — a typed manifest, one small file per chosen contribution in the conventions of
// plugins/hello and plugins/inventory, and a test per contribution — then regenerates the plugin glue,
// and with a model writes its first migration and regenerates the Prisma client. The result
// typechecks, lints and passes its tests with no edit.
//
// All or nothing: when a later step fails (the migration refused because the schema has other pending
// changes, Prisma failing), the plugin folder, its glue and its migration are removed again and the
// error says why.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { writeGenerated } from "../../generate-plugins";
import { AuthorError } from "./errors";
import { migratePlugin } from "./migrate";
import { checkNewId } from "./names";
import { DEFAULT_CONTRIBUTIONS, pluginFiles, resolveContributions, type Contribution } from "./templates";

export type NewPluginResult = { id: string; contributions: Contribution[]; added: Array<{ added: Contribution; by: Contribution }>; files: string[]; migration: string | null };

export function prismaGenerate(root: string): void {
  const res = spawnSync(process.execPath, [path.join(root, "scripts/prisma.mjs"), "generate"], { cwd: root, encoding: "utf8" });
  if (res.status !== 0) throw new AuthorError(`prisma generate failed (exit ${res.status}):\n${res.stderr || res.stdout}`);
}

export async function newPlugin(root: string, id: string | undefined, withList: string[] | null): Promise<NewPluginResult> {
  const names = checkNewId(root, id);
  let resolved: ReturnType<typeof resolveContributions>;
  try {
    resolved = resolveContributions(withList ?? DEFAULT_CONTRIBUTIONS);
  } catch (err) {
    throw new AuthorError((err as Error).message);
  }
  const dir = path.join(root, "plugins", names.id);
  const files = pluginFiles(names, resolved.contributions);
  let migration: string | null = null;
  try {
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      fs.writeFileSync(path.join(dir, f.path), f.content, { flag: "wx" });
    }
    writeGenerated(root);
    if (resolved.contributions.includes("model")) {
      migration = (await migratePlugin(root, names.id, "init")).written;
      prismaGenerate(root);
    }
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    if (migration) fs.rmSync(path.dirname(path.join(root, migration)), { recursive: true, force: true });
    writeGenerated(root);
    throw err instanceof AuthorError ? new AuthorError(`${err.message}\nNothing was created.`) : err;
  }
  return { id: names.id, contributions: resolved.contributions, added: resolved.added, files: files.map((f) => `plugins/${names.id}/${f.path}`), migration };
}

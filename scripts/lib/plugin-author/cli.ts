// The plugin author's commands of `npm run ritiko`: they work on files, not on a database, so they
// run before (and without) the plugin runtime and the embedded database the other commands start.
//   plugin new <id> [--with page,setting,model,api,job,widget,menu,event,import]
//   plugin migrate <id> --name <what_changed>
// Exit codes: 0 done (or nothing to do), 2 refused with the reason (bad id, clash, unknown option), 1 failed.
import { AuthorError } from "./errors";
import { migratePlugin } from "./migrate";
import { newPlugin, prismaGenerate } from "./new-plugin";
import { CONTRIBUTIONS } from "./templates";

export const AUTHOR_COMMANDS = new Set(["new", "migrate"]);

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith("--")) throw new AuthorError(`--${name} needs a value.`);
  return v;
}

export async function authorCommand(args: string[], root = process.cwd()): Promise<number> {
  const [command, id] = args;
  try {
    if (command === "new") {
      const withList = flag(args, "with");
      const r = await newPlugin(root, id, withList === undefined ? null : withList.split(",").map((s) => s.trim()).filter(Boolean));
      const lines = [
        `Created plugins/${r.id} with ${r.contributions.join(", ")}${r.added.length ? ` (${r.added.map((a) => `${a.added} for ${a.by}`).join(", ")})` : ""}:`,
        ...r.files.map((f) => `  ${f}`),
        ...(r.migration ? [`  ${r.migration}`] : []),
        "",
        "Next:",
        `  npm test -- --unit plugins/${r.id}     its tests, on a throw-away database`,
        `  npm run dev                          then enable "${r.id}" on the Plugins page`,
        ...(r.migration ? [`  after editing plugins/${r.id}/models.prisma: npm run ritiko -- plugin migrate ${r.id} --name <what_changed>`] : []),
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
      return 0;
    }
    if (command === "migrate") {
      if (!id) throw new AuthorError("Name the plugin: `npm run ritiko -- plugin migrate <id> --name <what_changed>`.");
      const name = flag(args, "name");
      if (!name) throw new AuthorError("Say what changed: --name <what_changed> (e.g. add_due_date); it names the migration folder.");
      const r = await migratePlugin(root, id, name);
      if (r.written) prismaGenerate(root);
      process.stdout.write(`${r.message}${r.written ? `\n\n${r.sql}\n\nThe Prisma client is regenerated.` : ""}\n`);
      if (r.drops?.length) {
        process.stderr.write(
          `\nWarning: this migration deletes data where it is applied: it drops ${r.drops.join(", ")}.\n` +
            `If that is not what you meant (e.g. you renamed a model of a plugin nobody runs yet), delete ${r.written} and, for an unreleased plugin, ` +
            `its other migration folders too, then run plugin migrate ${id} --name init again (docs/plugins.md "Models").\n`,
        );
      }
      return 0;
    }
    throw new AuthorError(`Unknown author command "${command}". Use: plugin new <id> [--with ${CONTRIBUTIONS.join(",")}] | plugin migrate <id> --name <name>`);
  } catch (err) {
    if (err instanceof AuthorError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

// `npm run ritiko -- plugin <command>`: the plugin management CLI, with the same rules as the Plugins page
// (scripts/ritiko.ts loads it for every command but the author's `plugin new` and `plugin migrate`).
//   plugin list                                 installed plugins (and, with --org, their status there)
//   plugin info <id>                            metadata, dependencies, permissions, groups, settings
//   plugin enable <id> --org <slug>             enable for an organization (dependencies checked, hooks run)
//   plugin disable <id> --org <slug> [--reason "…"]   (a reason is required for a protected plugin, e.g. audit)
//   plugin status --org <slug>                  every plugin's status for the organization
//   plugin permissions <id>                     permissions and groups the plugin declares
//   <plugin command> ...                        commands plugins contribute (manifest `cli`), e.g. `audit verify --org <slug>`
// Exit codes: 0 success, 1 refused or failed, 2 usage error (unknown command, plugin or organization).
import "dotenv/config";
import "../../app/_plugins/runtime";
import { rootDb } from "../../core/db/client";
import { disablePlugin, enablePlugin } from "../../core/plugins/lifecycle";
import { allPlugins, getPlugin } from "../../core/plugins/registry";
import { pluginStatuses } from "../../core/plugins/status";
import pg from "pg";
import { isPortFree, startEmbeddedDb } from "./embedded-db";

const USAGE = `Usage: npm run ritiko -- plugin <list|info|enable|disable|status|permissions> [id] [--org <slug>] [--reason "…"] [--json]\n       npm run ritiko -- plugin new <id> [--with page,setting,model,api,job,widget,menu,event,import]\n       npm run ritiko -- plugin migrate <id> --name <what_changed>`;

class UsageError extends Error {}

function parse(argv: string[]) {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--")) {
      const next = argv[i + 1];
      if (next && !next.startsWith("--")) {
        flags[a.slice(2)] = next;
        i++;
      } else flags[a.slice(2)] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}

async function orgBySlug(slug: string | true | undefined) {
  if (typeof slug !== "string") throw new UsageError("This command needs --org <organization slug>.");
  const org = await rootDb().organization.findUnique({ where: { slug } });
  if (!org) {
    const known = await rootDb().organization.findMany({ select: { slug: true }, orderBy: { slug: "asc" }, take: 20 });
    throw new UsageError(`Unknown organization "${slug}". Known: ${known.map((o) => o.slug).join(", ") || "none"}.`);
  }
  return org;
}

async function pluginOrFail(id: string | undefined) {
  if (!id) throw new UsageError("Name the plugin: e.g. `plugin info hello`.");
  const p = await getPlugin(id);
  if (!p) throw new UsageError(`Unknown plugin "${id}". Installed: ${(await allPlugins()).map((x) => x.id).join(", ") || "none"}.`);
  return p;
}

async function main(argv: string[]): Promise<number> {
  const { positional, flags } = parse(argv);
  const [group, command, id] = positional;
  const json = flags.json === true;
  const out = (human: string, data: unknown) => process.stdout.write(json ? `${JSON.stringify(data, null, 2)}\n` : `${human}\n`);
  if (group !== "plugin") return pluginCommand(positional, flags);
  if (!command) throw new UsageError(USAGE);
  const actor = { type: "system" as const, name: "cli" };

  switch (command) {
    case "list": {
      const plugins = await allPlugins();
      out(plugins.map((p) => `${p.id.padEnd(16)} ${p.version.padEnd(10)} ${p.name} — ${p.description}`).join("\n") || "No plugins installed.", plugins.map((p) => ({ id: p.id, name: p.name, version: p.version })));
      return 0;
    }
    case "info":
    case "permissions": {
      const p = await pluginOrFail(id);
      const perms = (p.permissions ?? []).map((x) => `  ${x.key.padEnd(32)} ${x.label}`).join("\n") || "  (none)";
      const groups = (p.groups ?? []).map((g) => `  ${g.key.padEnd(32)} ${g.label}: ${g.permissions.join(", ")}`).join("\n") || "  (none)";
      if (command === "permissions") {
        out(`Permissions:\n${perms}\nGroups:\n${groups}`, { permissions: p.permissions ?? [], groups: p.groups ?? [] });
        return 0;
      }
      const deps = Object.entries(p.dependencies ?? {}).map(([d, r]) => `${d} ${r}`).join(", ") || "none";
      const settings = Object.entries(p.settings?.fields ?? {}).map(([k, f]) => `  ${k.padEnd(32)} ${f.type.padEnd(9)} ${f.label}`).join("\n") || "  (none)";
      out(`${p.name} (${p.id}) v${p.version} by ${p.author}\n${p.description}\nDepends on: ${deps}\nPermissions:\n${perms}\nGroups:\n${groups}\nSettings:\n${settings}`, {
        id: p.id, name: p.name, version: p.version, author: p.author, description: p.description, dependencies: p.dependencies ?? {},
      });
      return 0;
    }
    case "enable":
    case "disable": {
      const p = await pluginOrFail(id);
      const org = await orgBySlug(flags.org);
      const reason = typeof flags.reason === "string" ? flags.reason : undefined;
      const res = command === "enable" ? await enablePlugin(org.id, p.id, actor, { source: "cli" }) : await disablePlugin(org.id, p.id, actor, { source: "cli" }, { reason });
      if (res.ok) out(res.message, res);
      else process.stderr.write(`${res.error}\n`);
      return res.ok ? 0 : 1;
    }
    case "status": {
      const org = await orgBySlug(flags.org);
      const rows = await pluginStatuses(org.id);
      out(
        rows.map((r) => `${r.id.padEnd(16)} ${(r.enabled ? "enabled" : "disabled").padEnd(9)} v${r.version}${r.appliedVersion && r.appliedVersion !== r.version ? ` (applied ${r.appliedVersion})` : ""}`).join("\n") || "No plugins installed.",
        rows.map((r) => ({ id: r.id, enabled: r.enabled, version: r.version, appliedVersion: r.appliedVersion })),
      );
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n${USAGE}`);
  }
}

/** A command contributed by a plugin manifest (`cli`): the longest command whose words start the arguments. */
async function pluginCommand(positional: string[], flags: Record<string, string | true>): Promise<number> {
  const commands = (await allPlugins()).flatMap((p) => (p.cli ?? []).map((c) => ({ ...c, words: c.command.split(/\s+/) })));
  const match = commands
    .filter((c) => c.words.every((w, i) => positional[i] === w))
    .sort((a, b) => b.words.length - a.words.length)[0];
  if (!match) {
    const list = commands.map((c) => `  ${c.command.padEnd(28)} ${c.description}`).join("\n");
    throw new UsageError(`${USAGE}${list ? `\nPlugin commands:\n${list}` : ""}`);
  }
  return match.run({ positional: positional.slice(match.words.length), flags });
}

// Like `npm run db:seed`: without DATABASE_URL, use the embedded database of `npm run dev` — the one it
// is running when its port answers (an author enables a plugin while the app runs), else started here.
let stop: (() => Promise<void>) | undefined;
if (!process.env.DATABASE_URL) {
  const port = Number(process.env.RITIKO_DB_PORT ?? 5433);
  const devUrl = `postgresql://ritiko:ritiko@127.0.0.1:${port}/ritiko`;
  if (!(await isPortFree(port))) {
    const ok = await canConnect(devUrl);
    if (!ok.ok) {
      process.stderr.write(`Port ${port} is in use but is not \`npm run dev\`'s embedded database (${ok.reason}). Set DATABASE_URL, or RITIKO_DB_PORT to the port \`npm run dev\` uses.\n`);
      process.exit(1);
    }
    process.env.DATABASE_URL = devUrl;
  } else {
    const db = await startEmbeddedDb({ dataDir: process.env.RITIKO_DATA_DIR ?? ".data/postgres", port, persistent: true, quiet: true }).catch((err: Error) => err);
    if (db instanceof Error) {
      process.stderr.write(`Cannot start the embedded database on port ${port}: ${db.message}\nSet DATABASE_URL, e.g. DATABASE_URL=${devUrl}\n`);
      process.exit(1);
    }
    await db.ensureDatabase("ritiko");
    process.env.DATABASE_URL = db.urlFor("ritiko");
    stop = db.stop;
  }
}

async function canConnect(url: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}
let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  code = err instanceof UsageError ? 2 : 1;
}
await rootDb().$disconnect().catch(() => undefined);
await stop?.();
process.exit(code);

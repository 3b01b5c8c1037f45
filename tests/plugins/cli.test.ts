// The plugin management CLI, run as a real process against the test database.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { createOrganization } from "../helpers/fixtures";

function cli(...args: string[]) {
  const res = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/ritiko.ts", ...args], { encoding: "utf8", env: process.env, timeout: 60_000 });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

// Each call starts a Node process that loads the plugin registry through tsx: a few seconds on a
// quiet box, over 7 s each on a loaded CI box (a loaded run timed out two tests at vitest's 30 s).
describe("npm run ritiko -- plugin ...", { timeout: 180_000 }, () => {
  it("lists and describes installed plugins", () => {
    const list = cli("plugin", "list", "--json");
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out)).toContainEqual({ id: "hello", name: "Hello", version: "2.0.0" });
    const perms = cli("plugin", "permissions", "hello");
    expect(perms.code).toBe(0);
    expect(perms.out).toContain("hello.manage_greetings");
  });

  it("enables and disables with the same rules as the UI, and exit codes tell what happened", async () => {
    const { org } = await createOrganization("Cli Clinic");
    const enable = cli("plugin", "enable", "hello", "--org", org.slug);
    expect(enable).toMatchObject({ code: 0, out: "Hello enabled for Cli Clinic.\n" });
    expect(cli("plugin", "enable", "hello", "--org", org.slug)).toMatchObject({ code: 1, err: "Hello is already enabled for Cli Clinic.\n" });
    expect(cli("plugin", "status", "--org", org.slug).out).toMatch(/^hello\s+enabled\s+v2\.0\.0/m);
    expect(cli("plugin", "disable", "hello", "--org", org.slug).code).toBe(0);
    expect(await rootDb().pluginInstallation.findUnique({ where: { organizationId_pluginId: { organizationId: org.id, pluginId: "hello" } } })).toMatchObject({ enabled: false });
  });

  it("explains usage errors: unknown plugin, organization or command (exit 2)", () => {
    expect(cli("plugin", "info", "nope")).toMatchObject({ code: 2, err: expect.stringMatching(/Unknown plugin "nope"\. Installed: .*\bhello\b/) });
    expect(cli("plugin", "enable", "hello", "--org", "no-such-org")).toMatchObject({ code: 2, err: expect.stringContaining('Unknown organization "no-such-org"') });
    expect(cli("plugin", "enable", "hello")).toMatchObject({ code: 2, err: expect.stringContaining("--org") });
    expect(cli("plugin", "frobnicate")).toMatchObject({ code: 2, err: expect.stringContaining('Unknown command "frobnicate"') });
  });
});

import { describe, expect, it } from "vitest";
import { matchPath } from "@/core/plugins/routing";

describe("plugin route matching", () => {
  const routes = [{ path: "" }, { path: "things" }, { path: "things/:id" }, { path: "things/new" }, { path: "things/:id/notes/:noteId" }];
  it("matches the root, static paths, parameters, and prefers static segments", () => {
    expect(matchPath(routes, [])?.route.path).toBe("");
    expect(matchPath(routes, ["things"])?.route.path).toBe("things");
    expect(matchPath(routes, ["things", "42"])).toEqual({ route: { path: "things/:id" }, params: { id: "42" } });
    expect(matchPath(routes, ["things", "new"])?.route.path).toBe("things/new");
    expect(matchPath(routes, ["things", "7", "notes", "9"])?.params).toEqual({ id: "7", noteId: "9" });
  });
  it("returns null when nothing matches", () => {
    expect(matchPath(routes, ["other"])).toBeNull();
    expect(matchPath(routes, ["things", "1", "2"])).toBeNull();
  });
});

describe("core page overrides", () => {
  const comp = async () => ({ default: () => null });
  const plugin = (id: string, priority?: number) => ({
    id, name: id, version: "1.0.0", description: "", author: "",
    overrides: [{ page: "patients.list" as const, priority, component: comp }],
  });
  it("picks the highest priority, then the plugin id that sorts first; none when nobody overrides", async () => {
    const { selectPageOverride } = await import("@/core/plugins/overrides");
    expect(selectPageOverride([plugin("zeta", 5), plugin("alpha", 1)], "patients.list")?.pluginId).toBe("zeta");
    expect(selectPageOverride([plugin("zeta"), plugin("alpha")], "patients.list")?.pluginId).toBe("alpha");
    expect(selectPageOverride([plugin("zeta")], "dashboard")).toBeNull();
  });
});

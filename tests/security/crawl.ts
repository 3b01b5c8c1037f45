// Every page a signed-in member can reach, found rather than listed: the dashboard's links lead to the
// rest (menus, tables, record pages of plugins too), and pages no link leads to come from the route
// tree (every page.tsx under app/ without a dynamic segment). One page per route shape: the first
// item, patient or run stands for all of them. Used by the CSP and the isolation specs.
import fs from "node:fs";
import path from "node:path";
import { expect, type Page, type Response } from "@playwright/test";

export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The app's page routes without a dynamic segment, from the route tree (every page.tsx under app/). */
export function staticRoutes(dir = "app", prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name === "page.tsx") out.push(prefix || "/");
    if (!entry.isDirectory() || entry.name.startsWith("_") || entry.name.startsWith("[") || entry.name === "api") continue;
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
    out.push(...staticRoutes(path.join(dir, entry.name), `${prefix}${segment}`));
  }
  return out;
}

/** Visits every page (HTML answers) reachable from the dashboard, calling `visit` on each; returns their paths. */
export async function crawl(page: Page, origin: string, visit: (path: string, res: Response) => Promise<void>, max = 120): Promise<string[]> {
  const queue = ["/", ...staticRoutes().filter((r) => r !== "/" && r !== "/login")];
  const shapes = new Set<string>(queue);
  const seen = new Set<string>();
  const visited: string[] = [];
  while (queue.length && visited.length < max) {
    const p = queue.shift()!;
    if (seen.has(p)) continue;
    seen.add(p);
    const res = await page.goto(p);
    expect(res, p).not.toBeNull();
    if (!res!.headers()["content-type"]?.includes("text/html")) continue;
    await visit(p, res!);
    visited.push(p);
    const links = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of links) {
      const u = new URL(href);
      if (u.origin !== origin || u.pathname.startsWith("/api/") || u.pathname === "/login") continue;
      const shape = u.pathname.replace(UUID, ":id");
      if (shapes.has(shape)) continue;
      shapes.add(shape);
      queue.push(`${u.pathname}${u.search}`);
    }
  }
  return visited;
}

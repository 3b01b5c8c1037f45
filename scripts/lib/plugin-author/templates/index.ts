// Every contribution's template, and what each one needs besides itself.
import type { Names } from "../names";
import { api } from "./api";
import { event } from "./event";
import { importTemplate } from "./import";
import { job } from "./job";
import { manifest } from "./manifest";
import { messages } from "./messages";
import { menu } from "./menu";
import { model } from "./model";
import { page } from "./page";
import { setting } from "./setting";
import { widget } from "./widget";
import { CONTRIBUTIONS, type Contribution, type PluginFile, type Template } from "./types";

export { CONTRIBUTIONS, type Contribution, type PluginFile } from "./types";

const TEMPLATES: Record<Contribution, Template> = { page, setting, model, api, job, widget, menu, event, import: importTemplate };

/** A menu entry links to the page; the API, the event, the job and the import work on the model's records. */
export const NEEDS: Partial<Record<Contribution, Contribution[]>> = { menu: ["page"], api: ["model"], event: ["model"], job: ["model"], import: ["model"] };

export const DEFAULT_CONTRIBUTIONS: Contribution[] = ["page", "menu", "setting"];

/** The chosen contributions plus what they need, in CONTRIBUTIONS order; unknown names throw with the list. */
export function resolveContributions(chosen: string[]): { contributions: Contribution[]; added: Array<{ added: Contribution; by: Contribution }> } {
  const unknown = chosen.filter((c) => !(CONTRIBUTIONS as readonly string[]).includes(c));
  if (unknown.length) throw new Error(`Unknown contribution${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}: choose from ${CONTRIBUTIONS.join(", ")}.`);
  const set = new Set(chosen as Contribution[]);
  const added: Array<{ added: Contribution; by: Contribution }> = [];
  for (const c of [...set]) for (const need of NEEDS[c] ?? []) if (!set.has(need)) {
    set.add(need);
    added.push({ added: need, by: c });
  }
  return { contributions: CONTRIBUTIONS.filter((c) => set.has(c)), added };
}

/** The plugin folder's files for these contributions (paths relative to plugins/<id>/). */
export function pluginFiles(n: Names, contributions: Contribution[]): PluginFile[] {
  const has = (c: Contribution) => contributions.includes(c);
  return [...manifest(n, has), ...messages(n, has), ...contributions.flatMap((c) => TEMPLATES[c](n, has))];
}

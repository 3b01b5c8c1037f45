import type { Names } from "../names";

export const CONTRIBUTIONS = ["page", "setting", "model", "api", "job", "widget", "menu", "event", "import"] as const;
export type Contribution = (typeof CONTRIBUTIONS)[number];

/** What the scaffold writes: a path under plugins/<id>/ and its text. */
export type PluginFile = { path: string; content: string };

/** A contribution's files, given the plugin's names and the full set of chosen contributions. */
export type Template = (n: Names, has: (c: Contribution) => boolean) => PluginFile[];

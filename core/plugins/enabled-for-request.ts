// The plugins enabled for an organization, loaded once per request: the layout's menus, the page's
// widgets and every permission check of one render share a single query.
import "server-only";
import { cache } from "react";
import { enabledPlugins } from "./enabled";
import type { PluginManifest } from "./types";

export const enabledPluginsForRequest: (organizationId: string) => Promise<PluginManifest[]> = cache((organizationId: string) =>
  enabledPlugins(organizationId),
);

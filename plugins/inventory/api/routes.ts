// Inventory's REST endpoints under /api/v1/inventory/...: items, stock and categories. Each route is
// declared with defineApiRoute, so its zod schemas both validate requests and document the route in
// /api/v1/openapi.json.
import type { ApiRoute } from "@/core/plugins/types";
import { categoryRoutes } from "./categories";
import { itemRoutes } from "./items";
import { reportRoutes } from "./reports";
import { stockRoutes } from "./stock";

export const inventoryApi: ApiRoute[] = [...itemRoutes, ...stockRoutes, ...categoryRoutes, ...reportRoutes];

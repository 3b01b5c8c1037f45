// Inventory's REST endpoints under /api/v1/inventory/... (filled in by the REST API work).
import type { ApiRoute } from "@/core/plugins/types";

export const inventoryApi: ApiRoute[] = [];

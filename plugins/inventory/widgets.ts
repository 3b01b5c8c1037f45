// Inventory's dashboard widgets.
import type { WidgetContribution } from "@/core/plugins/types";

export const inventoryWidgets: WidgetContribution[] = [];

// Inventory's permissions, as an `as const` map so keys are checked at compile time everywhere.
export const INVENTORY_PERMISSIONS = {
  view: "inventory.view_items",
  manage: "inventory.manage_items",
  delete: "inventory.delete_items",
  adjust: "inventory.adjust_stock",
  orders: "inventory.manage_purchase_orders",
  reports: "inventory.view_reports",
  sync: "inventory.sync_shopify",
} as const;

export type InventoryPermission = (typeof INVENTORY_PERMISSIONS)[keyof typeof INVENTORY_PERMISSIONS];

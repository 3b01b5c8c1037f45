// Inventory's UI text (core/i18n): English complete, Spanish typed complete against it, and the
// manifest's words (menu, page titles, permissions, groups) in Spanish for the sidebar, the <title> and
// the Members and Plugins pages.
import type { PluginCatalogues, Translation } from "@/core/i18n/catalogue";

const en = {
  pages: {
    inventory: "Inventory",
    itemsDescription: "Supplies and medications of {organization}: stock levels, reorder thresholds and prices.",
    categories: "Categories",
    categoriesDescription: "Group items by category; the item list filters by them. A category in use cannot be deleted.",
    noCategories: "No categories",
    noCategoriesManager: "Add the first one above.",
    noCategoriesOthers: "An inventory manager can add categories.",
    orders: "Purchase orders",
    ordersDescription: "Orders generated from items below their reorder threshold: edit quantities while a draft, mark as sent, then receive to add the stock.",
    newItem: "New item",
    editItem: "Edit item",
    itemDescription: "SKU {sku} · added {date}",
    itemDescriptionInCategory: "SKU {sku} · {category} · added {date}",
    reports: "Inventory reports",
    reportsDescription: "Stock value, low stock and stock movement for {organization}. Days are in {timezone}.",
    shopify: "Shopify sync",
    shopifyDescription: "Pushes the quantity of every item with a Shopify inventory item id and location id to your shop’s inventory levels.",
  },
};

const es = {
  pages: {
    inventory: "Inventario",
    itemsDescription: "Suministros y medicamentos de {organization}: existencias, umbrales de reposición y precios.",
    categories: "Categorías",
    categoriesDescription: "Agrupa los artículos por categoría; la lista de artículos se filtra por ellas. Una categoría en uso no se puede eliminar.",
    noCategories: "No hay categorías",
    noCategoriesManager: "Añade la primera arriba.",
    noCategoriesOthers: "Un gestor de inventario puede añadir categorías.",
    orders: "Pedidos de compra",
    ordersDescription: "Pedidos generados a partir de artículos por debajo de su umbral de reposición: edita las cantidades mientras es borrador, márcalo como enviado y recíbelo para sumar las existencias.",
    newItem: "Nuevo artículo",
    editItem: "Editar artículo",
    itemDescription: "SKU {sku} · añadido el {date}",
    itemDescriptionInCategory: "SKU {sku} · {category} · añadido el {date}",
    reports: "Informes de inventario",
    reportsDescription: "Valor de existencias, existencias bajas y movimientos de {organization}. Los días van en {timezone}.",
    shopify: "Sincronización con Shopify",
    shopifyDescription: "Envía la cantidad de cada artículo con un id de artículo de inventario y un id de ubicación de Shopify a los niveles de inventario de tu tienda.",
  },
} satisfies Translation<typeof en>;

export type InventoryMessages = typeof en;

export const messages: PluginCatalogues<InventoryMessages> = {
  en,
  es,
  labels: {
    es: {
      Inventory: "Inventario",
      "Stock of supplies and medications: items, adjustments, low-stock alerts, purchase orders, reports and Shopify sync.":
        "Existencias de suministros y medicamentos: artículos, ajustes, avisos de existencias bajas, pedidos de compra, informes y sincronización con Shopify.",
      Items: "Artículos",
      Item: "Artículo",
      "New item": "Nuevo artículo",
      "Edit item": "Editar artículo",
      "Purchase orders": "Pedidos de compra",
      "Purchase order": "Pedido de compra",
      Reports: "Informes",
      "Inventory reports": "Informes de inventario",
      Shopify: "Shopify",
      "Shopify sync": "Sincronización con Shopify",
      Categories: "Categorías",
      "View inventory": "Ver el inventario",
      "Create and edit items and categories": "Crear y editar artículos y categorías",
      "Delete items and categories": "Eliminar artículos y categorías",
      "Adjust stock": "Ajustar existencias",
      "Manage purchase orders": "Gestionar pedidos de compra",
      "View inventory reports": "Ver informes de inventario",
      "Run the Shopify sync": "Ejecutar la sincronización con Shopify",
      "Inventory reader": "Lector de inventario",
      "Inventory clerk": "Auxiliar de inventario",
      "Inventory staff": "Personal de inventario",
      "Inventory manager": "Gestor de inventario",
    },
  },
};

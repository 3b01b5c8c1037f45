// A member's language choice (the user menu's Language group): stored on their own user, refused with a
// reason for a language there is no catalogue for (nothing written), and what the sidebar, the plugin
// menus, the Members page's permission labels and plugin pages are written in on the next request.
import "@/app/_plugins/runtime";
import { describe, expect, it } from "vitest";
import { loadOrgContext } from "@/core/auth/context";
import { rootDb } from "@/core/db/client";
import { chooseLanguageAction } from "@/core/i18n/actions";
import { coreNavigation } from "@/core/navigation";
import { getMemberGrants } from "@/core/plugins/member-grants";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { menuLabels } from "@/tests/kit/menu";
import { renderPage } from "@/tests/kit/page";
import { bulkItemsAction } from "@/plugins/inventory/pages/list/actions";
import { withSession } from "@/tests/kit/session";

const storedLanguage = async (userId: string) => (await rootDb().user.findUniqueOrThrow({ where: { id: userId }, select: { language: true } })).language;

describe("a member's language", () => {
  it("a viewer chooses Spanish: the sidebar, the plugin menu and the plugin's pages are in Spanish on the next request", async () => {
    const org = await createTestOrganization("Lengua Clinic");
    await enablePluginFor(org, "inventory");
    const viewer = await org.as("viewer");
    expect(await withSession(viewer, () => chooseLanguageAction({ language: "es" }))).toMatchObject({ ok: true });
    expect(await storedLanguage(viewer.user.id)).toBe("es");

    const next = (await loadOrgContext(viewer.user.id, org.org.id))!;
    expect(coreNavigation(next).map((item) => item.label)).toEqual(["Panel", "Pacientes", "Citas", "Exportaciones"]);
    expect(await menuLabels(org, "viewer")).toEqual(["Inventario › Artículos", "Inventario › Categorías"]);
    const page = await renderPage(next, "/inventory/categories");
    expect(page.html).toContain(">Categorías</h1>");
    expect(page.html).toContain("Agrupa los artículos por categoría");
    // The other members of the organization still read English.
    expect(await menuLabels(org, "staff")).toContain("Inventory › Items");
  });

  it("null goes back to the organization's language; an unknown language is refused with nothing written", async () => {
    const org = await createTestOrganization("Idioma Clinic");
    await rootDb().organization.update({ where: { id: org.org.id }, data: { locale: "es-ES" } });
    const owner = await org.as("owner");
    await withSession(owner, () => chooseLanguageAction({ language: "en" }));
    expect(coreNavigation((await loadOrgContext(owner.user.id, org.org.id))!)[0]!.label).toBe("Dashboard");

    const refused = await withSession(owner, () => chooseLanguageAction({ language: "fr" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { language: "Choose one of: en, es" } });
    expect(await storedLanguage(owner.user.id)).toBe("en");

    expect(await withSession(owner, () => chooseLanguageAction({ language: null }))).toMatchObject({ ok: true });
    expect(await storedLanguage(owner.user.id)).toBeNull();
    // The organization's locale is es-ES: Spanish without a choice of their own.
    expect(coreNavigation((await loadOrgContext(owner.user.id, org.org.id))!)[0]!.label).toBe("Panel");
  });

  it("the inventory list and an item's page are in Spanish: columns, filters, status badges, forms and history", async () => {
    const org = await createTestOrganization("Existencias Clinic");
    await enablePluginFor(org, "inventory");
    const owner = await org.as("owner");
    await withSession(owner, () => chooseLanguageAction({ language: "es" }));
    const ctx = (await loadOrgContext(owner.user.id, org.org.id))!;
    const low = await rootDb().inventoryItem.create({ data: { organizationId: org.org.id, name: "Gasas", sku: "GAS-1", quantity: 3, reorderThreshold: 10 } });
    await rootDb().inventoryItem.create({ data: { organizationId: org.org.id, name: "Vendas", sku: "VEN-1", quantity: 50, reorderThreshold: 10, inStock: false } });

    const list = (await renderPage(ctx, "/inventory")).html;
    for (const text of ["Artículos del inventario", "Buscar por nombre o SKU", "Todas las categorías", "Cualquier existencia", ">Cantidad<", ">Última modificación<", "Bajo (3)", "Marcado como agotado", "Seleccionar Gasas", "Importar CSV", "> Exportar"]) {
      expect(list, text).toContain(text);
    }
    expect(list).not.toMatch(/Low \(3\)|Marked out of stock|Search name or SKU|>Quantity</);
    // The test kit reads a query string as the browser's address would: only the low item is listed.
    const lowOnly = (await renderPage(ctx, "/inventory?stock=low")).html;
    expect([lowOnly.includes("Gasas"), lowOnly.includes("Vendas")]).toEqual([true, false]);

    const item = (await renderPage(ctx, `/inventory/items/${low.id}`)).html;
    for (const text of [">Detalles<", "Umbral de reposición", "Historial de existencias", "30 días", ">Ajustar existencias<", "Un número positivo suma existencias", "Aún no hay ajustes", ">Editar<", "Bajo (3)", "Reponer en 10", "Sin cambios del", "Aún no estaba en el inventario", ">Cambio del día<", "Existencias de los últimos 30 días: cantidad al cierre de cada día"]) {
      expect(item, text).toContain(text);
    }
    expect(item).not.toMatch(/Reorder threshold|Stock history|No adjustments yet|>Adjust stock<|Reorder at|Closing quantity|Change that day/);

    const orders = (await renderPage(ctx, "/inventory/orders")).html;
    for (const text of ["Aún no hay pedidos de compra", "Todos los estados", "Ver artículos con existencias bajas"]) expect(orders, text).toContain(text);

    const reports = (await renderPage(ctx, "/inventory/reports")).html;
    for (const text of ["Valor de existencias por categoría", "Últimos 30 días", ">Aplicar<", "Descargar Artículos con más movimiento en CSV", "artículo está por debajo de su umbral de reposición.", "Cambio neto", "No hubo movimientos de existencias en este periodo."]) {
      expect(reports, text).toContain(text);
    }

    const shopify = (await renderPage(ctx, "/inventory/shopify")).html;
    for (const text of ["Introduce primero la URL de la tienda y el token de acceso", "Sincronizar ahora", "Aún no se ha hecho ninguna sincronización", "Sin fallos"]) expect(shopify, text).toContain(text);

    // A bulk action's answer (the toast) is Spanish too, singular and plural.
    const one = await withSession(owner, () => bulkItemsAction({ action: "mark_out_of_stock", selection: { mode: "ids", ids: [low.id] } }));
    expect(one).toMatchObject({ ok: true, message: "1 artículo marcado como agotado." });
    const again = await withSession(owner, () => bulkItemsAction({ action: "mark_out_of_stock", selection: { mode: "ids", ids: [low.id] } }));
    expect(again).toMatchObject({ ok: true, message: "Nada que cambiar: los artículos seleccionados ya están agotados." });
  });

  it("the Members page lists a plugin's groups and permissions in the reader's language", async () => {
    const org = await createTestOrganization("Permisos Clinic");
    await enablePluginFor(org, "inventory");
    const owner = await org.as("owner");
    const staff = await org.as("staff");
    await withSession(owner, () => chooseLanguageAction({ language: "es" }));
    const grants = await getMemberGrants((await loadOrgContext(owner.user.id, org.org.id))!, staff.user.id);
    const inventory = grants!.plugins.find((p) => p.pluginId === "inventory")!;
    expect(inventory.permissions.map((p) => p.label)).toContain("Ajustar existencias");
    expect(inventory.groups.map((g) => g.label)).toContain("Gestor de inventario");
  });
});

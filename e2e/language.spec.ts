// The admin in Spanish for a member who chooses it (issue 16.7): the user menu's Language group, then
// every page of the sidebar and of the user menu answers with <html lang="es">, a Spanish <h1> and a
// Spanish <title>; the sidebar (core's entries and the plugins') is Spanish; choosing English brings it
// all back. Before signing in, the login page follows the browser's language. A clinic of its own, so
// the demo members other specs sign in as keep English.
import { expect, test, type Page } from "@playwright/test";
import { createClinic, ensurePluginEnabled, query, signIn, unique } from "./helpers";

const u = unique("");
const ownerEmail = `lola.${u}@idioma.test`;

let clinic: Promise<string> | undefined;
test.beforeAll(async () => {
  clinic ??= createClinic({ name: `Clínica Idioma ${u}`, slug: `idioma-${u.toLowerCase()}`, timezone: "Europe/Madrid", currency: "EUR" }, [
    { email: ownerEmail, name: `Lola Owner ${u}`, role: "owner" },
  ]);
  await clinic;
});

// Every page a owner reaches from the sidebar and the user menu, with its Spanish heading.
const SPANISH_PAGES: ReadonlyArray<[path: string, heading: string]> = [
  ["/", "Panel"],
  ["/patients", "Pacientes"],
  ["/patients/new", "Nuevo paciente"],
  ["/appointments", "Citas"],
  ["/appointments/new", "Nueva cita"],
  ["/imports", "Importaciones"],
  ["/exports", "Exportaciones"],
  ["/inventory", "Inventario"],
  ["/inventory/items/new", "Nuevo artículo"],
  ["/inventory/categories", "Categorías"],
  ["/inventory/orders", "Pedidos de compra"],
  ["/inventory/reports", "Informes de inventario"],
  ["/inventory/shopify", "Sincronización con Shopify"],
  ["/hello", "Saludos"],
  ["/audit", "Registro de auditoría"],
  ["/settings/members", "Miembros"],
  ["/plugins", "Complementos"],
  ["/jobs", "Tareas"],
  ["/outbox", "Bandeja de salida"],
  ["/settings/organization", "Configuración de la organización"],
  ["/settings/api-tokens", "Tokens de API"],
  ["/settings/api-docs", "API REST"],
];

async function chooseLanguage(page: Page, name: string) {
  await page.getByRole("button", { name: new RegExp(`Lola Owner ${u}`) }).click();
  await page.getByRole("menuitemradio", { name, exact: true }).click();
}

test("an owner switches the admin to Spanish: every page, the sidebar and the titles; English brings it back", async ({ page }) => {
  test.setTimeout(240_000);
  // A retry starts from no choice again (the first try may have left Spanish chosen).
  await query(`UPDATE users SET language = NULL WHERE email = $1`, [ownerEmail]);
  await signIn(page, ownerEmail);
  for (const plugin of ["Inventory", "Hello", "Audit log"]) await ensurePluginEnabled(page, plugin);
  await page.goto("/");

  await chooseLanguage(page, "Español");
  await expect(page.getByRole("heading", { name: "Panel", level: 1 })).toBeVisible();
  expect((await query<{ language: string }>(`SELECT language FROM users WHERE email = $1`, [ownerEmail]))[0]!.language).toBe("es");

  const sidebar = page.getByRole("navigation", { name: "Principal" }).first();
  for (const link of ["Pacientes", "Citas", "Importaciones", "Exportaciones", "Registro de auditoría", "Miembros", "Complementos", "Tareas", "Bandeja de salida", "Configuración"]) {
    await expect(sidebar.getByRole("link", { name: link, exact: true }), link).toBeVisible();
  }
  // The plugins' submenus, opened: their entries come from each plugin's labels table.
  await sidebar.getByRole("button", { name: "Inventario" }).click();
  for (const link of ["Artículos", "Pedidos de compra", "Informes", "Shopify", "Categorías"]) {
    // "Artículos" carries the low-stock badge, read out as ", 2 elementos".
    await expect(sidebar.getByRole("link", { name: new RegExp(`^${link}( , \\d+ elementos?)?$`) }), link).toBeVisible();
  }
  await sidebar.getByRole("button", { name: "Hello" }).click();
  await expect(sidebar.getByRole("link", { name: /^Saludos( , \d+ elementos?)?$/ })).toBeVisible();

  for (const [path, heading] of SPANISH_PAGES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
    await expect(page.locator("html"), path).toHaveAttribute("lang", "es");
    await expect(page, path).toHaveTitle(`${heading} · Ritiko`);
  }
  // A list's columns, filter, search and pager speak Spanish too.
  await page.goto("/patients");
  await expect(page.getByRole("columnheader", { name: "Fecha de nacimiento" })).toBeVisible();
  await expect(page.getByLabel("Visitas")).toContainText("Todos los pacientes");
  await expect(page.getByRole("searchbox")).toHaveAttribute("placeholder", "Buscar por nombre, n.º de historia o correo");
  await expect(page.getByLabel("Filas por página")).toBeVisible();
  await page.goto("/appointments");
  await expect(page.getByRole("columnheader", { name: "Cuándo" })).toBeVisible();
  await expect(page.getByLabel("Estado")).toContainText("Todos los estados");
  await expect(page.getByLabel("Desde")).toBeVisible();
  // The Plugins page: the plugins' own descriptions and their state.
  await page.goto("/plugins");
  await expect(page.getByText(/^Existencias de suministros y medicamentos/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /^Inventory/ }) }).getByText("Activado", { exact: true })).toBeVisible();
  // The inventory list after hydration: columns, filters and badges, a row ticked, a bulk action and
  // its toast, all Spanish (the words the browser's bundle brings, not only the server's HTML).
  const orgId = await clinic!;
  await query(`DELETE FROM inventory_items WHERE "organizationId" = $1 AND sku = 'GAS-ES'`, [orgId]);
  await query(`INSERT INTO inventory_items (id, "organizationId", name, sku, quantity, "reorderThreshold", "updatedAt") VALUES (gen_random_uuid(), $1, 'Gasas estériles', 'GAS-ES', 3, 10, now())`, [orgId]);
  await page.goto("/inventory?q=GAS-ES");
  await expect(page.getByRole("columnheader", { name: "Cantidad" })).toBeVisible();
  await expect(page.getByLabel("Existencias")).toContainText("Cualquier existencia");
  const row = page.getByRole("row", { name: /Gasas estériles/ });
  await expect(row.getByText("Bajo (3)")).toBeVisible();
  await expect(async () => {
    await row.getByRole("checkbox", { name: "Seleccionar Gasas estériles" }).check();
    await expect(page.getByText("Seleccionados: 1 artículo.")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("button", { name: "Marcar como agotado" }).click();
  await expect(page.getByText("1 artículo marcado como agotado.")).toBeVisible();
  await expect(row.getByText("Marcado como agotado")).toBeVisible();
  // The Outbox list, the API tokens page and the list toolbar's Export menu.
  await page.goto("/outbox");
  await expect(page.getByLabel("Estado")).toContainText("Todos los estados");
  await expect(page.getByRole("searchbox")).toHaveAttribute("placeholder", "Buscar por destinatario o asunto");
  await page.goto("/jobs");
  await expect(page.getByLabel("Función")).toContainText("Todas las funciones");
  await expect(page.getByRole("columnheader", { name: "Intentos" })).toBeVisible();
  await page.goto("/settings/api-tokens");
  await expect(page.getByRole("heading", { name: "Tus tokens" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Crear token" })).toBeVisible();
  await expect(page.getByLabel("Caduca")).toContainText("En 90 días");
  await page.goto("/inventory");
  await expect(async () => {
    await page.getByRole("button", { name: "Exportar" }).click();
    await expect(page.getByRole("menuitem", { name: "Todas las filas" })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.keyboard.press("Escape");
  // An import from the upload to Undo: the screens' words, the resource's and its fields' names.
  await query(`DELETE FROM inventory_items WHERE "organizationId" = $1 AND sku = 'VEN-ES'`, [orgId]);
  await page.goto("/imports/new?resource=inventory.items");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importar artículos de inventario");
  await expect(page.getByText("Suelta aquí un archivo CSV de artículos de inventario")).toBeVisible();
  await page.getByLabel("Archivo CSV").setInputFiles({ name: "vendas.csv", mimeType: "text/csv", buffer: Buffer.from("SKU,Name,Quantity\nVEN-ES,Vendas,4\nVEN-ES2,Vendas rotas,1.000\n") });
  await page.waitForURL(/\/imports\/[0-9a-f-]{36}/);
  await expect(page.getByText("Cómo se leyó el archivo")).toBeVisible();
  await expect(page.getByLabel("Separador")).toContainText("Coma ( , )");
  const mapping = page.getByRole("table", { name: "Asignación de columnas" });
  await expect(mapping.getByRole("columnheader", { name: "Importar en" })).toBeVisible();
  await expect(mapping.getByLabel("Name", { exact: true })).toHaveValue("name");
  await expect(mapping.getByLabel("Name", { exact: true }).locator("option:checked")).toHaveText("Nombre (obligatorio)");
  await expect(page.getByText("Crear las categorías que falten")).toBeVisible();
  await expect(async () => {
    await page.getByRole("button", { name: "Vista previa", exact: true }).click();
    await expect(page.getByRole("button", { name: "Importar 1 fila" })).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByLabel("Recuento de la vista previa")).toContainText("Crear");
  await expect(page.getByText(/^No está en este archivo: Categoría, Unidad/)).toBeVisible();
  // The rejected row's reason, which the row schema words in English (as the errors CSV and the API keep it).
  await expect(page.getByRole("table", { name: "Filas rechazadas" }).getByRole("row", { name: /^2 Quantity/ })).toContainText(
    "«1.000» no es un número entero (sin punto decimal ni separador de miles): escribe solo dígitos, como 12",
  );
  await page.getByRole("button", { name: "Importar 1 fila" }).click();
  await expect(page.getByText("Importación completada")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel("Recuento de la importación")).toContainText("Creados");
  await expect(page.getByRole("button", { name: "Deshacer esta importación" })).toBeVisible();
  await page.goto("/imports");
  const imported = page.getByRole("row", { name: /vendas\.csv/ });
  await expect(imported.getByText("Completada")).toBeVisible();
  await expect(imported.getByText("Artículos de inventario")).toBeVisible();
  // The import's runs on the Jobs page, and one run's page.
  await page.goto("/jobs");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByLabel("Datos del evento")).toBeVisible();
  await expect(page.getByText("Pasos", { exact: true })).toBeVisible();
  await expect(page.getByText("Trabajó en", { exact: true })).toBeVisible();
  // What it worked on: the import, named in Spanish (the plugin or core gives it in English).
  await expect(page.getByRole("link", { name: /la importación [0-9a-f]{8}$/ })).toBeVisible();
  // Members and a member's permissions.
  await page.goto("/settings/members");
  await expect(page.getByRole("columnheader", { name: "Miembro desde" })).toBeVisible();
  await page.getByRole("link", { name: `Ver de Lola Owner ${u}` }).click();
  await expect(page.getByText(`Lola Owner ${u} tiene todos los permisos.`)).toBeVisible();
  // The organization's settings form.
  await page.goto("/settings/organization");
  await expect(page.getByLabel("Zona horaria")).toBeVisible();
  await expect(page.getByRole("button", { name: "Guardar la configuración" })).toBeVisible();
  // A form's messages: the browser's own check against the schema (English in the code) and the
  // server action's answer, both in Spanish.
  await page.goto("/patients/new");
  await expect(async () => {
    await page.getByRole("button", { name: "Crear paciente" }).click();
    await expect(page.getByText("El nombre es obligatorio")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText("Introduce una fecha válida (AAAA-MM-DD)")).toBeVisible();
  // By role: a required field's label text ends in its "*" mark, its accessible name does not.
  await page.getByRole("textbox", { name: "Nombre", exact: true }).fill("Ana");
  await page.getByRole("textbox", { name: "Apellidos", exact: true }).fill(`López ${u}`);
  await page.getByRole("textbox", { name: "Fecha de nacimiento", exact: true }).fill("1990-02-03");
  await page.getByRole("textbox", { name: "Número de historia clínica", exact: true }).fill(`ES-${u}`);
  await page.getByRole("button", { name: "Crear paciente" }).click();
  await expect(page.getByText(`Paciente Ana López ${u} creado.`)).toBeVisible();

  await page.goto("/settings/organization");
  await expect(page.getByRole("heading", { name: "Configuración de la organización", level: 1 })).toBeVisible();
  await chooseLanguage(page, "English");
  await expect(page.getByRole("heading", { name: "Organization settings", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Time zone")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect((await query<{ language: string }>(`SELECT language FROM users WHERE email = $1`, [ownerEmail]))[0]!.language).toBe("en");
});

test.describe("a browser that prefers Spanish", () => {
  test.use({ locale: "es-ES" });

  test("gets the login page in Spanish, errors included", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Inicia sesión en tu cuenta" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await expect(page.getByText("Escribe tu dirección de correo.")).toBeVisible();
    await page.getByLabel("Correo electrónico", { exact: true }).fill(ownerEmail);
    await page.getByLabel("Contraseña", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Iniciar sesión" }).click();
    await expect(page.getByText("Correo o contraseña incorrectos.")).toBeVisible();
  });
});

// Server and validation messages in the member's language (core/i18n/texts): a Spanish-speaking member
// gets a form's summary, its field messages and the success toast in Spanish from the real server
// action; an English one gets the code's English; the REST API is not involved. And no translation is
// dead: every English text translated here still occurs in the code that says it.
import "@/app/_plugins/runtime";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { rootDb } from "@/core/db/client";
import { pluginMessages } from "@/core/i18n/registry";
import { TEXTS_ES } from "@/core/i18n/texts/es";
import { textsFor } from "@/core/i18n/texts/for-language";
import { translateText } from "@/core/i18n/texts/translate";
import { createPatientAction } from "@/core/patients/actions";
import { createTestOrganization, enablePluginFor } from "@/core/testing/plugin-test-kit";
import { adjustStockAction, createItemAction } from "@/plugins/inventory/pages/items/item-actions";
import { withSession } from "@/tests/kit/session";
import { detectCsv } from "@/core/imports/csv/detect";
import { parseAll, utf8 } from "@/tests/imports/csv-helpers";
import { parseFieldInput } from "@/core/plugins/settings/parse-field";
import { categoryIdOf } from "@/plugins/inventory/imports/category-names";
import { itemImportRow } from "@/plugins/inventory/imports/row-schema";
import { shopifyClient } from "@/plugins/inventory/shopify/client";
import { shopifyUrlProblem } from "@/plugins/inventory/settings";

/** Every .ts/.tsx file under `dir`, as one text (catalogues excluded: they are where the translations live). */
function sourceOf(dir: string): string {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || /messages\.ts$|texts\/es\.ts$|\.test\.tsx?$|\/tests\//.test(file)) continue;
    out.push(fs.readFileSync(file, "utf8"));
  }
  return out.join("\n");
}

describe("server messages in the member's language", () => {
  it("a Spanish-speaking member's refused and accepted patient: summary, field messages and toast in Spanish; English for others", async () => {
    const org = await createTestOrganization("Textos Clinic");
    await rootDb().user.update({ where: { id: org.members.owner.id }, data: { language: "es" } });
    const owner = await org.as("owner");

    const refused = await withSession(owner, () => createPatientAction({ firstName: "", lastName: "López", dateOfBirth: "1990-02-30", medicalRecordNumber: "MRN 1" }));
    expect(refused).toEqual({
      ok: false,
      error: "Corrige los campos marcados.",
      fieldErrors: { firstName: "El nombre es obligatorio", dateOfBirth: "Introduce una fecha válida (AAAA-MM-DD)", medicalRecordNumber: "Usa solo letras, dígitos y guiones" },
    });
    const created = await withSession(owner, () => createPatientAction({ firstName: "Ana", lastName: "López", dateOfBirth: "1990-02-03", medicalRecordNumber: "MRN-1" }));
    expect(created).toMatchObject({ ok: true, message: "Paciente Ana López creado." });
    // The same medical record number again: refused by the database's unique index, said in Spanish.
    const duplicate = await withSession(owner, () => createPatientAction({ firstName: "Eva", lastName: "Ruiz", dateOfBirth: "1985-01-01", medicalRecordNumber: "MRN-1" }));
    expect(duplicate).toEqual({ ok: false, error: "Corrige los campos marcados.", fieldErrors: { medicalRecordNumber: "Otro paciente de esta organización ya tiene este número de historia clínica" } });
    expect(await rootDb().patient.count({ where: { organizationId: org.org.id } })).toBe(1);

    // A plugin's action: Inventory's item form and stock adjustment, refused and done.
    await enablePluginFor(org, "inventory");
    const item = await withSession(owner, () => createItemAction({ name: "Gasas", sku: "GAS-1", categoryId: "", quantity: "0", unit: "box", price: "1.50", reorderThreshold: "5", inStock: true, expiresOn: "", shopifyInventoryItemId: "", shopifyLocationId: "" }));
    expect(item).toMatchObject({ ok: true, message: "Artículo «Gasas» creado." });
    const id = (item as { data: { id: string } }).data.id;
    expect(await withSession(owner, () => adjustStockAction(id, { amount: "0", reason: "" }))).toMatchObject({ ok: false, fieldErrors: { amount: "Introduce un cambio distinto de cero" } });
    expect(await withSession(owner, () => adjustStockAction(id, { amount: "3", reason: "" }))).toMatchObject({ ok: true, message: "Se añadieron 3: 0 → 3." });

    const staff = await org.as("staff");
    const english = await withSession(staff, () => createPatientAction({ firstName: "", lastName: "Ruiz", dateOfBirth: "1985-01-01", medicalRecordNumber: "MRN-2" }));
    expect(english).toMatchObject({ ok: false, error: "Please correct the highlighted fields.", fieldErrors: { firstName: "First name is required" } });
  });

  it("translates by whole message or pattern and leaves any other text as written", () => {
    const es = textsFor("es");
    expect(textsFor("en")).toBeNull();
    expect(translateText(es, "Must be at most 40 characters")).toBe("Debe tener como máximo 40 caracteres");
    expect(translateText(es, "Token “deploy script” created.")).toBe("Token «deploy script» creado.");
    // A plugin's texts (plugins/inventory/messages.ts) are merged in.
    expect(translateText(es, "Enter a SKU")).toBe("Introduce un SKU");
    // A plugin's patterns (messages with a value): the order's number, the quantities.
    expect(translateText(es, "Purchase order PO-0012 created with 1 line.")).toBe("Pedido de compra PO-0012 creado con 1 línea.");
    expect(translateText(es, "PO-0012 received: stock added for 3 items.")).toBe("PO-0012 recibido: existencias añadidas a 3 artículos.");
    expect(translateText(es, "Removed 13: 15 → 2.")).toBe("Se retiraron 13: 15 → 2.");
    // What a job run worked on, core's and a plugin's; a word that is not an id stays English.
    expect(translateText(es, "Commit of import 01a25202")).toBe("Escritura de la importación 01a25202");
    expect(translateText(es, "Nightly stock check of 2026-03-11")).toBe("Revisión nocturna de existencias del 2026-03-11");
    expect(translateText(es, "Export failed")).toBe("Export failed");
    expect(translateText(es, "Something nobody translated.")).toBe("Something nobody translated.");
    // Only whole messages: a translated message inside a longer one is left alone.
    expect(translateText(es, "Note: Nothing changed. Really.")).toBe("Note: Nothing changed. Really.");
  });

  it("an import's rejected rows, a refused upload, a settings field and a Shopify failure read in Spanish, as the code words them", async () => {
    const es = textsFor("es");
    // Each message comes from the code that says it, so a reworded message fails here, not silently in English.
    const rowIssues = (row: Record<string, string>) => (itemImportRow.safeParse({ sku: "GAS-1", name: "Gasas", ...row }).error?.issues ?? []).map((i) => translateText(es, i.message));
    expect(rowIssues({ quantity: "1.000" })).toEqual(["«1.000» no es un número entero (sin punto decimal ni separador de miles): escribe solo dígitos, como 12"]);
    expect(rowIssues({ quantity: "doce" })).toEqual(["«doce» no es un número entero: escribe solo dígitos, como 12"]);
    expect(rowIssues({ quantity: "99999999999" })).toEqual(["Más que el máximo permitido, 1,000,000,000"]);
    expect(rowIssues({ inStock: "quizá" })).toEqual(["«quizá» no es sí o no: usa yes/no, true/false, y/n o 1/0"]);
    expect(rowIssues({ expiresOn: "31/03/2027" })).toEqual(["Usa una fecha como 2027-03-31 (AAAA-MM-DD)"]);
    expect(rowIssues({ unit: "x".repeat(40) })).toEqual(["Como máximo 32 caracteres"]);
    const noCategory = categoryIdOf(new Map(), "Vendas", { row: 3 });
    expect(!noCategory.ok && translateText(es, noCategory.error.reason)).toBe("No hay ninguna categoría llamada «Vendas»: créala en la página Categorías, activa «Crear las categorías que falten» o deja la celda vacía");

    const refusal = (bytes: Uint8Array) => {
      try {
        detectCsv(bytes, { requireHeader: true });
        return null;
      } catch (err) {
        return translateText(es, (err as Error).message);
      }
    };
    expect(refusal(new Uint8Array(0))).toBe("El archivo está vacío (0 bytes)");
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe("Parece un archivo de Excel o ZIP (.xlsx, .zip, .ods), no un CSV: guárdalo como CSV (UTF-8) y súbelo de nuevo");
    expect(refusal(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("Parece una imagen JPEG, no un CSV: sube el propio archivo CSV");
    expect(refusal(new TextEncoder().encode("sku,name\nA,x\u0000y\nB,z\n"))).toBe(
      "Este no es un archivo de texto: contiene un byte NUL (en el byte 13), que un texto CSV nunca tiene. Puede estar dañado o en otro formato: guárdalo como CSV (UTF-8) y súbelo de nuevo",
    );

    // Rows the CSV reader could not read, and an all-or-nothing import that stopped.
    const unread = await parseAll(utf8('sku,name\n"GAS-1" x,Gasas\nVEN-1,"Vendas\n'), {}, 3);
    expect(unread.map((r) => r.error && translateText(es, r.error))).toEqual([
      "La columna 1 tiene texto tras sus comillas de cierre (línea 2): unas comillas dentro de una celda entre comillas deben ir dobles (\"\")",
      "Celda entre comillas sin cerrar: las comillas que abren la columna 2 en la línea 3 nunca se cierran",
    ]);
    expect(translateText(es, "All or nothing: 2 row(s) of rows 1-500 are invalid. The rows written before were rolled back: nothing was imported.")).toBe(
      "Todo o nada: 2 fila(s) de las filas 1-500 no son válidas. Las filas escritas antes se revirtieron: no se importó nada.",
    );

    const setting = (field: Parameters<typeof parseFieldInput>[0], raw: unknown) => {
      const r = parseFieldInput(field, raw);
      return r.ok ? null : translateText(es, r.message);
    };
    expect(setting({ type: "integer", default: 7, min: 1, max: 90, label: "Days" }, "0")).toBe("Debe ser como mínimo 1");
    expect(setting({ type: "decimal", default: "1.5", scale: 1, label: "Rate" }, "1.25")).toBe("Usa como máximo 1 decimal");
    expect(setting({ type: "text", default: "", format: "url", label: "Link" }, "http://x")).toBe("Introduce una URL https:// válida");

    expect(translateText(es, shopifyUrlProblem("http://clinic.myshopify.com")!)).toBe("La URL de la tienda debe empezar por https://");
    // Shopify's answers, through the real client (only its fetch is replaced, by a 404 as Shopify says it).
    const client = shopifyClient({ baseUrl: "https://shop.example", accessToken: "t", fetch: async () => new Response('{"errors":"Not Found"}', { status: 404 }) });
    const badId = await client.setInventoryLevel({ inventoryItemId: "abc", locationId: "1", available: 1 });
    expect(!badId.ok && translateText(es, badId.error)).toBe("«abc» no es un id de artículo de inventario de Shopify (un número).");
    const unknown = await client.setInventoryLevel({ inventoryItemId: "42", locationId: "7", available: 1 });
    expect(!unknown.ok && translateText(es, unknown.error)).toBe("Shopify no conoce el artículo de inventario 42 en la ubicación 7 (404: Not Found).");
  });

  it("every English text with a translation still occurs in the code that says it", () => {
    const core = sourceOf("core") + sourceOf("app");
    const missing = Object.keys(TEXTS_ES.exact).filter((text) => !core.includes(text));
    for (const [id, m] of Object.entries(pluginMessages())) {
      const own = sourceOf(path.join("plugins", id));
      for (const text of Object.keys(m.texts?.es ?? {})) if (!own.includes(text)) missing.push(`${id}: ${text}`);
    }
    expect(missing).toEqual([]);
  });
});

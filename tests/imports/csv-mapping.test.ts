import { describe, expect, it } from "vitest";
import { autoMap, headerSignature, mappingProblems, mappingToSaved, missingRequired, normalizeHeader } from "@/core/imports/csv/mapping";
import type { ImportField } from "@/core/imports/types";

const fields: ImportField[] = [
  { key: "sku", label: "SKU", required: true, aliases: ["Item code", "code", "артикул"] },
  { key: "name", label: "Name", required: true, aliases: ["Item name", "description"] },
  { key: "quantity", label: "Quantity", aliases: ["qty", "stock"] },
  { key: "price", label: "Unit price", aliases: ["price"] },
  { key: "expiresOn", label: "Expires on" },
];

describe("normalizeHeader", () => {
  it("lowercases, strips BOM/accents/punctuation, collapses spaces and underscores", () => {
    expect(normalizeHeader("\uFEFF  Item_Code ")).toBe("item code");
    expect(normalizeHeader("Qté.")).toBe("qte");
    expect(normalizeHeader("Unit-Price (€)")).toBe("unit price");
    expect(normalizeHeader("EXPIRES   ON")).toBe("expires on");
    expect(normalizeHeader("Артикул")).toBe("артикул");
    expect(normalizeHeader("名前")).toBe("名前");
  });
});

describe("autoMap", () => {
  it("maps by key, label and aliases, whatever the case/spacing/accents", () => {
    expect(autoMap(["Item Code", "DESCRIPTION", "Qty", "unit_price", "Expires On", "Notes"], fields)).toEqual({
      "0": "sku",
      "1": "name",
      "2": "quantity",
      "3": "price",
      "4": "expiresOn",
    });
    expect(autoMap(["expiresOn", "Артикул"], fields)).toEqual({ "0": "expiresOn", "1": "sku" });
  });

  it("never maps two columns to one field: the first wins", () => {
    expect(autoMap(["sku", "Item code", "name", "Name"], fields)).toEqual({ "0": "sku", "2": "name" });
  });

  it("prefers a saved mapping by header text, including columns the user left unmapped", () => {
    const saved = { Ref: "sku", Qty: "", Label: "name", Gone: "removedField" };
    expect(autoMap(["Label", "Qty", "Ref", "Gone"], fields, saved)).toEqual({ "0": "name", "2": "sku" });
  });

  it("saved entries still cannot map one field twice", () => {
    expect(autoMap(["sku", "Ref"], fields, { Ref: "sku" })).toEqual({ "0": "sku" });
  });
});

describe("headerSignature", () => {
  it("is stable across case/spacing, differs by order and content", () => {
    const a = headerSignature(["SKU", "Item name", "Qty"]);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(headerSignature([" sku", "item_name", "QTY "])).toBe(a);
    expect(headerSignature(["Item name", "SKU", "Qty"])).not.toBe(a);
    expect(headerSignature(["SKU", "Item name"])).not.toBe(a);
    expect(headerSignature(["SKU", "Item name", "Qty", ""])).not.toBe(a);
  });
});

describe("missingRequired / mappingProblems / mappingToSaved", () => {
  it("lists required fields no column maps to", () => {
    expect(missingRequired({ "0": "sku", "1": "quantity" }, fields).map((f) => f.key)).toEqual(["name"]);
    expect(missingRequired({ "0": "sku", "1": "name" }, fields)).toEqual([]);
  });

  it("rejects bad columns, unknown fields and fields mapped twice", () => {
    const headers = ["a", "b", "c"];
    expect(mappingProblems({ "0": "sku", "1": "name" }, headers, fields)).toEqual([]);
    expect(mappingProblems({ "0": "sku", "2": "sku", "5": "name", "1": "nope", x: "price" }, headers, fields)).toEqual([
      'Unknown field "nope" for column "b"',
      'Field "sku" is mapped to two columns: "a" and "c"',
      "Column 5 does not exist in the file",
      "Column x does not exist in the file",
    ]);
  });

  it("turns a mapping into a saved one that autoMap re-applies", () => {
    const headers = ["Ref", "Label", "Extra"];
    const saved = mappingToSaved(headers, { "0": "sku", "1": "name" });
    expect(saved).toEqual({ Ref: "sku", Label: "name", Extra: "" });
    expect(autoMap(["Extra", "Ref", "Label"], fields, saved)).toEqual({ "1": "sku", "2": "name" });
  });
});

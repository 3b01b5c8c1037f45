import { describe, expect, it } from "vitest";
import { z } from "zod";
import { requiredKeys, rowInput, validateRow } from "@/core/imports/csv/rows";
import type { CsvRecord } from "@/core/imports/csv/parse-stream";

const schema = z.object({
  sku: z.string().trim().min(1, "Enter a SKU"),
  name: z.string().trim().min(1, "Enter a name").max(5, "At most 5 characters"),
  quantity: z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : Number(v)))
    .pipe(z.number().int("Whole numbers only").min(0, "Cannot be negative").optional()),
});
const headers = ["Item Code", "Label", "Qty", "Notes"];
const mapping = { "0": "sku", "1": "name", "2": "quantity" };
const required = requiredKeys([{ key: "sku", required: true }, { key: "name", required: true }, { key: "quantity" }]);
const rec = (cells: string[], extra: Partial<CsvRecord> = {}): CsvRecord => ({ row: 7, line: 9, cells, ...extra });

describe("rowInput", () => {
  it("takes the mapped cells only, nothing trimmed; a blank optional cell is left out like an unmapped column, a blank required one kept", () => {
    expect(rowInput([" A ", "x"], mapping, required)).toEqual({ sku: " A ", name: "x" });
    expect(rowInput(["A", "x", "  "], mapping, required)).toEqual({ sku: "A", name: "x" });
    expect(rowInput(["A", "x", " 0 "], mapping, required)).toEqual({ sku: "A", name: "x", quantity: " 0 " });
    expect(rowInput(["", " "], mapping, required)).toEqual({ sku: "", name: " " });
  });
});

describe("validateRow", () => {
  it("returns the schema's output for a valid row", () => {
    const r = rec([" A1 ", "Pen", "3", "whatever"]);
    expect(validateRow(schema, rowInput(r.cells, mapping, required), r, headers, mapping)).toEqual({ ok: true, data: { sku: "A1", name: "Pen", quantity: 3 } });
  });

  it("maps each zod issue to its field and the header of that field's column, with the schema's message", () => {
    const r = rec(["", "Too long", "-2", ""]);
    const res = validateRow(schema, rowInput(r.cells, mapping, required), r, headers, mapping);
    expect(res).toEqual({
      ok: false,
      errors: [
        { row: 7, line: 9, field: "sku", column: "Item Code", reason: "Enter a SKU" },
        { row: 7, line: 9, field: "name", column: "Label", reason: "At most 5 characters" },
        { row: 7, line: 9, field: "quantity", column: "Qty", reason: "Cannot be negative" },
      ],
    });
  });

  it("reports ragged rows instead of validating misaligned cells; trailing empty cells are tolerated", () => {
    const few = rec(["A", "x"]);
    expect(validateRow(schema, rowInput(few.cells, mapping, required), few, headers, mapping)).toEqual({
      ok: false,
      errors: [{ row: 7, line: 9, reason: "row has 2 cells, the header has 4" }],
    });
    const many = rec(["A", "x", "1", "n", "oops"]);
    expect(validateRow(schema, rowInput(many.cells, mapping, required), many, headers, mapping)).toMatchObject({
      ok: false,
      errors: [{ reason: "row has 5 cells, the header has 4" }],
    });
    const trailing = rec(["A", "x", "1", "n", "", " "]);
    expect(validateRow(schema, rowInput(trailing.cells, mapping, required), trailing, headers, mapping).ok).toBe(true);
  });

  it("reports the record's own parse error first", () => {
    const r = rec(["A", "x", "1", "n"], { error: "Unterminated quoted cell" });
    expect(validateRow(schema, rowInput(r.cells, mapping, required), r, headers, mapping)).toEqual({
      ok: false,
      errors: [{ row: 7, line: 9, reason: "Unterminated quoted cell" }],
    });
  });

  it("takes the resource's fast path when it is sure, the schema (and its message) when it is not, and checks the record first", () => {
    // A fast path that takes only SKUs starting with "Q" (and marks what it made, to see who answered).
    const quick = (input: Record<string, string>) => (input.sku?.startsWith("Q") ? { sku: input.sku, name: "from quick", quantity: undefined } : undefined);
    const taken = rec(["Q1", "x", "", ""]);
    expect(validateRow(schema, rowInput(taken.cells, mapping, required), taken, headers, mapping, quick)).toEqual({ ok: true, data: { sku: "Q1", name: "from quick", quantity: undefined } });
    const declined = rec(["A1", "toolong", "1", ""]);
    expect(validateRow(schema, rowInput(declined.cells, mapping, required), declined, headers, mapping, quick)).toMatchObject({
      ok: false,
      errors: [{ field: "name", reason: "At most 5 characters" }],
    });
    // A ragged row or the record's own error never reaches it.
    const ragged = rec(["Q1", "x"]);
    expect(validateRow(schema, rowInput(ragged.cells, mapping, required), ragged, headers, mapping, quick)).toMatchObject({ ok: false, errors: [{ reason: "row has 2 cells, the header has 4" }] });
    const broken = rec(["Q1", "x", "1", "n"], { error: "Unterminated quoted cell" });
    expect(validateRow(schema, rowInput(broken.cells, mapping, required), broken, headers, mapping, quick)).toMatchObject({ ok: false, errors: [{ reason: "Unterminated quoted cell" }] });
  });

  it("object-level issues have no field", () => {
    const s = z.object({ sku: z.string() }).refine((v) => v.sku !== "X", "X is reserved");
    const r = rec(["X", "a", "1", "n"]);
    expect(validateRow(s, rowInput(r.cells, mapping, required), r, headers, mapping)).toEqual({ ok: false, errors: [{ row: 7, line: 9, reason: "X is reserved" }] });
  });
});

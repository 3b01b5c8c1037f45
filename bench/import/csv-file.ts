// The benchmark's inventory CSV, streamed to disk (never the whole file in memory): the same nine
// columns and values as bench/import/run.ts's file ("new"), or the same SKUs with another quantity
// and price on every row ("changed": quantity + 1000, price + 1.50), so that an import of it over
// the "new" rows updates every item.
import fs from "node:fs";

export type CsvVariant = "new" | "changed";

const NAMES = ["Nitrile gloves", "Gauze swabs", "Syringe 5 ml", "Alcohol pads", "Bandages", "Saline 500 ml", "Paracetamol 500 mg", "Ibuprofen", "Face masks", "Cotton rolls"];
const UNITS = ["each", "box", "pack", "ml", "bottle"];
export const CSV_HEADER = "SKU,Name,Category,Quantity,Unit,Price,Reorder threshold,In stock,Expires on";

/** Writes `rows` items; returns the file's size and the sum of its quantities (to check the import against). */
export async function writeItemsCsv(file: string, rows: number, categories: readonly string[], variant: CsvVariant): Promise<{ bytes: number; quantitySum: number }> {
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  const changed = variant === "changed";
  let quantitySum = 0;
  await write(`${CSV_HEADER}\r\n`);
  let buf = "";
  for (let i = 1; i <= rows; i++) {
    const sku = `BI-${String(i).padStart(8, "0")}`;
    const name = `${NAMES[i % NAMES.length]} #${i}`;
    const cat = i % 5 === 0 ? "" : categories[i % categories.length]!;
    const expires = i % 3 === 0 ? `2027-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}` : "";
    const quantity = ((i * 7919) % 500) + (changed ? 1000 : 0);
    const priceCents = ((i * 31) % 10000) + (changed ? 150 : 0);
    quantitySum += quantity;
    buf += `${sku},${name},${cat},${quantity},${UNITS[i % UNITS.length]},${priceCents / 100},${10 + (i % 40)},${i % 17 === 0 ? "no" : "yes"},${expires}\r\n`;
    if (buf.length > 1 << 16) {
      await write(buf);
      buf = "";
    }
  }
  await write(buf);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return { bytes: fs.statSync(file).size, quantitySum };
}

// Inventory items as SQL expressions, for statements that turn whole batches of rows into event
// records and journal stamps inside PostgreSQL (staged.ts, undo.ts) instead of row by row in the app.

/**
 * The item at `alias` as its event record (events.ts itemRecordSchema, records.ts itemRecord): price
 * as a decimal string with two places, expiry as a calendar date, timestamps as ISO strings in UTC
 * with milliseconds, keys in the same order — the same JSON itemRecord() gives in JavaScript (json, not
 * jsonb, which would reorder the keys and with them the `changes` list of the events).
 */
export function itemRecordJsonSql(alias: string): string {
  const a = (c: string) => `${alias}."${c}"`;
  const iso = (c: string) => `to_char(${a(c)} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return `json_build_object('id', ${a("id")}, 'organizationId', ${a("organizationId")}, 'categoryId', ${a("categoryId")}, 'name', ${a("name")},
    'sku', ${a("sku")}, 'quantity', ${a("quantity")}, 'unit', ${a("unit")}, 'price', to_char(${a("price")}, 'FM9999999999990.00'),
    'reorderThreshold', ${a("reorderThreshold")}, 'inStock', ${a("inStock")}, 'expiresOn', to_char(${a("expiresOn")}, 'YYYY-MM-DD'),
    'shopifyInventoryItemId', ${a("shopifyInventoryItemId")}, 'shopifyLocationId', ${a("shopifyLocationId")}, 'createdAt', ${iso("createdAt")}, 'updatedAt', ${iso("updatedAt")})`;
}

/**
 * A fingerprint of the item's VALUES (not its timestamps), computed by PostgreSQL: the undo journal's
 * `after.fp2` stamp, compared by undo with the same expression over the item as it is then (see
 * fingerprint.ts for why values and not updatedAt). Both sides are this expression over the same
 * column types, so the text it hashes needs no canonical form beyond being deterministic.
 */
export function itemFingerprintSql(alias: string): string {
  const cols = ["id", "organizationId", "categoryId", "name", "sku", "quantity", "unit", "price", "reorderThreshold", "inStock", "expiresOn", "shopifyInventoryItemId", "shopifyLocationId"];
  return `encode(sha256(convert_to(json_build_array(${cols.map((c) => `${alias}."${c}"`).join(", ")})::text, 'UTF8')), 'hex')`;
}

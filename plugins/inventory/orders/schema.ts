// Purchase orders at the edge: statuses, the line-quantity edit (validated with zod, errors per line)
// and the bounds that keep an order's amounts inside their NUMERIC columns.
import { z } from "zod";
import { wholeNumberInput } from "@/core/validation/whole-number";
import { MAX_QUANTITY } from "../items/schema";

export const ORDER_STATUSES = ["draft", "sent", "received"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = { draft: "Draft", sent: "Sent", received: "Received" };

/** Most lines one generated order holds: an order is a document people read and send, not an export. */
export const MAX_ORDER_LINES = 1_000;
/** Largest amount inventory_purchase_orders.total / lines.lineTotal (NUMERIC(14,2)) can hold, in cents. */
export const MAX_AMOUNT_CENTS = 99_999_999_999_999n;

export const UNASSIGNED_SUPPLIER = "Unassigned supplier";

export function orderLabel(number: number): string {
  return `PO-${String(number).padStart(4, "0")}`;
}

export const lineQuantitiesInput = z.object({
  orderId: z.uuid("Unknown purchase order"),
  lines: z
    .array(
      z.object({
        lineId: z.uuid("Unknown line"),
        // Digits only: z.coerce would read "0x10" as 16 and "1e3" as 1000.
        quantity: wholeNumberInput().pipe(z.number().int().min(1, "At least 1").max(MAX_QUANTITY, "Too large")),
      }),
    )
    .min(1, "Nothing to save")
    .max(MAX_ORDER_LINES, `At most ${MAX_ORDER_LINES} lines`),
});
export type LineQuantitiesInput = z.input<typeof lineQuantitiesInput>;

/** "12.50" -> 1250n: exact cents of a NUMERIC(…, 2) decimal string. */
export function toCents(decimal: string): bigint {
  const [whole, frac = ""] = decimal.split(".");
  const negative = whole!.startsWith("-");
  const cents = BigInt(whole!.replace("-", "") || "0") * 100n + BigInt((frac + "00").slice(0, 2));
  return negative ? -cents : cents;
}

export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** The supplier of one order, as the order page's form and the API send it. An empty e-mail clears it. */
export const supplierInput = z.object({
  orderId: z.uuid("Unknown purchase order"),
  supplier: z.string().trim().min(1, "Name the supplier").max(200, "At most 200 characters"),
  supplierEmail: z
    .string()
    .trim()
    .pipe(z.union([z.literal(""), z.email("Not an e-mail address").max(254, "At most 254 characters")]))
    .transform((v) => v || null),
});
export type SupplierInput = z.input<typeof supplierInput>;

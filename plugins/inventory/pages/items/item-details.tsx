// The details card of the item page.
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { OrgFormat } from "@/core/format/org-format";
import { Currency } from "../../components/currency";
import type { ItemDetail } from "./item-reads";
import { LiveQuantity } from "./live-quantity";
import { formatQuantity } from "../../components/quantity";


export function ItemDetails({ item, fmt, today }: { item: ItemDetail; fmt: OrgFormat; today: string }) {
  const expired = item.expiresOn !== null && item.expiresOn < today;
  const rows: [string, ReactNode][] = [
    ["SKU", <code key="sku" className="font-mono">{item.sku}</code>],
    ["Category", item.categoryId ? <Link key="c" href={`/inventory?category=${item.categoryId}`} className="hover:underline">{item.categoryName}</Link> : "No category"],
    [
      "Quantity",
      <span key="q" className="inline-flex flex-wrap items-center gap-2">
        <LiveQuantity quantity={item.quantity} unit={item.unit} threshold={item.reorderThreshold} inStock={item.inStock} />
      </span>,
    ],
    ["Reorder threshold", formatQuantity(item.reorderThreshold, item.unit, { locale: fmt.locale })],
    ["Price", <Currency key="p" amount={item.price} currency={fmt.currency} locale={fmt.locale} />],
    [
      "Expiry date",
      item.expiresOn ? (
        <span key="e" className="inline-flex items-center gap-2">
          {fmt.day(item.expiresOn)}
          {expired ? <Badge variant="danger">Expired</Badge> : null}
        </span>
      ) : (
        "—"
      ),
    ],
    [
      "Shopify",
      item.shopifyInventoryItemId ? (
        <span key="s" className="grid gap-0.5">
          <span>{`Inventory item ${item.shopifyInventoryItemId}${item.shopifyLocationId ? ` at location ${item.shopifyLocationId}` : ""}`}</span>
          {item.shopifySyncError ? (
            <span className="text-danger-text">{`Last sync failed: ${item.shopifySyncError}`}</span>
          ) : item.shopifySyncedAt ? (
            <span className="text-muted-foreground">{`Synced ${fmt.dateTime(item.shopifySyncedAt)}`}</span>
          ) : (
            <span className="text-muted-foreground">Not synced yet</span>
          )}
        </span>
      ) : (
        "Not linked"
      ),
    ],
    ["Last updated", fmt.dateTime(item.updatedAt)],
  ];
  return (
    <dl className="grid gap-3 text-sm">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

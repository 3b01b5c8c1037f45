// The details card of the item page.
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { OrgFormat } from "@/core/format/org-format";
import type { PluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../../messages";
import { Currency } from "../../components/currency";
import type { ItemDetail } from "./item-reads";
import { LiveQuantity } from "./live-quantity";
import { formatQuantity } from "../../components/quantity";


/** `text` puts a stored English message (the last sync failure) in the member's language (textTranslator). */
export function ItemDetails({ item, fmt, t, text, today }: { item: ItemDetail; fmt: OrgFormat; t: PluginTranslator<InventoryMessages>; text: (message: string) => string; today: string }) {
  const expired = item.expiresOn !== null && item.expiresOn < today;
  const rows: [string, ReactNode][] = [
    [t("item.sku"), <code key="sku" className="font-mono">{item.sku}</code>],
    [t("item.category"), item.categoryId ? <Link key="c" href={`/inventory?category=${item.categoryId}`} className="hover:underline">{item.categoryName}</Link> : t("item.noCategory")],
    [
      t("item.quantity"),
      <span key="q" className="inline-flex flex-wrap items-center gap-2">
        <LiveQuantity quantity={item.quantity} unit={item.unit} threshold={item.reorderThreshold} inStock={item.inStock} />
      </span>,
    ],
    [t("item.threshold"), formatQuantity(item.reorderThreshold, item.unit, { locale: fmt.locale })],
    [t("item.price"), <Currency key="p" amount={item.price} currency={fmt.currency} locale={fmt.locale} />],
    [
      t("item.expiry"),
      item.expiresOn ? (
        <span key="e" className="inline-flex items-center gap-2">
          {fmt.day(item.expiresOn)}
          {expired ? <Badge variant="danger">{t("item.expired")}</Badge> : null}
        </span>
      ) : (
        "—"
      ),
    ],
    [
      t("item.shopify"),
      item.shopifyInventoryItemId ? (
        <span key="s" className="grid gap-0.5">
          <span>
            {item.shopifyLocationId
              ? t("item.shopifyItemAt", { id: item.shopifyInventoryItemId, location: item.shopifyLocationId })
              : t("item.shopifyItem", { id: item.shopifyInventoryItemId })}
          </span>
          {item.shopifySyncError ? (
            <span className="text-danger-text">{t("item.syncFailed", { error: text(item.shopifySyncError) })}</span>
          ) : item.shopifySyncedAt ? (
            <span className="text-muted-foreground">{t("item.synced", { at: fmt.dateTime(item.shopifySyncedAt) })}</span>
          ) : (
            <span className="text-muted-foreground">{t("item.notSynced")}</span>
          )}
        </span>
      ) : (
        t("item.notLinked")
      ),
    ],
    [t("item.updated"), fmt.dateTime(item.updatedAt)],
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

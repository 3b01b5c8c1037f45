// /inventory/items/:id/edit. Another organization's item id is a 404, like a missing one.
import { pluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../../messages";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/core/plugins/permissions";
import type { PageProps } from "@/core/plugins/types";
import { INVENTORY_PERMISSIONS as P } from "../../permissions";
import { ItemForm } from "./item-form";
import { categoryOptions, getItemDetail } from "./item-reads";

export default async function EditItemPage({ ctx, params }: PageProps & { params: Record<string, string> }) {
  const [item, categories, canAdjust] = await Promise.all([getItemDetail(ctx.db, params.id ?? ""), categoryOptions(ctx.db), hasPermission(ctx, P.adjust)]);
  if (!item) notFound();
  const t = pluginTranslator<InventoryMessages>(ctx, "inventory");
  return (
    <div className="grid gap-6">
      <PageHeader eyebrow={<Link href={`/inventory/items/${item.id}`} className="hover:underline">{item.name}</Link>} title={t("pages.editItem")} />
      <ItemForm
        itemId={item.id}
        stock={{ quantity: item.quantity, unit: item.unit, adjustHref: canAdjust ? `/inventory/items/${item.id}#adjust` : null }}
        categories={categories}
        currency={ctx.organization.currency}
        cancelHref={`/inventory/items/${item.id}`}
        defaults={{
          name: item.name,
          sku: item.sku,
          categoryId: item.categoryId ?? "",
          quantity: String(item.quantity),
          unit: item.unit,
          price: item.price,
          reorderThreshold: String(item.reorderThreshold),
          inStock: item.inStock,
          expiresOn: item.expiresOn ?? "",
          shopifyInventoryItemId: item.shopifyInventoryItemId ?? "",
          shopifyLocationId: item.shopifyLocationId ?? "",
        }}
      />
    </div>
  );
}

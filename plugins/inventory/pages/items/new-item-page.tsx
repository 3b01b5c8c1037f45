// /inventory/items/new: the item form, with the organization's default reorder threshold (settings).
import { pluginTranslator } from "@/core/i18n/translate";
import type { InventoryMessages } from "../../messages";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { settingsAccess } from "@/core/plugins/settings/store";
import type { PageProps } from "@/core/plugins/types";
import { ItemForm } from "./item-form";
import { categoryOptions } from "./item-reads";

export default async function NewItemPage({ ctx }: PageProps) {
  const [categories, threshold] = await Promise.all([
    categoryOptions(ctx.db),
    settingsAccess("inventory", ctx.organization.id).get<number>("lowStockThreshold"),
  ]);
  const t = pluginTranslator<InventoryMessages>(ctx, "inventory");
  return (
    <div className="grid gap-6">
      <PageHeader eyebrow={<Link href="/inventory" className="hover:underline">{t("pages.inventory")}</Link>} title={t("pages.newItem")} />
      <ItemForm
        categories={categories}
        currency={ctx.organization.currency}
        cancelHref="/inventory"
        defaults={{
          name: "",
          sku: "",
          categoryId: "",
          quantity: "0",
          unit: "each",
          price: "0.00",
          reorderThreshold: String(threshold ?? 10),
          inStock: true,
          expiresOn: "",
          shopifyInventoryItemId: "",
          shopifyLocationId: "",
        }}
      />
    </div>
  );
}

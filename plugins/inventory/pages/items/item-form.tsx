"use client";
// Create/edit form of an item: validated in the browser with the same schema the server action
// re-checks; what only the server knows (a SKU another item already has, a category that was deleted
// meanwhile) comes back as field errors and is shown inline next to the field.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/core/actions/result";
import type { ItemData } from "../../items/schema";
import { createItemAction, updateItemAction } from "./item-actions";
import { itemFormSchema, type ItemFormValues } from "./item-form-schema";
import type { CategoryOption } from "./item-reads";
import { formatQuantity } from "../../components/quantity";
import { useOrgFormat } from "@/components/format/org-format";

type Props = {
  itemId?: string;
  /** Editing: the stock as it is, shown read-only — quantities change only through Adjust stock. */
  stock?: { quantity: number; unit: string; adjustHref: string | null };
  defaults: ItemFormValues;
  categories: CategoryOption[];
  currency: string;
  cancelHref: string;
};

export function ItemForm({ itemId, stock, defaults, categories, currency, cancelHref }: Props) {
  const { locale } = useOrgFormat();
  const router = useRouter();
  const t = useTranslations("plugins.inventory.form");
  const form = useForm<ItemFormValues, unknown, ItemData>({
    resolver: zodResolver(itemFormSchema) as unknown as Resolver<ItemFormValues, unknown, ItemData>,
    defaultValues: defaults,
    mode: "onTouched",
  });
  const { register, handleSubmit, setError, formState } = form;
  const err = (name: keyof ItemFormValues) => formState.errors[name]?.message;

  // The raw values go to the server, which parses them with the same schema (never trust the browser's
  // parse). An edit sends only the changed fields (see itemFormPatchSchema).
  const onSubmit = handleSubmit(async () => {
    const all = form.getValues();
    const values = itemId ? Object.fromEntries(Object.entries(all).filter(([key, v]) => v !== defaults[key as keyof ItemFormValues])) : all;
    if (itemId && Object.keys(values).length === 0) {
      toast.info(t("nothingChanged"));
      return;
    }
    const res: ActionResult<{ id: string }> = itemId ? await updateItemAction(itemId, values) : await createItemAction(values);
    if (!res.ok) {
      for (const [field, message] of Object.entries(res.fieldErrors ?? {})) {
        if (field in defaults) setError(field as keyof ItemFormValues, { type: "server", message }, { shouldFocus: true });
      }
      toast.error(res.error);
      return;
    }
    toast.success(res.message ?? t("saved"));
    router.push(`/inventory/items/${res.data.id}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-5" aria-label={itemId ? t("editItem") : t("newItem")}>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="name" label={t("name")} required error={err("name")}>
          {(a) => <Input {...a} autoComplete="off" {...register("name")} />}
        </Field>
        <Field id="sku" label={t("sku")} required error={err("sku")} description={t("skuHelp")}>
          {(a) => <Input {...a} autoComplete="off" spellCheck={false} {...register("sku")} />}
        </Field>
        <Field id="categoryId" label={t("category")} error={err("categoryId")}>
          {(a) => (
            <Select {...a} {...register("categoryId")}>
              <option value="">{t("noCategory")}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="unit" label={t("unit")} required error={err("unit")} description={t("unitHelp")}>
          {(a) => <Input {...a} autoComplete="off" {...register("unit")} />}
        </Field>
        {stock ? (
          // Not an input: a typed-over quantity would be a stock change without a reason. Adjust stock
          // records who changed it by how much and why.
          <div className="grid content-start gap-1.5 text-sm">
            <span className="font-medium">{t("quantity")}</span>
            <p className="flex min-h-9 flex-wrap items-center gap-x-3 gap-y-1">
              <span className="tabular-nums" data-testid="edit-quantity">
                {formatQuantity(stock.quantity, stock.unit, { locale })}
              </span>
              {stock.adjustHref ? (
                <Link href={stock.adjustHref} className="font-medium text-primary hover:underline">
                  {t("adjustLink")}
                </Link>
              ) : null}
            </p>
            <p className="text-[13px] text-muted-foreground">{t("quantityReadOnly")}</p>
          </div>
        ) : (
          <Field id="quantity" label={t("quantity")} required error={err("quantity")} description={t("quantityHelp")}>
            {(a) => <Input {...a} type="number" inputMode="numeric" min={0} step={1} {...register("quantity")} />}
          </Field>
        )}
        <Field id="reorderThreshold" label={t("threshold")} required error={err("reorderThreshold")} description={t("thresholdHelp")}>
          {(a) => <Input {...a} type="number" inputMode="numeric" min={0} step={1} {...register("reorderThreshold")} />}
        </Field>
        <Field id="price" label={t("price", { currency })} required error={err("price")} description={t("priceHelp")}>
          {(a) => <Input {...a} inputMode="decimal" autoComplete="off" {...register("price")} />}
        </Field>
        <Field id="expiresOn" label={t("expiry")} error={err("expiresOn")} description={t("optional")}>
          {(a) => <Input {...a} type="date" {...register("expiresOn")} />}
        </Field>
        <Field id="shopifyInventoryItemId" label={t("shopifyItem")} error={err("shopifyInventoryItemId")} description={t("shopifyItemHelp")}>
          {(a) => <Input {...a} inputMode="numeric" autoComplete="off" {...register("shopifyInventoryItemId")} />}
        </Field>
        <Field id="shopifyLocationId" label={t("shopifyLocation")} error={err("shopifyLocationId")}>
          {(a) => <Input {...a} inputMode="numeric" autoComplete="off" {...register("shopifyLocationId")} />}
        </Field>
      </div>
      <div className="flex items-center gap-2">
        <input id="inStock" type="checkbox" className="size-4 accent-primary" {...register("inStock")} />
        <label htmlFor="inStock" className="text-sm font-medium">
          {t("available")}
        </label>
      </div>
      <div className="flex gap-3">
        <Button type="submit" pending={formState.isSubmitting}>
          {itemId ? t("save") : t("create")}
        </Button>
        <Button type="button" variant="outline" onClick={() => router.push(cancelHref)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

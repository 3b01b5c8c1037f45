"use client";
// Create/edit form of an item: validated in the browser with the same schema the server action
// re-checks; what only the server knows (a SKU another item already has, a category that was deleted
// meanwhile) comes back as field errors and is shown inline next to the field.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
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
      toast.info("Nothing to save: no field was changed.");
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
    toast.success(res.message ?? "Saved.");
    router.push(`/inventory/items/${res.data.id}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-3xl gap-5" aria-label={itemId ? "Edit item" : "New item"}>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="name" label="Name" required error={err("name")}>
          {(a) => <Input {...a} autoComplete="off" {...register("name")} />}
        </Field>
        <Field id="sku" label="SKU" required error={err("sku")} description="Unique within your organization.">
          {(a) => <Input {...a} autoComplete="off" spellCheck={false} {...register("sku")} />}
        </Field>
        <Field id="categoryId" label="Category" error={err("categoryId")}>
          {(a) => (
            <Select {...a} {...register("categoryId")}>
              <option value="">No category</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="unit" label="Unit" required error={err("unit")} description="e.g. each, box, pack">
          {(a) => <Input {...a} autoComplete="off" {...register("unit")} />}
        </Field>
        {stock ? (
          // Not an input: a typed-over quantity would be a stock change without a reason. Adjust stock
          // records who changed it by how much and why.
          <div className="grid content-start gap-1.5 text-sm">
            <span className="font-medium">Quantity</span>
            <p className="flex min-h-9 flex-wrap items-center gap-x-3 gap-y-1">
              <span className="tabular-nums" data-testid="edit-quantity">
                {formatQuantity(stock.quantity, stock.unit, { locale })}
              </span>
              {stock.adjustHref ? (
                <Link href={stock.adjustHref} className="font-medium text-primary hover:underline">
                  Adjust stock
                </Link>
              ) : null}
            </p>
            <p className="text-[13px] text-muted-foreground">Changes only through stock adjustments, which record who, how much and why.</p>
          </div>
        ) : (
          <Field id="quantity" label="Quantity" required error={err("quantity")} description="The stock you start with.">
            {(a) => <Input {...a} type="number" inputMode="numeric" min={0} step={1} {...register("quantity")} />}
          </Field>
        )}
        <Field id="reorderThreshold" label="Reorder threshold" required error={err("reorderThreshold")} description="Below this quantity the item is low on stock.">
          {(a) => <Input {...a} type="number" inputMode="numeric" min={0} step={1} {...register("reorderThreshold")} />}
        </Field>
        <Field id="price" label={`Price (${currency})`} required error={err("price")} description="Per unit, at most two decimals.">
          {(a) => <Input {...a} inputMode="decimal" autoComplete="off" {...register("price")} />}
        </Field>
        <Field id="expiresOn" label="Expiry date" error={err("expiresOn")} description="Optional.">
          {(a) => <Input {...a} type="date" {...register("expiresOn")} />}
        </Field>
        <Field id="shopifyInventoryItemId" label="Shopify inventory item id" error={err("shopifyInventoryItemId")} description="Optional: to sync quantities to Shopify.">
          {(a) => <Input {...a} inputMode="numeric" autoComplete="off" {...register("shopifyInventoryItemId")} />}
        </Field>
        <Field id="shopifyLocationId" label="Shopify location id" error={err("shopifyLocationId")}>
          {(a) => <Input {...a} inputMode="numeric" autoComplete="off" {...register("shopifyLocationId")} />}
        </Field>
      </div>
      <div className="flex items-center gap-2">
        <input id="inStock" type="checkbox" className="size-4 accent-primary" {...register("inStock")} />
        <label htmlFor="inStock" className="text-sm font-medium">
          Available (in stock)
        </label>
      </div>
      <div className="flex gap-3">
        <Button type="submit" pending={formState.isSubmitting}>
          {itemId ? "Save changes" : "Create item"}
        </Button>
        <Button type="button" variant="outline" onClick={() => router.push(cancelHref)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

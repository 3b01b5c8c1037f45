"use client";
// The order's supplier: name and e-mail, editable until the order is received (the settings' default
// supplier fills them in when an order is generated). Validated in the browser with the server's zod
// schema; the server's field errors land on their field.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { toast } from "sonner";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { supplierInput } from "../../orders/schema";
import { saveSupplierAction } from "./actions";

type Values = { orderId: string; supplier: string; supplierEmail: string };
const resolver = zodResolver(supplierInput) as unknown as Resolver<Values>;

export function SupplierForm({ orderId, supplier, supplierEmail }: { orderId: string; supplier: string; supplierEmail: string | null }) {
  const router = useRouter();
  const t = useTranslations("plugins.inventory.orders");
  const form = useForm<Values>({ resolver, defaultValues: { orderId, supplier, supplierEmail: supplierEmail ?? "" } });
  const onSubmit = form.handleSubmit(async () => {
    const res = await saveSupplierAction(form.getValues());
    if (!res.ok) {
      for (const field of ["supplier", "supplierEmail"] as const) {
        const message = res.fieldErrors?.[field];
        if (message) form.setError(field, { type: "server", message }, { shouldFocus: true });
      }
      toast.error(res.error);
      return;
    }
    toast.success(res.message ?? t("saved"));
    form.reset(form.getValues());
    router.refresh();
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("supplier")} className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
      <Field id="po-supplier" label={t("supplier")} error={errors.supplier?.message}>
        {(a) => <Input {...a} autoComplete="organization" {...form.register("supplier")} />}
      </Field>
      <Field id="po-supplier-email" label={t("supplierEmail")} error={errors.supplierEmail?.message}>
        {(a) => <Input {...a} type="email" autoComplete="email" placeholder="orders@supplier.example" {...form.register("supplierEmail")} />}
      </Field>
      <Button type="submit" variant="outline" className="sm:mt-6" disabled={!isDirty} pending={isSubmitting}>
        {t("saveSupplier")}
      </Button>
    </form>
  );
}

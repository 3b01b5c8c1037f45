"use client";
// The adjust-stock form of the item page: a signed whole number (10 adds, -3 removes) and an optional
// reason. A withdrawal of more than is in stock is refused by the server ("Only N … in stock") and the
// message is shown under the amount; nothing changes then. An accepted change shows in the page's
// quantity at once (live-quantity.tsx), before the server has answered.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { toast } from "sonner";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { adjustFormSchema } from "./adjust-schema";
import { adjustStockAction } from "./item-actions";
import { useShowAdjustment } from "./live-quantity";

type Values = { amount: string; reason?: string };

export function AdjustStockForm({ itemId, unit }: { itemId: string; unit: string }) {
  const router = useRouter();
  const t = useTranslations("plugins.inventory.adjust");
  // No default values: react-hook-form then adopts what is in the inputs when it hydrates, so what
  // someone typed before the page became interactive is kept rather than reset.
  const form = useForm<Values>({ resolver: zodResolver(adjustFormSchema) as unknown as Resolver<Values> });
  const { register, handleSubmit, setError, reset, formState } = form;
  const showAdjustment = useShowAdjustment();
  const [, startTransition] = useTransition();
  // The raw values go to the server, which validates them again with the same schema. The action
  // runs in a transition, so the optimistic quantity lasts until the action's refreshed page (it
  // revalidates /inventory) has rendered — no flash of the old figure in between.
  const onSubmit = handleSubmit(
    () =>
      new Promise<void>((done) =>
        startTransition(async () => {
          // Valid here (the resolver passed): the signed amount as a number.
          showAdjustment(adjustFormSchema.parse(form.getValues()).amount);
          const res = await adjustStockAction(itemId, form.getValues());
          if (!res.ok) {
            const amountError = res.fieldErrors?.amount;
            if (amountError) setError("amount", { type: "server", message: amountError }, { shouldFocus: true });
            if (res.fieldErrors?.reason) setError("reason", { type: "server", message: res.fieldErrors.reason });
            if (!amountError) toast.error(res.error);
          } else {
            toast.success(res.message ?? t("adjusted"));
            reset({ reason: "" });
            router.refresh();
          }
          done();
        }),
      ),
  );

  // The amount is a text input, not type="number": a number input accepts "1e3" and hands over 1000.
  // Both the resolver and the server read decimal digits with a sign only.
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={t("form")}>
      <Field id="amount" label={t("change", { unit })} required error={formState.errors.amount?.message} description={t("changeHelp")}>
        {(a) => <Input {...a} type="text" autoComplete="off" pattern="[+\-]?[0-9]+" {...register("amount")} />}
      </Field>
      <Field id="reason" label={t("reason")} error={formState.errors.reason?.message}>
        {(a) => <Input {...a} autoComplete="off" placeholder={t("reasonPlaceholder")} {...register("reason")} />}
      </Field>
      <div>
        <Button type="submit" pending={formState.isSubmitting}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}

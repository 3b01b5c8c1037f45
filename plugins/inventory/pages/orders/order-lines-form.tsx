"use client";
// A draft's lines with editable quantities: totals follow the typed quantities at once (exact cents,
// BigInt), and "Save quantities" stores them in one transaction. Errors come back per line.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { TD } from "@/components/ui/table";
import { formatCurrency } from "../../components";
import type { OrderLine } from "../../orders/queries";
import { fromCents, lineQuantitiesInput, toCents } from "../../orders/schema";
import { saveLineQuantitiesAction } from "./actions";
import { LinesTable } from "./lines-table";
import { useOrgFormat } from "@/components/format/org-format";

export function OrderLinesForm({ orderId, lines, currency }: { orderId: string; lines: OrderLine[]; currency: string }) {
  const { locale } = useOrgFormat();
  const t = useTranslations("plugins.inventory.orders");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(lines.map((l) => [l.id, String(l.quantity)])));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const qty = (id: string) => (/^\d+$/.test(values[id] ?? "") ? BigInt(values[id]!) : null);
  const lineCents = (l: OrderLine) => {
    const q = qty(l.id);
    return q === null ? null : toCents(l.unitPrice) * q;
  };
  const totalCents = lines.reduce<bigint | null>((sum, l) => (sum === null || lineCents(l) === null ? null : sum + lineCents(l)!), 0n);
  const changed = lines.filter((l) => values[l.id] !== String(l.quantity));

  function save() {
    const input = { orderId, lines: changed.map((l) => ({ lineId: l.id, quantity: values[l.id] })) };
    const errorsOf = (fieldErrors: Record<string, string>) => {
      const out: Record<string, string> = {};
      changed.forEach((l, i) => {
        const e = fieldErrors[`lines.${i}.quantity`];
        if (e) out[l.id] = e;
      });
      return out;
    };
    const local = lineQuantitiesInput.safeParse(input);
    if (!local.success) {
      const fe: Record<string, string> = {};
      for (const issue of local.error.issues) fe[issue.path.join(".")] ??= issue.message;
      setErrors(errorsOf(fe));
      return;
    }
    startTransition(async () => {
      const res = await saveLineQuantitiesAction(input);
      if (!res.ok) {
        setErrors(errorsOf(res.fieldErrors ?? {}));
        toast.error(res.error);
        return;
      }
      setErrors({});
      toast.success(res.message ?? t("saved"));
      router.refresh();
    });
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <LinesTable lines={lines} currency={currency} locale={locale} totalCents={totalCents}>
        {(l) => (
          <>
            <TD className="w-36 text-right">
              <label htmlFor={`qty-${l.id}`} className="sr-only">
                {t("quantityOf", { name: l.name })}
              </label>
              <Input
                id={`qty-${l.id}`}
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                value={values[l.id] ?? ""}
                aria-invalid={errors[l.id] ? true : undefined}
                aria-describedby={errors[l.id] ? `qty-${l.id}-error` : undefined}
                onChange={(e) => setValues((v) => ({ ...v, [l.id]: e.target.value }))}
                // Printed, the quantity reads as plain text, not as a form field.
                className="h-8 text-right tabular-nums print:border-0 print:p-0 print:shadow-none"
              />
              {errors[l.id] ? (
                <p id={`qty-${l.id}-error`} className="mt-1 text-xs text-danger-text">
                  {errors[l.id]}
                </p>
              ) : null}
            </TD>
            <TD className="text-right tabular-nums">{formatCurrency(l.unitPrice, currency, locale)}</TD>
            <TD className="text-right tabular-nums">{lineCents(l) === null ? "—" : formatCurrency(fromCents(lineCents(l)!), currency, locale)}</TD>
          </>
        )}
      </LinesTable>
      <div className="flex items-center justify-end gap-3 border-t border-border px-4 py-3 print:hidden">
        {changed.length ? <span className="text-sm text-muted-foreground">{t("unsaved", { count: changed.length })}</span> : null}
        <Button type="submit" variant="outline" pending={pending} disabled={changed.length === 0}>
          {t("saveQuantities")}
        </Button>
      </div>
    </form>
  );
}

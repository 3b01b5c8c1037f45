"use client";
// The actions of one purchase order: "E-mail to supplier" (draft or sent; a draft becomes sent),
// draft -> "Mark as sent" (sent some other way); sent -> "Mark as received" (with a confirmation: it
// adds every line's quantity to stock, once); and "Print" (the page prints as the order alone).
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { OrderStatus } from "../../orders/schema";
import { emailOrderAction, receiveOrderAction, sendOrderAction } from "./actions";

type Props = { orderId: string; label: string; status: OrderStatus; lineCount: number; supplierEmail: string | null };

export function OrderActions({ orderId, label, status, lineCount, supplierEmail }: Props) {
  const router = useRouter();
  const t = useTranslations("plugins.inventory.orders");
  const [sending, startSending] = useTransition();
  const print = (
    <Button type="button" variant="outline" onClick={() => window.print()}>
      {t("print")}
    </Button>
  );
  if (status === "received") return print;
  const email = (
    <ConfirmDialog
      trigger={status === "draft" ? t("emailToSupplier") : t("emailAgain")}
      triggerVariant={status === "draft" ? "default" : "outline"}
      confirmVariant="default"
      title={t("emailTitle", { label })}
      description={
        supplierEmail
          ? t("emailText", { label, email: supplierEmail, draft: status === "draft" ? "yes" : "no" })
          : t("emailMissing", { label })
      }
      confirmLabel={t("sendEmail")}
      pendingLabel={t("sending")}
      onConfirm={async () => {
        const res = await emailOrderAction(orderId);
        if (!res.ok) throw new Error(res.error);
        toast.success(res.message ?? t("emailed"));
        router.refresh();
      }}
    />
  );
  if (status === "draft") {
    return (
      <>
        {email}
        <Button
          variant="outline"
          pending={sending}
          onClick={() =>
            startSending(async () => {
              const res = await sendOrderAction(orderId);
              if (!res.ok) toast.error(res.error);
              else toast.success(res.message ?? t("markedSent"));
              router.refresh();
            })
          }
        >
          {t("markSent")}
        </Button>
        {print}
      </>
    );
  }
  return (
    <>
      <ConfirmDialog
        trigger={t("markReceived")}
        triggerVariant="default"
        confirmVariant="default"
        title={t("receiveTitle", { label })}
        description={t("receiveText", { count: lineCount })}
        confirmLabel={t("receiveConfirm")}
        pendingLabel={t("receiving")}
        onConfirm={async () => {
          const res = await receiveOrderAction(orderId);
          if (!res.ok) throw new Error(res.error);
          toast.success(res.message ?? t("receivedToast"));
          router.refresh();
        }}
      />
      {email}
      {print}
    </>
  );
}

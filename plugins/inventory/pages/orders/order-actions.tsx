"use client";
// The actions of one purchase order: "E-mail to supplier" (draft or sent; a draft becomes sent),
// draft -> "Mark as sent" (sent some other way); sent -> "Mark as received" (with a confirmation: it
// adds every line's quantity to stock, once); and "Print" (the page prints as the order alone).
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { OrderStatus } from "../../orders/schema";
import { emailOrderAction, receiveOrderAction, sendOrderAction } from "./actions";

type Props = { orderId: string; label: string; status: OrderStatus; lineCount: number; supplierEmail: string | null };

export function OrderActions({ orderId, label, status, lineCount, supplierEmail }: Props) {
  const router = useRouter();
  const [sending, startSending] = useTransition();
  const print = (
    <Button type="button" variant="outline" onClick={() => window.print()}>
      Print
    </Button>
  );
  if (status === "received") return print;
  const email = (
    <ConfirmDialog
      trigger={status === "draft" ? "E-mail to supplier" : "E-mail again"}
      triggerVariant={status === "draft" ? "default" : "outline"}
      confirmVariant="default"
      title={`E-mail ${label}?`}
      description={
        supplierEmail
          ? `${label} goes to ${supplierEmail} with the order attached as a CSV file and a printable page${status === "draft" ? ", and is marked as sent" : ""}.`
          : `${label} has no supplier e-mail address yet: add it under Supplier, then send.`
      }
      confirmLabel="Send e-mail"
      pendingLabel="Sending…"
      onConfirm={async () => {
        const res = await emailOrderAction(orderId);
        if (!res.ok) throw new Error(res.error);
        toast.success(res.message ?? "E-mailed.");
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
              else toast.success(res.message ?? "Marked as sent.");
              router.refresh();
            })
          }
        >
          Mark as sent
        </Button>
        {print}
      </>
    );
  }
  return (
    <>
      <ConfirmDialog
        trigger="Mark as received"
        triggerVariant="default"
        confirmVariant="default"
        title={`Receive ${label}?`}
        description={`This adds the ordered quantities of ${lineCount} ${lineCount === 1 ? "line" : "lines"} to stock, recorded as purchase-order adjustments. An order is received once.`}
        confirmLabel="Receive and add stock"
        pendingLabel="Receiving…"
        onConfirm={async () => {
          const res = await receiveOrderAction(orderId);
          if (!res.ok) throw new Error(res.error);
          toast.success(res.message ?? "Received.");
          router.refresh();
        }}
      />
      {email}
      {print}
    </>
  );
}

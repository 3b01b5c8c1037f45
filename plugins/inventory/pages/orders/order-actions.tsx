"use client";
// The status transitions of one purchase order: draft -> "Mark as sent"; sent -> "Mark as received"
// (with a confirmation: it adds every line's quantity to stock, once).
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { OrderStatus } from "../../orders/schema";
import { receiveOrderAction, sendOrderAction } from "./actions";

export function OrderActions({ orderId, label, status, lineCount }: { orderId: string; label: string; status: OrderStatus; lineCount: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (status === "draft") {
    return (
      <Button
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const res = await sendOrderAction(orderId);
            if (!res.ok) toast.error(res.error);
            else toast.success(res.message ?? "Marked as sent.");
            router.refresh();
          })
        }
      >
        Mark as sent
      </Button>
    );
  }
  if (status === "sent") {
    return (
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
    );
  }
  return null;
}

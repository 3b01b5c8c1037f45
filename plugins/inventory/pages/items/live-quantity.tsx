"use client";
// The item page's quantity as the adjust-stock form changes it: shown at once (React's useOptimistic)
// while the server records the adjustment, then replaced by the server's figure when the action's
// refreshed page arrives — or back to the old one if the adjustment was refused. A withdrawal of more
// than is shown is never shown optimistically: the server will refuse it.
import { createContext, useContext, useOptimistic, type ReactNode } from "react";
import { StatusBadge } from "../../components/status-badge";
import { formatQuantity } from "../../components/quantity";
import { useOrgFormat } from "@/components/format/org-format";

type Live = { quantity: number; adjust: (delta: number) => void };
const LiveQuantityContext = createContext<Live | null>(null);

export function LiveQuantityProvider({ quantity, children }: { quantity: number; children: ReactNode }) {
  const [shown, adjust] = useOptimistic(quantity, (q: number, delta: number) => (q + delta >= 0 ? q + delta : q));
  return <LiveQuantityContext.Provider value={{ quantity: shown, adjust }}>{children}</LiveQuantityContext.Provider>;
}

/** The quantity and its status badge; outside a provider, the server's figure as given. */
export function LiveQuantity({ quantity, unit, threshold, inStock }: { quantity: number; unit: string; threshold: number; inStock: boolean }) {
  const { locale } = useOrgFormat();
  const q = useContext(LiveQuantityContext)?.quantity ?? quantity;
  return (
    <>
      <span className="tabular-nums" data-testid="item-quantity">
        {formatQuantity(q, unit, { locale })}
      </span>
      <StatusBadge quantity={q} threshold={threshold} inStock={inStock} />
    </>
  );
}

/** For the adjust-stock form: show a change at once. Call inside a transition (see useOptimistic). */
export function useShowAdjustment(): (delta: number) => void {
  return useContext(LiveQuantityContext)?.adjust ?? (() => undefined);
}
